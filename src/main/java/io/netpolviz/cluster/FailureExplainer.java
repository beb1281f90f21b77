package io.netpolviz.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns what went wrong while talking to the API server into a message that names the
 * context, says what happened in plain words and what to try. Exception texts are never
 * passed through whole: only a server's own status message is quoted, and that redacted.
 */
final class FailureExplainer {

    private final String context;
    private final String server;
    private final Redactor redactor;

    FailureExplainer(String context, String server, Redactor redactor) {
        this.context = context;
        this.server = ServerAddress.withoutUserInfo(server);
        this.redactor = redactor;
    }

    Failure explain(Throwable thrown) {
        String check = " Check with kubectl --context " + context + " get ns.";
        Optional<KubernetesClientException> http = find(thrown, KubernetesClientException.class)
                .filter(e -> e.getCode() > 0);
        if (http.isPresent()) {
            return explainHttp(http.get(), check);
        }
        if (find(thrown, UnknownHostException.class).isPresent()) {
            return transientFailure("cannot resolve the host of " + server
                    + ". Check the server address in the kubeconfig, your network and any VPN the cluster needs." + check);
        }
        if (find(thrown, SSLHandshakeException.class).isPresent() || find(thrown, CertificateException.class).isPresent()
                || find(thrown, SSLPeerUnverifiedException.class).isPresent()) {
            return lasting("the server at " + server + " presented a TLS certificate that the kubeconfig does not trust. "
                    + "The kubeconfig may be for an older or another cluster (a recreated cluster gets a new certificate "
                    + "authority): refresh it, for example with kind export kubeconfig or your cloud CLI, then reconnect." + check);
        }
        if (find(thrown, SSLException.class).isPresent()) {
            return lasting("the TLS connection to " + server + " failed. Check that the server address uses the right "
                    + "scheme (https) and port." + check);
        }
        if (find(thrown, SocketTimeoutException.class).isPresent() || find(thrown, TimeoutException.class).isPresent()
                || causeNamed(thrown, "Timeout")) {
            return transientFailure("the server at " + server + " did not answer in time. Check your network or VPN, "
                    + "and whether the cluster is up." + check);
        }
        if (find(thrown, ConnectException.class).isPresent() || find(thrown, NoRouteToHostException.class).isPresent()
                || causeNamed(thrown, "ConnectException")) {
            return transientFailure("the server at " + server + " refused the connection. Is the cluster running?" + check);
        }
        Throwable root = root(thrown);
        return transientFailure("reading from " + server + " failed (" + root.getClass().getSimpleName() + ")." + check);
    }

    private Failure explainHttp(KubernetesClientException e, String check) {
        String said = serverMessage(e).map(text -> " The server said: \"" + text + "\".").orElse("");
        return switch (e.getCode()) {
            case 401 -> lasting("the server at " + server + " rejected the credentials (401 Unauthorized). The token or "
                    + "client certificate may have expired or be wrong: log in again to refresh the kubeconfig, then "
                    + "reconnect." + check);
            case 403 -> lasting("the server at " + server + " forbids reading the cluster (403 Forbidden)." + said
                    + " Ask for get, list and watch rights, or choose namespaces you may read, then reconnect." + check);
            case 404 -> lasting("the server at " + server + " has no such API (404 Not Found). Is this a Kubernetes API "
                    + "server, and is the address in the kubeconfig complete?" + check);
            default -> transientFailure("the server at " + server + " answered HTTP " + e.getCode() + "." + said + check);
        };
    }

    /** The API server's own Status message, which names the user and the resource but no secret. */
    Optional<String> serverMessage(KubernetesClientException e) {
        if (e.getStatus() == null || e.getStatus().getMessage() == null || e.getStatus().getMessage().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(redactor.redact(e.getStatus().getMessage().strip()));
    }

    private Failure lasting(String what) {
        return new Failure(true, redactor.redact("Context '" + context + "': " + what));
    }

    private Failure transientFailure(String what) {
        return new Failure(false, redactor.redact("Context '" + context + "': " + what));
    }

    /** The HTTP status a failure carries, or 0 when it is not an HTTP error. */
    static int httpCode(Throwable thrown) {
        return find(thrown, KubernetesClientException.class).map(KubernetesClientException::getCode).orElse(0);
    }

    static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Netty and Vert.x wrap connection errors in their own classes; their names still say what happened. */
    private static boolean causeNamed(Throwable thrown, String fragment) {
        String lowered = fragment.toLowerCase(Locale.ROOT);
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains(lowered)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

package io.netpolviz.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.netpolviz.model.Diagnostic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fabric8 client for one kubeconfig context, with what is needed to talk about it safely:
 * the context name, the server address, and a redactor that knows the context's credentials.
 * Opening reads the kubeconfig but does not contact the server.
 */
final class ClusterConnection implements AutoCloseable {

    private final String context;
    private final String server;
    private final KubernetesClient client;
    private final Redactor redactor;
    private final FailureExplainer explainer;

    private ClusterConnection(String context, String server, KubernetesClient client, Redactor redactor) {
        this.context = context;
        this.server = server;
        this.client = client;
        this.redactor = redactor;
        this.explainer = new FailureExplainer(context, server, redactor);
    }

    static ClusterConnection open(ClusterOptions options) throws ClusterAccessException {
        for (String namespace : options.sortedNamespaces()) {
            if (!NamespaceNames.valid(namespace)) {
                throw new ClusterAccessException("'" + namespace + "' is not a namespace name: namespace names are lowercase "
                        + "letters, digits and '-', start and end with a letter or digit, and are at most 63 characters long.");
            }
        }
        List<Path> files = options.kubeconfig() == null ? KubeconfigContexts.defaultFiles() : List.of(options.kubeconfig());
        KubeconfigContexts kubeconfig = KubeconfigContexts.read(files);
        Redactor early = new Redactor(kubeconfig.secrets());
        String where = files.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (kubeconfig.contexts().isEmpty()) {
            String why = kubeconfig.problems().isEmpty()
                    ? "the kubeconfig " + where + " defines no contexts"
                    : kubeconfig.problems().stream().map(Diagnostic::display).collect(Collectors.joining("; "));
            throw new ClusterAccessException(early.redact("Cannot connect: " + why + "."));
        }
        String known = String.join(", ", kubeconfig.contextNames());
        String name = options.context();
        if (name == null || name.isBlank()) {
            name = kubeconfig.currentContext().orElseThrow(() -> new ClusterAccessException(
                    "Cannot connect: " + where + " sets no current-context. Choose one of: " + known + " (--context)."));
        }
        final String chosen = name;
        KubeconfigContext entry = kubeconfig.context(chosen).orElseThrow(() -> new ClusterAccessException(
                early.redact("Context '" + chosen + "' is not in " + where + ". Known contexts: " + known + ".")));
        Config config;
        try {
            config = Config.fromKubeconfig(chosen, entry.file().toFile());
        } catch (RuntimeException e) {
            throw new ClusterAccessException(early.redact("Context '" + chosen + "': the kubeconfig entry cannot be used ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Check it with kubectl --context " + chosen + " get ns."));
        }
        ClusterOptions.Timing timing = options.timing();
        // The source retries whole reads itself, with a fresh list each time (see ClusterSource).
        config.setRequestRetryBackoffLimit(0);
        config.setConnectionTimeout((int) timing.connectTimeout().toMillis());
        config.setRequestTimeout((int) timing.requestTimeout().toMillis());
        List<String> secrets = new ArrayList<>(kubeconfig.secrets());
        secrets.add(config.getOauthToken());
        secrets.add(config.getAutoOAuthToken());
        secrets.add(config.getPassword());
        secrets.add(config.getClientKeyData());
        secrets.add(config.getClientCertData());
        secrets.add(config.getClientKeyPassphrase());
        secrets.add(config.getProxyPassword());
        secrets.add(config.getTrustStorePassphrase());
        secrets.add(config.getKeyStorePassphrase());
        Redactor redactor = new Redactor(secrets);
        KnownCredentials.remember(secrets);
        String server = entry.server().isEmpty() ? ServerAddress.withoutUserInfo(config.getMasterUrl()) : entry.server();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new ClusterConnection(chosen, server, client, redactor);
    }

    String context() {
        return context;
    }

    String server() {
        return server;
    }

    KubernetesClient client() {
        return client;
    }

    Redactor redactor() {
        return redactor;
    }

    FailureExplainer explainer() {
        return explainer;
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.netpolviz.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link ClusterSource} says about its connection, in the words of the status line: each
 * message names the context and the server, and says what the user can do.
 */
final class ConnectionMessages {

    private ConnectionMessages() {
    }

    static String connecting(ClusterConnection connection, ClusterOptions options) {
        return "Connecting to context '" + connection.context() + "' at " + connection.server() + scope(options) + "…";
    }

    static String watching(ClusterConnection connection, ClusterOptions options, List<AccessGap> gaps) {
        String text = "Watching context '" + connection.context() + "' at " + connection.server() + scope(options) + ".";
        if (!gaps.isEmpty()) {
            text += " Partial view: " + gaps.size() + (gaps.size() == 1 ? " resource is" : " resources are")
                    + " unreadable (see the diagnostics).";
        }
        return text;
    }

    /** The server answered, but lets this user read nothing NetPolViz needs, or serves none of it. */
    static String nothingReadable(ClusterConnection connection, ClusterOptions options, List<AccessGap> gaps) {
        if (gaps.stream().allMatch(AccessGap::notServed)) {
            return "Context '" + connection.context() + "': the server at " + connection.server()
                    + " serves none of the Kubernetes APIs NetPolViz reads (404 Not Found). Is this a Kubernetes API server, "
                    + "and is the address in the kubeconfig complete? Check with kubectl --context " + connection.context()
                    + " get ns.";
        }
        String said = gaps.stream().map(AccessGap::serverMessage).filter(text -> !text.isBlank())
                .findFirst().map(text -> " The server said: \"" + text + "\".").orElse("");
        return connection.redactor().redact("Context '" + connection.context()
                + "': the server at " + connection.server() + " lets this user read none of the resources NetPolViz "
                + "needs (403 Forbidden)." + said + " Ask for get, list and watch on namespaces, pods, workloads, "
                + "services and networkpolicies" + (options.allNamespaces() ? ", or choose namespaces you may read "
                + "(--namespace)" : "") + ". Check with kubectl --context " + connection.context()
                + " auth can-i list pods.");
    }

    /** A failed attempt that will be tried again after {@code delay}. */
    static String retrying(Failure failure, boolean everConnected, Duration delay) {
        String shown = everConnected ? " Showing the last state read." : "";
        return failure.message() + shown + " Retrying in " + seconds(delay) + ".";
    }

    /** Credentials that worked were rejected during a run; the kubeconfig is read again before the next attempt. */
    static String credentialsRejected(Failure failure, Duration delay) {
        return failure.message() + " Showing the last state read; reading the kubeconfig again (a rotated token may be there)"
                + " and retrying in " + seconds(delay) + ".";
    }

    static String lostWatch(ClusterConnection connection, Duration delay) {
        return "Context '" + connection.context() + "': lost the watch on " + connection.server()
                + ". Showing the last state read; retrying in " + seconds(delay) + ".";
    }

    private static String scope(ClusterOptions options) {
        return options.allNamespaces() ? " (all namespaces)" : " (namespaces " + String.join(", ", options.sortedNamespaces()) + ")";
    }

    private static String seconds(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

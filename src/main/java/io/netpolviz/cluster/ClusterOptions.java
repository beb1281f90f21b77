package io.netpolviz.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to connect to: a kubeconfig file (null: {@code KUBECONFIG}, else {@code ~/.kube/config}),
 * a context (null: the kubeconfig's current context), and the namespaces to read (empty: all),
 * plus the timing of updates and retries.
 */
public record ClusterOptions(Path kubeconfig, String context, Set<String> namespaces, Timing timing) {

    public ClusterOptions {
        namespaces = namespaces == null ? Set.of() : Set.copyOf(new TreeSet<>(namespaces));
        timing = timing == null ? Timing.DEFAULT : timing;
    }

    public static ClusterOptions of(Path kubeconfig, String context, Set<String> namespaces) {
        return new ClusterOptions(kubeconfig, context, namespaces, Timing.DEFAULT);
    }

    public ClusterOptions withTiming(Timing newTiming) {
        return new ClusterOptions(kubeconfig, context, namespaces, newTiming);
    }

    public boolean allNamespaces() {
        return namespaces.isEmpty();
    }

    /** The namespaces in name order. */
    public TreeSet<String> sortedNamespaces() {
        return new TreeSet<>(namespaces);
    }

    /**
     * How quickly updates go out and how patiently the source retries.
     *
     * @param debounce quiet time after the last event of a burst before a snapshot goes out
     * @param maxDelay longest an event waits when events keep coming
     * @param outageGrace how long a watch may be down before the source calls it an outage
     *                    (a watch also restarts briefly in normal operation)
     * @param retryMin first wait before retrying after a failure; doubles up to {@code retryMax}
     * @param retryMax longest wait between retries
     * @param connectTimeout TCP and TLS connect timeout
     * @param requestTimeout timeout of one list request
     */
    public record Timing(
            Duration debounce,
            Duration maxDelay,
            Duration outageGrace,
            Duration retryMin,
            Duration retryMax,
            Duration connectTimeout,
            Duration requestTimeout) {

        public Timing {
            for (Duration duration : List.of(debounce, maxDelay, outageGrace, retryMin, retryMax, connectTimeout, requestTimeout)) {
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("every timing must be positive, got " + duration);
                }
            }
        }

        public static final Timing DEFAULT = new Timing(
                Duration.ofMillis(150), Duration.ofMillis(600), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }
}

package io.netpolviz.scale;

/**
 * What to generate: how many pods and NetworkPolicies, across how many application namespaces
 * (kube-system and monitoring come on top), from which seed. {@code adversarial} makes every
 * pod a bare Pod with a label of its own, so that no two pods fall into one class.
 * {@code clusterPolicies} ClusterNetworkPolicies (both tiers) and {@code calicoPolicies} Calico policies
 * (in a security tier, a platform tier and the default tier) come beside the NetworkPolicies.
 */
public record ClusterShape(int pods, int policies, int namespaces, long seed, boolean adversarial, int clusterPolicies,
        int calicoPolicies) {

    /** A shape without Calico policies. */
    public ClusterShape(int pods, int policies, int namespaces, long seed, boolean adversarial, int clusterPolicies) {
        this(pods, policies, namespaces, seed, adversarial, clusterPolicies, 0);
    }

    /** A shape without cluster-wide policies. */
    public ClusterShape(int pods, int policies, int namespaces, long seed, boolean adversarial) {
        this(pods, policies, namespaces, seed, adversarial, 0);
    }

    /** Pods that the platform namespaces always hold: two kube-dns and two prometheus replicas. */
    public static final int PLATFORM_PODS = 4;

    public ClusterShape {
        if (namespaces < 1) {
            throw new IllegalArgumentException("--namespaces must be at least 1, got " + namespaces);
        }
        if (pods < PLATFORM_PODS + namespaces) {
            throw new IllegalArgumentException("--pods must be at least " + (PLATFORM_PODS + namespaces)
                    + " for " + namespaces + " namespaces (" + PLATFORM_PODS + " platform pods and one per namespace), got " + pods);
        }
        if (policies < 0) {
            throw new IllegalArgumentException("--policies must be 0 or more, got " + policies);
        }
        if (calicoPolicies < 0) {
            throw new IllegalArgumentException("--calico-policies must be 0 or more, got " + calicoPolicies);
        }
        if (clusterPolicies < 0) {
            throw new IllegalArgumentException("--cluster-policies must be 0 or more, got " + clusterPolicies);
        }
    }

    /** The namespace count the benchmark sizes use: one application namespace per 200 pods, at least two. */
    public static int defaultNamespaces(int pods) {
        return Math.max(2, pods / 200);
    }
}

package io.netpolviz.scale;

/**
 * What to generate: how many pods and NetworkPolicies, across how many application namespaces
 * (kube-system and monitoring come on top), from which seed. {@code adversarial} makes every
 * pod a bare Pod with a label of its own, so that no two pods fall into one class.
 * {@code clusterPolicies} ClusterNetworkPolicies (both tiers), {@code ciliumPolicies} Cilium
 * policies (both kinds) or {@code calicoPolicies} Calico policies (in a security tier, a platform
 * tier and the default tier) come beside the NetworkPolicies; not Cilium's and Calico's together,
 * since a cluster runs one network plugin.
 */
public record ClusterShape(int pods, int policies, int namespaces, long seed, boolean adversarial, int clusterPolicies,
        int ciliumPolicies, int calicoPolicies) {

    /** A shape with Cilium policies and no Calico ones. */
    public ClusterShape(int pods, int policies, int namespaces, long seed, boolean adversarial, int clusterPolicies, int ciliumPolicies) {
        this(pods, policies, namespaces, seed, adversarial, clusterPolicies, ciliumPolicies, 0);
    }

    /** A shape without Cilium or Calico policies. */
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
        if (ciliumPolicies < 0) {
            throw new IllegalArgumentException("--cilium-policies must be 0 or more, got " + ciliumPolicies);
        }
        if (ciliumPolicies > 0 && calicoPolicies > 0) {
            throw new IllegalArgumentException("--cilium-policies and --calico-policies cannot be combined: a cluster runs one network"
                    + " plugin (and the loader would follow Cilium's); measure each on its own");
        }
    }

    /** The namespace count the benchmark sizes use: one application namespace per 200 pods, at least two. */
    public static int defaultNamespaces(int pods) {
        return Math.max(2, pods / 200);
    }
}

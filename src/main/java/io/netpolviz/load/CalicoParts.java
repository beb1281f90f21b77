package io.netpolviz.load;

import io.netpolviz.model.CalicoHostEndpoint;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoTier;
import java.util.ArrayList;
import java.util.List;

/** Gathers the Calico objects a source held into one {@link CalicoResources}. */
final class CalicoParts {

    private final List<CalicoTier> tiers = new ArrayList<>();
    private final List<CalicoPolicy> policies = new ArrayList<>();
    private final List<CalicoNetworkSet> networkSets = new ArrayList<>();
    private final List<CalicoHostEndpoint> hostEndpoints = new ArrayList<>();

    /** Keeps the value if it is a Calico object; returns whether it was one. */
    boolean add(Object value) {
        if (value instanceof CalicoTier tier) {
            tiers.add(tier);
        } else if (value instanceof CalicoPolicy policy) {
            policies.add(policy);
        } else if (value instanceof CalicoNetworkSet set) {
            networkSets.add(set);
        } else if (value instanceof CalicoHostEndpoint endpoint) {
            hostEndpoints.add(endpoint);
        } else {
            return false;
        }
        return true;
    }

    /** Whether the Calico object lives in a namespace (which then has to exist). */
    static boolean namespaced(Object value) {
        return value instanceof CalicoPolicy policy && !policy.isGlobal() || value instanceof CalicoNetworkSet set && !set.isGlobal();
    }

    /** The CIDRs the Calico objects among {@code values} name ({@link CalicoResources#nets}). */
    static List<io.netpolviz.model.Cidr> nets(List<Object> values) {
        CalicoParts parts = new CalicoParts();
        values.forEach(parts::add);
        return parts.resources().nets();
    }

    CalicoResources resources() {
        return new CalicoResources(tiers, policies, networkSets, hostEndpoints);
    }
}

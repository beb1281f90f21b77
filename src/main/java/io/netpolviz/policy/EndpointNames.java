package io.netpolviz.policy;

import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what a user typed for an endpoint ({@code namespace/name}, {@code ext:ADDRESS} or {@code ext:CIDR}) against the engine's nodes. */
final class EndpointNames {

    private EndpointNames() {
    }

    /** See {@link PolicyEngine#resolveAll(String)}; {@code workloadEndpoints} are keyed by node id. */
    static List<Endpoint> resolveAll(Map<String, Endpoint.Pods> workloadEndpoints, String text) {
        if (text.startsWith("ext:")) {
            Optional<IpAddress> one = IpAddress.parse(text.substring(4));
            if (one.isPresent()) {
                return List.of(Endpoint.External.address(one.get()));
            }
            // A block, or every address under its old name ext:any; a range that is no block names no one endpoint.
            return AddressRanges.parse(text).filter(AddressRanges.Range::isOneBlock).<List<Endpoint>>map(range -> List.of(range.probe()))
                    .orElse(List.of());
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return List.of();
        }
        String namespace = text.substring(0, slash);
        String name = text.substring(slash + 1);
        List<Endpoint> found = new ArrayList<>();
        Endpoint.Pods own = workloadEndpoints.get(text);
        if (own != null && own.workload().variant() == null) {
            found.add(own);
        }
        for (Endpoint.Pods pods : workloadEndpoints.values()) {
            Workload workload = pods.workload();
            if (workload.namespace().equals(namespace) && workload.variant() != null && workload.variant().ownerName().equals(name)) {
                found.add(pods);
            }
        }
        if (found.isEmpty()) {
            for (Endpoint.Pods pods : workloadEndpoints.values()) {
                if (pods.workload().namespace().equals(namespace) && pods.workload().holdsPod(name)) {
                    found.add(pods);
                }
            }
        }
        return found;
    }
}

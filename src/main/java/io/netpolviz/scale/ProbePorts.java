package io.netpolviz.scale;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ports the benchmark's reference run probes each destination on: those it declares and those rules name. */
final class ProbePorts {

    private ProbePorts() {
    }

    record Probe(Protocol protocol, int port) implements Comparable<Probe> {
        @Override
        public int compareTo(Probe other) {
            int byProtocol = protocol.compareTo(other.protocol);
            return byProtocol != 0 ? byProtocol : Integer.compare(port, other.port);
        }
    }

    /** Every numbered port a rule names (the first of a range): a destination may be probed on it even if it declares no such port. */
    static List<Probe> numbered(ClusterSnapshot snapshot) {
        Set<Probe> probes = new TreeSet<>();
        for (NetworkPolicy policy : snapshot.policies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (PolicyRule rule : policy.rules(direction)) {
                    for (PolicyPort port : rule.ports()) {
                        if (port.port() != null && !port.port().isNamed()) {
                            probes.add(new Probe(port.protocol(), port.port().number()));
                        }
                    }
                }
            }
        }
        for (io.netpolviz.model.ClusterPolicy policy : snapshot.clusterPolicies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (io.netpolviz.model.ClusterPolicyRule rule : policy.rules(direction)) {
                    for (io.netpolviz.model.ClusterPolicyPort port : rule.ports()) {
                        if (!port.isNamed()) {
                            probes.add(new Probe(port.protocol(), port.first()));
                            probes.add(new Probe(port.protocol(), port.last()));
                        }
                    }
                }
            }
        }
        for (CiliumPolicy policy : snapshot.ciliumPolicies()) {
            for (io.netpolviz.model.CiliumSpec spec : policy.specs()) {
                for (PolicyType direction : PolicyType.values()) {
                    java.util.stream.Stream.concat(spec.allows(direction).stream(), spec.denies(direction).stream())
                            .flatMap(rule -> rule.ports().stream()).filter(port -> !port.isNamed()).forEach(port -> {
                                probes.add(new Probe(port.protocol(), port.first()));
                                probes.add(new Probe(port.protocol(), port.last()));
                            });
                }
            }
        }
        for (io.netpolviz.model.CalicoPolicy policy : snapshot.calico().policies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (io.netpolviz.model.CalicoRule rule : policy.rules(direction)) {
                    Protocol protocol = "UDP".equals(rule.protocol()) ? Protocol.UDP : Protocol.TCP;
                    rule.destination().ports().stream().filter(port -> !port.isNamed()).forEach(port -> {
                        probes.add(new Probe(protocol, port.first()));
                        probes.add(new Probe(protocol, port.last()));
                    });
                }
            }
        }
        return List.copyOf(probes);
    }

    /** The destination's declared ports and the numbered ports rules name. */
    static List<Probe> candidates(Workload destination, List<Probe> numbered) {
        Set<Probe> probes = new TreeSet<>(numbered);
        for (ContainerPort port : destination.ports()) {
            probes.add(new Probe(port.protocol(), port.port()));
        }
        return List.copyOf(probes);
    }
}

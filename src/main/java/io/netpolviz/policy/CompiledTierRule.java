package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import java.util.BitSet;
import java.util.List;

/**
 * A rule of an ordered tier compiled against the cluster: the pod classes its peers match (never
 * host-network pods, which pod and namespace peers leave out), the CIDRs it names, and its ports,
 * numeric ones resolved once and named ones per destination (by name, whatever the protocol).
 */
public final class CompiledTierRule implements PeerMatching {

    private final TierRuleRef ref;
    private final ClusterPolicyRule source;
    private final BitSet peerClasses;
    private final List<Cidr> networks;
    private final PortSet numericPorts;
    private final List<ClusterPolicyPort> namedPorts;

    CompiledTierRule(TierRuleRef ref, ClusterPolicyRule source, BitSet peerClasses, List<Cidr> networks) {
        this.ref = ref;
        this.source = source;
        this.peerClasses = peerClasses;
        this.networks = List.copyOf(networks);
        PortSet numeric = PortSet.NONE;
        for (ClusterPolicyPort port : source.ports()) {
            if (!port.isNamed()) {
                numeric = numeric.union(PortSet.of(new PortRange(port.protocol(), port.first(), port.last())));
            }
        }
        this.numericPorts = source.ports().isEmpty() ? PortSet.ALL : numeric;
        this.namedPorts = source.ports().stream().filter(ClusterPolicyPort::isNamed).toList();
    }

    public TierRuleRef ref() {
        return ref;
    }

    public ClusterPolicyRule source() {
        return source;
    }

    /** Whether a peer names nodes or domain names: what it matches cannot be known from manifests. */
    public boolean undecidable() {
        return source.undecidable();
    }

    @Override
    public boolean matchesClass(int classIndex) {
        return peerClasses.get(classIndex);
    }

    BitSet peerClassesView() {
        return peerClasses;
    }

    public List<Cidr> networks() {
        return networks;
    }

    /** Whether a CIDR the rule names holds every address of {@code block}. */
    @Override
    public boolean matchesExternal(IpBlock block) {
        for (Cidr network : networks) {
            if (new IpBlock(network, List.of()).covers(block)) {
                return true;
            }
        }
        return false;
    }

    /** The ports the rule matches toward {@code destination}; addresses outside the cluster have no named ports. */
    public PortSet portsToward(Endpoint destination) {
        return destination instanceof Endpoint.Pods pods ? portsToward(pods.podClass()) : numericPorts;
    }

    PortSet portsToward(PodClass destination) {
        if (namedPorts.isEmpty()) {
            return numericPorts;
        }
        PortSet result = numericPorts;
        for (ClusterPolicyPort named : namedPorts) {
            for (ContainerPort declared : destination.ports()) {
                if (named.resolvesTo(declared.name(), declared.protocol())) {
                    result = result.union(PortSet.of(PortRange.single(declared.protocol(), declared.port())));
                }
            }
        }
        return result;
    }

    PortSet numericPorts() {
        return numericPorts;
    }
}

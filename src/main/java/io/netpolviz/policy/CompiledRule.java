package io.netpolviz.policy;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import java.util.BitSet;
import java.util.List;

/**
 * A rule compiled against the cluster: the pod classes its peers match, the ipBlocks it names
 * for external peers, and its ports, of which the numeric part is resolved once and the named
 * part per destination. A Cilium rule with L7 or DNS-name filters also carries those ports as a
 * rule of their own ({@link #filteredPortsToward}).
 */
public final class CompiledRule implements PeerMatching {

    private final RuleRef ref;
    private final PolicyRule source;
    private final boolean allPeers;
    private final BitSet peerClasses;
    private final List<IpBlock> ipBlocks;
    private final boolean allPorts;
    private final PortSet numericPorts;
    private final List<PolicyPort> namedPorts;
    private final CompiledRule filtered;
    private final boolean namesNoPodInParticular;

    CompiledRule(RuleRef ref, PolicyRule source, BitSet peerClasses, List<IpBlock> ipBlocks) {
        this(ref, source, peerClasses, ipBlocks, null);
    }

    /** @param filteredShape the same peers with only the ports an L7 or DNS-name rule filters at run time; null for none */
    CompiledRule(RuleRef ref, PolicyRule source, BitSet peerClasses, List<IpBlock> ipBlocks, PolicyRule filteredShape) {
        this.ref = ref;
        this.source = source;
        this.allPeers = source.allowsAllPeers();
        this.peerClasses = peerClasses;
        this.ipBlocks = List.copyOf(ipBlocks);
        this.allPorts = source.allowsAllPorts();
        PortSet numeric = PortSet.NONE;
        for (PolicyPort port : source.ports()) {
            if (port.port() == null) {
                numeric = numeric.union(PortSet.allPorts(port.protocol()));
            } else if (!port.port().isNamed()) {
                int first = port.port().number();
                int last = port.endPort() == null ? first : port.endPort();
                numeric = numeric.union(PortSet.of(new PortRange(port.protocol(), first, last)));
            }
        }
        this.numericPorts = allPorts ? PortSet.ALL : numeric;
        this.namedPorts = source.ports().stream().filter(p -> p.port() != null && p.port().isNamed()).toList();
        this.filtered = filteredShape == null ? null : new CompiledRule(ref, filteredShape, peerClasses, ipBlocks, null);
        this.namesNoPodInParticular = allPeers || source.peers().stream().filter(peer -> peer.ipBlock() == null)
                .allMatch(io.netpolviz.model.PolicyPeer::picksNoPodInParticular);
    }

    /**
     * Whether the rule admits pods only as "everyone": no peer list, or pod peers that each pick
     * every pod of a namespace or of the cluster. Such a rule says nothing about any one pair of pods.
     */
    public boolean namesNoPodInParticular() {
        return namesNoPodInParticular;
    }

    /** The ports toward {@code destination} on which an L7 or DNS-name rule of this (Cilium) rule filters at run time. */
    public PortSet filteredPortsToward(Endpoint destination) {
        return filtered == null ? PortSet.NONE : filtered.portsToward(destination).intersect(portsToward(destination));
    }

    public RuleRef ref() {
        return ref;
    }

    public PolicyRule source() {
        return source;
    }

    public boolean allPeers() {
        return allPeers;
    }

    /** The classes the rule's pod peers match; all classes when the rule names no peer. */
    @Override
    public boolean matchesClass(int classIndex) {
        return allPeers || peerClasses.get(classIndex);
    }

    public BitSet peerClasses() {
        return (BitSet) peerClasses.clone();
    }

    public List<IpBlock> ipBlocks() {
        return ipBlocks;
    }

    /** Whether the rule admits every address of {@code block}: no peer list, or an ipBlock that covers it. */
    @Override
    public boolean matchesExternal(IpBlock block) {
        if (allPeers) {
            return true;
        }
        for (IpBlock own : ipBlocks) {
            if (own.covers(block)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ports this rule admits toward {@code destination}. Named ports resolve against the
     * destination pods' container ports, and both name and protocol must match; addresses
     * outside the cluster have no named ports.
     */
    public PortSet portsToward(Endpoint destination) {
        if (namedPorts.isEmpty() || !(destination instanceof Endpoint.Pods pods)) {
            return numericPorts;
        }
        return portsToward(pods.podClass());
    }

    /**
     * The ports this rule admits toward pods of {@code destination}; the same answer as
     * {@link #portsToward(Endpoint)} for any workload of that class, without an endpoint.
     */
    PortSet portsToward(PodClass destination) {
        if (namedPorts.isEmpty()) {
            return numericPorts;
        }
        PortSet result = numericPorts;
        for (PolicyPort named : namedPorts) {
            for (ContainerPort declared : destination.ports()) {
                if (named.port().name().equals(declared.name()) && named.protocol() == declared.protocol()) {
                    result = result.union(PortSet.of(PortRange.single(declared.protocol(), declared.port())));
                }
            }
        }
        return result;
    }

    /** The ports this rule admits toward an address outside the cluster: its numeric ports only. */
    PortSet numericPorts() {
        return numericPorts;
    }

    public boolean hasNamedPorts() {
        return !namedPorts.isEmpty();
    }

    public List<PolicyPort> namedPorts() {
        return namedPorts;
    }
}

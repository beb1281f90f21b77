package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Calico rule compiled against the cluster: the peer classes its peer entity matches, the
 * classes of the policy's own endpoints its local entity admits, whether it matches addresses
 * outside the cluster, and its ports (protocol, ports and notPorts; named ones per destination).
 * A rule whose match depends on the running data plane, and a Log rule, decide nothing.
 */
public final class CompiledCalicoRule implements PeerMatching {

    private final CalicoRuleRef ref;
    private final CalicoRule source;
    private final CalicoEntity peer;
    private final BitSet peerClasses;
    private final BitSet localClasses;
    private final Set<Protocol> protocols;
    private final PortSet numericPorts;
    /** What {@link #decision()} answers, read once: the walks ask it for every rule they pass. */
    private final RuleAction decision;
    /** Whether some port of the rule is a name, the only case where the destination's declared ports matter. */
    private final boolean namesPorts;
    /** The ports toward destinations by their declared ports, for a rule that names ports. */
    private final java.util.Map<List<ContainerPort>, PortSet> towardDeclared = new java.util.concurrent.ConcurrentHashMap<>();
    /** The network sets the peer's selector picks, and those its notSelector picks. */
    private final List<CalicoNetworkSet> peerSets;
    private final List<CalicoNetworkSet> excludedSets;

    CompiledCalicoRule(CalicoRuleRef ref, CalicoRule source, BitSet peerClasses, BitSet localClasses) {
        this(ref, source, peerClasses, localClasses, List.of(), List.of());
    }

    CompiledCalicoRule(CalicoRuleRef ref, CalicoRule source, BitSet peerClasses, BitSet localClasses, List<CalicoNetworkSet> peerSets,
            List<CalicoNetworkSet> excludedSets) {
        this.peerSets = List.copyOf(peerSets);
        this.excludedSets = List.copyOf(excludedSets);
        this.ref = ref;
        this.source = source;
        this.peer = source.peer(ref.direction());
        this.peerClasses = peerClasses;
        this.localClasses = localClasses;
        this.protocols = protocols(source);
        this.numericPorts = portsToward(List.of());
        this.decision = source.decidedAtRunTime() ? null : source.action().decision();
        CalicoEntity destination = source.destination();
        this.namesPorts = destination.ports().stream().anyMatch(CalicoPort::isNamed) || destination.notPorts().stream().anyMatch(CalicoPort::isNamed);
    }

    /** docs.tigera.io Rule: protocol and notProtocol; names and numbers 6, 17, 132 for TCP, UDP, SCTP. */
    static Set<Protocol> protocols(CalicoRule rule) {
        Set<Protocol> out = EnumSet.allOf(Protocol.class);
        if (rule.protocol() != null) {
            out.retainAll(protocolOf(rule.protocol()));
        }
        if (rule.notProtocol() != null) {
            out.removeAll(protocolOf(rule.notProtocol()));
        }
        return out;
    }

    private static Set<Protocol> protocolOf(String text) {
        return switch (text) {
            case "TCP", "6" -> EnumSet.of(Protocol.TCP);
            case "UDP", "17" -> EnumSet.of(Protocol.UDP);
            case "SCTP", "132" -> EnumSet.of(Protocol.SCTP);
            default -> EnumSet.noneOf(Protocol.class);
        };
    }

    public CalicoRuleRef ref() {
        return ref;
    }

    public CalicoRule source() {
        return source;
    }

    /** The action when it matches; null when it never decides (Log, or decided at run time). */
    RuleAction decision() {
        return decision;
    }

    /** Whether only the running data plane can tell if this rule matches. */
    public boolean undecidable() {
        return source.decidedAtRunTime();
    }

    @Override
    public boolean matchesClass(int classIndex) {
        return peerClasses.get(classIndex);
    }

    /**
     * An address outside the cluster matches when a net of a network set the peer's selector picks
     * covers it (or no label field narrows the peer), a net covers it, and neither a notNet nor a
     * set the notSelector picks touches it.
     */
    @Override
    public boolean matchesExternal(IpBlock block) {
        if (peer.serviceAccounts() != null) {
            return false;
        }
        if ((peer.selector() != null || peer.namespaceSelector() != null)
                && peerSets.stream().noneMatch(set -> set.nets().stream().anyMatch(net -> new IpBlock(net, List.of()).covers(block)))) {
            return false;
        }
        if (excludedSets.stream().anyMatch(set -> set.nets().stream().anyMatch(net -> net.overlaps(block.cidr())))) {
            return false;
        }
        if (!peer.nets().isEmpty() && peer.nets().stream().noneMatch(net -> new IpBlock(net, List.of()).covers(block))) {
            return false;
        }
        for (Cidr net : peer.notNets()) {
            if (net.overlaps(block.cidr())) {
                return false;
            }
        }
        return true;
    }

    /** The network sets whose addresses the peer's selector picks, for the picture and explanations. */
    public List<CalicoNetworkSet> peerNetworkSets() {
        return peerSets;
    }

    /** Whether the policy's own endpoint (the subject) satisfies the rule's local entity. */
    boolean admitsLocal(int classIndex) {
        return localClasses.get(classIndex);
    }

    BitSet peerClassesView() {
        return peerClasses;
    }

    BitSet localClassesView() {
        return localClasses;
    }

    public PortSet portsToward(Endpoint destination) {
        return destination instanceof Endpoint.Pods pods ? portsToward(pods.podClass()) : numericPorts;
    }

    PortSet portsToward(PodClass destination) {
        if (!namesPorts || destination.ports().isEmpty()) {
            return numericPorts;
        }
        return towardDeclared.computeIfAbsent(destination.ports(), this::portsToward);
    }

    PortSet numericPorts() {
        return numericPorts;
    }

    /** destination.ports (all when empty) minus destination.notPorts, in the rule's protocols; names look up declared ports. */
    private PortSet portsToward(List<ContainerPort> declared) {
        CalicoEntity destination = source.destination();
        PortSet base = PortSet.NONE;
        for (Protocol protocol : protocols) {
            base = base.union(destination.ports().isEmpty() ? PortSet.allPorts(protocol) : listed(destination.ports(), protocol, declared));
        }
        if (destination.notPorts().isEmpty()) {
            return base;
        }
        PortSet excluded = PortSet.NONE;
        for (Protocol protocol : protocols) {
            excluded = excluded.union(listed(destination.notPorts(), protocol, declared));
        }
        return base.minus(excluded);
    }

    private static PortSet listed(List<CalicoPort> ports, Protocol protocol, List<ContainerPort> declared) {
        PortSet out = PortSet.NONE;
        for (CalicoPort port : ports) {
            if (!port.isNamed()) {
                out = out.union(PortSet.of(new PortRange(protocol, Math.max(1, port.first()), Math.max(1, port.last()))));
                continue;
            }
            for (ContainerPort candidate : declared) {
                if (port.name().equals(candidate.name()) && candidate.protocol() == protocol) {
                    out = out.union(PortSet.of(PortRange.single(protocol, candidate.port())));
                }
            }
        }
        return out;
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdicts for one choice of switched-on policies. Built in one pass over the policies'
 * selected classes (which policies isolate each class in each direction); every question after
 * that looks only at the rules of those policies.
 */
public final class Evaluation {

    private static final int[] NONE = new int[0];

    private final PolicyEngine engine;
    private final BitSet enabled;
    /** Per direction ordinal, per class index: indices of switched-on policies that isolate it. */
    private final int[][][] isolating;

    Evaluation(PolicyEngine engine, BitSet enabled) {
        this.engine = engine;
        this.enabled = (BitSet) enabled.clone();
        int classCount = engine.classes().size();
        this.isolating = new int[PolicyType.values().length][][];
        for (PolicyType direction : PolicyType.values()) {
            int[] counts = new int[classCount];
            for (CompiledPolicy policy : engine.policies()) {
                if (isActive(policy, direction)) {
                    BitSet selected = policy.selectedClasses();
                    for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
                        counts[c]++;
                    }
                }
            }
            int[][] perClass = new int[classCount][];
            for (int c = 0; c < classCount; c++) {
                perClass[c] = counts[c] == 0 ? NONE : new int[counts[c]];
                counts[c] = 0;
            }
            for (CompiledPolicy policy : engine.policies()) {
                if (isActive(policy, direction)) {
                    BitSet selected = policy.selectedClasses();
                    for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
                        perClass[c][counts[c]++] = policy.index();
                    }
                }
            }
            isolating[direction.ordinal()] = perClass;
        }
    }

    private boolean isActive(CompiledPolicy policy, PolicyType direction) {
        return enabled.get(policy.index()) && policy.isolates(direction);
    }

    public PolicyEngine engine() {
        return engine;
    }

    public boolean isSwitchedOn(PolicyId id) {
        return engine.policy(id).map(p -> enabled.get(p.index())).orElse(false);
    }

    /** The switched-off policies, sorted. */
    public Set<PolicyId> switchedOff() {
        Set<PolicyId> off = new TreeSet<>();
        for (CompiledPolicy policy : engine.policies()) {
            if (!enabled.get(policy.index())) {
                off.add(policy.id());
            }
        }
        return off;
    }

    /** Whether pods of this class are isolated in this direction (host-network pods never are). */
    public boolean isIsolated(PodClass podClass, PolicyType direction) {
        return !podClass.hostNetwork() && isolating[direction.ordinal()][podClass.index()].length > 0;
    }

    /** The switched-on policies that select this class and isolate the direction. */
    public List<CompiledPolicy> isolatingPolicies(PodClass podClass, PolicyType direction) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (int p : isolating[direction.ordinal()][podClass.index()]) {
            out.add(engine.policies().get(p));
        }
        return out;
    }

    /** What the source's egress allows toward the destination. */
    public PortSet egressPorts(Endpoint source, Endpoint destination) {
        if (!(source instanceof Endpoint.Pods pods)) {
            return PortSet.ALL;
        }
        return sidePorts(pods.podClass(), PolicyType.EGRESS, destination, destination);
    }

    /** What the destination's ingress allows from the source. */
    public PortSet ingressPorts(Endpoint source, Endpoint destination) {
        if (!(destination instanceof Endpoint.Pods pods)) {
            return PortSet.ALL;
        }
        return sidePorts(pods.podClass(), PolicyType.INGRESS, source, destination);
    }

    /** The ports on which a new connection from source to destination is allowed. */
    public PortSet allowedPorts(Endpoint source, Endpoint destination) {
        PortSet egress = egressPorts(source, destination);
        if (egress.isEmpty()) {
            return egress;
        }
        return egress.intersect(ingressPorts(source, destination));
    }

    private PortSet sidePorts(PodClass subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        if (subject.hostNetwork()) {
            return PortSet.ALL;
        }
        int[] policies = isolating[direction.ordinal()][subject.index()];
        if (policies.length == 0) {
            return PortSet.ALL;
        }
        PortSet allowed = PortSet.NONE;
        for (int p : policies) {
            for (CompiledRule rule : engine.policies().get(p).rules(direction)) {
                if (rule.matches(peer)) {
                    allowed = allowed.union(rule.portsToward(destination));
                    if (allowed.isAll()) {
                        return allowed;
                    }
                }
            }
        }
        return allowed;
    }

    /** The full reasoning for one connection. */
    public Verdict verdict(Endpoint source, Endpoint destination, Protocol protocol, int port) {
        SideVerdict egress = side(source, PolicyType.EGRESS, destination, destination, protocol, port);
        SideVerdict ingress = side(destination, PolicyType.INGRESS, source, destination, protocol, port);
        return new Verdict(source, destination, protocol, port, egress, ingress);
    }

    private SideVerdict side(Endpoint subject, PolicyType direction, Endpoint peer, Endpoint destination, Protocol protocol, int port) {
        if (!(subject instanceof Endpoint.Pods pods)) {
            return new SideVerdict(direction, Governance.EXTERNAL, List.of(), List.of(), List.of(), List.of());
        }
        PodClass podClass = pods.podClass();
        List<PolicyId> switchedOff = new ArrayList<>();
        for (CompiledPolicy policy : engine.policies()) {
            if (!enabled.get(policy.index()) && policy.isolates(direction) && policy.selects(podClass.index())) {
                switchedOff.add(policy.id());
            }
        }
        if (podClass.hostNetwork()) {
            return new SideVerdict(direction, Governance.HOST_NETWORK, List.of(), List.of(), List.of(), switchedOff);
        }
        List<PolicyId> isolatingIds = new ArrayList<>();
        List<RuleRef> admitting = new ArrayList<>();
        List<RuleRef> peerOnly = new ArrayList<>();
        for (CompiledPolicy policy : isolatingPolicies(podClass, direction)) {
            isolatingIds.add(policy.id());
            for (CompiledRule rule : policy.rules(direction)) {
                if (!rule.matches(peer)) {
                    continue;
                }
                if (rule.portsToward(destination).contains(protocol, port)) {
                    admitting.add(rule.ref());
                } else {
                    peerOnly.add(rule.ref());
                }
            }
        }
        return new SideVerdict(direction, Governance.POD, isolatingIds, admitting, peerOnly, switchedOff);
    }
}

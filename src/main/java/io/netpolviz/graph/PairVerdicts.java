package io.netpolviz.graph;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.NamedPeerPorts;
import io.netpolviz.policy.PodClass;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.RunTimeFilteredPorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one evaluation says about every ordered pair of endpoints a workload picture could draw:
 * the allowed ports, the ports worth naming on a label, and whether the pair is <em>half-open</em>
 * — a rule on one side names the other end explicitly (not as "every pod" of a namespace or of
 * the cluster, nor as every address) for ports that stay blocked ({@link NamedPeerPorts}): the other
 * side blocks what it admits (the tutorial's frontend → backend-api at step 3), an Admin-tier rule on
 * the same side decided first (lesson 07's staging → prod/db), or it is a Calico, Cilium or
 * cluster-wide Deny that cuts the pair off from what an Allow or Pass let on (lesson 10's threat feed →
 * customer, lesson 11's deny-xwing). The picture decides from this which
 * pairs tell something; the changed marks come from comparing two of these tables by endpoint id.
 *
 * <p>The pairs are those {@code analyze} reports, except two pods of a one-replica workload (a pod
 * and itself, which no NetworkPolicy governs): every workload to every other workload and, when
 * it has more than one pod, to itself; every workload to and from each external peer a rule names.
 */
public final class PairVerdicts {

    /**
     * One ordered pair and what the evaluation says of it.
     *
     * @param filtered the allowed ports on which a Cilium L7 or DNS-name rule filters further at run time
     */
    public record Pair(Endpoint source, Endpoint destination, PortSet allowed, List<PortRange> candidates, List<PortRange> named,
            PortSet halfOpenPorts, PortSet filtered) {

        public Pair {
            candidates = List.copyOf(candidates);
            named = List.copyOf(named);
        }

        /**
         * The ports a label marks blocked: those a rule names for this pair and that are not
         * allowed; for a pair with nothing allowed and no rule naming a port, the ports the
         * destination declares. With {@code everyPort}, every port worth naming that is not allowed.
         */
        public List<PortRange> blockedToShow(boolean everyPort) {
            List<PortRange> from = everyPort ? candidates : !named.isEmpty() || anyAllowed() ? named : candidates;
            return from.stream().filter(port -> !allowed.containsAll(port)).toList();
        }

        public String key() {
            return GraphEdge.key(source.id(), destination.id());
        }

        /** Whether a connection is allowed on at least one port. */
        public boolean anyAllowed() {
            return !allowed.isEmpty();
        }

        /** Whether a rule names the pair on one side while the ports stay blocked (see the class comment). */
        public boolean halfOpen() {
            return !halfOpenPorts.isEmpty();
        }
    }

    private final Evaluation evaluation;
    private final Map<String, Pair> pairs;

    private PairVerdicts(Evaluation evaluation, Map<String, Pair> pairs) {
        this.evaluation = evaluation;
        this.pairs = pairs;
    }

    /** The pairs among {@code endpoints} (workloads and external peers of the evaluation's engine). */
    public static PairVerdicts of(Evaluation evaluation, List<? extends Endpoint> endpoints) {
        Rules rules = new Rules(evaluation);
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (Endpoint source : endpoints) {
            for (Endpoint destination : endpoints) {
                if (!counts(source, destination)) {
                    continue;
                }
                Pair pair = rules.pair(source, destination);
                pairs.put(pair.key(), pair);
            }
        }
        return new PairVerdicts(evaluation, pairs);
    }

    /** Whether the pair is one a picture accounts for (see the class comment). */
    static boolean counts(Endpoint source, Endpoint destination) {
        if (source instanceof Endpoint.External && destination instanceof Endpoint.External) {
            return false;
        }
        if (source == destination) {
            return source instanceof Endpoint.Pods pods && pods.workload().replicas() > 1;
        }
        return true;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** Every pair, sources in endpoint order, then destinations in endpoint order. */
    public List<Pair> pairs() {
        return List.copyOf(pairs.values());
    }

    /** The pair {@code source->destination}, if it is in the table. */
    public Pair pair(String key) {
        return pairs.get(key);
    }

    /**
     * The namespaces of these pairs' workloads where no switched-on policy isolates any pod, in
     * either direction, and the outside of the cluster ({@link GraphNode#OUTSIDE}) when an address
     * block is in a pair (no policy isolates an address): everything may reach them and they may
     * reach everything, as far as their own side goes, so among them every pair is open.
     */
    public java.util.Set<String> openNamespaces() {
        java.util.Set<String> open = new java.util.TreeSet<>();
        java.util.Set<String> closed = new java.util.TreeSet<>();
        for (Pair pair : pairs.values()) {
            for (Endpoint end : List.of(pair.source(), pair.destination())) {
                if (end instanceof Endpoint.External) {
                    open.add(GraphNode.OUTSIDE);
                } else if (end instanceof Endpoint.Pods pods) {
                    boolean isolated = evaluation.isIsolated(pods.podClass(), PolicyType.INGRESS)
                            || evaluation.isIsolated(pods.podClass(), PolicyType.EGRESS) || evaluation.isSelectedByCalico(pods.podClass());
                    (isolated ? closed : open).add(pods.workload().namespace());
                }
            }
        }
        open.removeAll(closed);
        return open;
    }

    public int size() {
        return pairs.size();
    }

    /**
     * The port names NetworkPolicy rules use ({@code port: metrics}), switched on or off: the words a
     * label may use for a port that is a different number on each destination it speaks of.
     */
    public java.util.Set<PortName> portNamesInRules() {
        java.util.Set<PortName> names = new java.util.TreeSet<>();
        for (CompiledPolicy policy : evaluation.engine().policies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledRule rule : policy.rules(direction)) {
                    rule.namedPorts().forEach(port -> names.add(new PortName(port.protocol(), port.port().name())));
                }
            }
        }
        return names;
    }

    /**
     * Per pair of classes, the rules that bear on it: computed once per class pair, since pods no
     * policy can tell apart get the same answers. External ends are not cached (few, and keyed by block).
     */
    private static final class Rules {

        private final Evaluation evaluation;
        private final List<List<CompiledPolicy>> selecting;
        private final Map<Long, Pair> byClassPair = new HashMap<>();
        private final boolean runTimeFilters;

        Rules(Evaluation evaluation) {
            this.evaluation = evaluation;
            this.runTimeFilters = RunTimeFilteredPorts.any(evaluation);
            int classes = evaluation.engine().classes().size();
            selecting = new ArrayList<>(classes);
            for (int c = 0; c < classes; c++) {
                selecting.add(new ArrayList<>());
            }
            for (CompiledPolicy policy : evaluation.engine().policies()) {
                var selected = policy.selectedClasses();
                for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
                    selecting.get(c).add(policy);
                }
            }
        }

        Pair pair(Endpoint source, Endpoint destination) {
            if (source instanceof Endpoint.Pods from && destination instanceof Endpoint.Pods to) {
                long key = ((long) from.podClass().index() << 32) | to.podClass().index();
                Pair template = byClassPair.computeIfAbsent(key, k -> compute(source, destination));
                return new Pair(source, destination, template.allowed(), template.candidates(), template.named(), template.halfOpenPorts(),
                        template.filtered());
            }
            return compute(source, destination);
        }

        private Pair compute(Endpoint source, Endpoint destination) {
            PortSet allowed = evaluation.connectivity().allowed(source, destination)
                    .orElseGet(() -> evaluation.allowedPorts(source, destination));
            PortSet egressNamed = NamedPeerPorts.of(evaluation, source, PolicyType.EGRESS, destination, destination);
            PortSet ingressNamed = NamedPeerPorts.of(evaluation, destination, PolicyType.INGRESS, source, destination);
            // A port a rule names for the pair that is still blocked: the other side blocks it (the tutorial's
            // frontend -> backend-api), an Admin-tier rule on the same side decided first (lesson 07's staging -> prod/db),
            // or a named Deny cut it off (lesson 10's threat feed). Either way a rule was written for this pair.
            PortSet halfOpen = egressNamed.union(ingressNamed).minus(allowed);
            TreeSet<PortRange> named = new TreeSet<>();
            addRulePorts(source, PolicyType.EGRESS, destination, destination, named);
            addRulePorts(destination, PolicyType.INGRESS, source, destination, named);
            TreeSet<PortRange> candidates = new TreeSet<>(named);
            if (destination instanceof Endpoint.Pods pods) {
                for (ContainerPort declared : pods.podClass().ports()) {
                    candidates.add(PortRange.single(declared.protocol(), declared.port()));
                }
            }
            PortSet filtered = runTimeFilters ? RunTimeFilteredPorts.of(evaluation, source, destination, allowed) : PortSet.NONE;
            return new Pair(source, destination, allowed, List.copyOf(candidates), List.copyOf(named), halfOpen, filtered);
        }

        /**
         * Adds the ports that rules (switched on or off) bearing on the pair name, so a label says what a switched-off
         * policy would open. A rule that admits every pod names no pair: its ports ("DNS to every namespace") would
         * mark every label of the cluster blocked on them.
         */
        private void addRulePorts(Endpoint subject, PolicyType direction, Endpoint peer, Endpoint destination, TreeSet<PortRange> ports) {
            if (!(subject instanceof Endpoint.Pods pods)) {
                return;
            }
            PodClass podClass = pods.podClass();
            for (CompiledPolicy policy : selecting.get(podClass.index())) {
                for (CompiledRule rule : policy.rules(direction)) {
                    boolean everyone = peer instanceof Endpoint.Pods && rule.namesNoPodInParticular();
                    if (!rule.source().allowsAllPorts() && !everyone && rule.matches(peer)) {
                        ports.addAll(rule.portsToward(destination).ranges());
                    }
                }
            }
        }
    }
}

package io.netpolviz.graph;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the reachability graph of an evaluation. Which edges exist and which ports they carry
 * depends only on the manifests — which pairs rules of any policy (switched on or off) name,
 * the destination's declared container ports and the ports those rules name — so a toggle
 * changes verdicts and never the shape of the graph.
 */
public final class ReachabilityGraphBuilder {

    /**
     * Up to this many workloads, every pair is drawn by default: a lesson-sized cluster reads
     * well that way, and a wide-open cluster shows that everything reaches everything. Above
     * it, only the pairs rules name are drawn, or the picture becomes a hairball.
     */
    public static final int ALL_PAIRS_UP_TO = 12;

    /** Which pairs of endpoints get an edge. */
    public enum Pairs {
        /** Every ordered pair of workloads, and pairs with an external end that a rule names. */
        ALL,
        /** Only pairs that a rule with explicit peers names, in either direction. */
        NAMED_BY_RULES,
        /** {@link #ALL} for small clusters, {@link #NAMED_BY_RULES} above {@link #ALL_PAIRS_UP_TO} workloads. */
        AUTO
    }

    private final PolicyEngine engine;
    private final boolean allPairs;

    public ReachabilityGraphBuilder(PolicyEngine engine) {
        this(engine, Pairs.AUTO);
    }

    public ReachabilityGraphBuilder(PolicyEngine engine, Pairs pairs) {
        this.engine = engine;
        this.allPairs = pairs == Pairs.ALL || (pairs == Pairs.AUTO && engine.workloadEndpoints().size() <= ALL_PAIRS_UP_TO);
    }

    /** The graph for {@code current}; ports whose verdict differs in {@code previous} are marked changed. */
    public ReachabilityGraph build(Evaluation current, Evaluation previous) {
        List<Endpoint> endpoints = new ArrayList<>(engine.workloadEndpoints());
        endpoints.addAll(engine.externalPeers());
        List<GraphNode> nodes = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            nodes.add(node(endpoint));
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (Endpoint source : endpoints) {
            for (Endpoint destination : endpoints) {
                if (source == destination || (source instanceof Endpoint.External && destination instanceof Endpoint.External)) {
                    continue;
                }
                if (!allPairs && !namedByRule(source, destination)) {
                    continue;
                }
                List<PortRange> candidates = candidatePorts(source, destination);
                if (candidates.isEmpty()) {
                    continue;
                }
                PortSet allowed = current.allowedPorts(source, destination);
                PortSet before = previous == null ? null : previous.allowedPorts(source, destination);
                List<PortVerdict> verdicts = new ArrayList<>();
                for (PortRange port : candidates) {
                    boolean isAllowed = allowed.containsAll(port);
                    boolean partial = !isAllowed && allowed.overlaps(port);
                    boolean changed = before != null && before.containsAll(port) != isAllowed;
                    verdicts.add(new PortVerdict(port, isAllowed, partial, changed));
                }
                edges.add(new GraphEdge(source.id(), destination.id(), verdicts));
            }
        }
        List<String> namespaces = engine.snapshot().namespaces().stream().map(ns -> ns.name()).toList();
        return new ReachabilityGraph(namespaces, nodes, edges);
    }

    /**
     * Whether a rule with explicit peers names this pair: an egress rule of a policy selecting
     * the source whose peers match the destination, or an ingress rule of a policy selecting the
     * destination whose peers match the source. Rules without peers name nobody in particular.
     */
    private boolean namedByRule(Endpoint source, Endpoint destination) {
        for (CompiledPolicy policy : engine.policies()) {
            if (source instanceof Endpoint.Pods pods && policy.selects(pods.podClass().index())
                    && policy.rules(PolicyType.EGRESS).stream().anyMatch(r -> !r.allPeers() && r.matches(destination))) {
                return true;
            }
            if (destination instanceof Endpoint.Pods pods && policy.selects(pods.podClass().index())
                    && policy.rules(PolicyType.INGRESS).stream().anyMatch(r -> !r.allPeers() && r.matches(source))) {
                return true;
            }
        }
        return false;
    }

    /** The caption of a stand-in's node: what it is, since its name reads like any selector. */
    public static final String STAND_IN_CAPTION = "stand-in \u00B7 no manifest of these pods";

    /** The node of one workload or external peer. */
    public static GraphNode node(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Pods pods) {
            var workload = pods.workload();
            if (workload.variant() != null) {
                // Pods shown apart from their workload: named by the pod when one, by the workload when several.
                String name = workload.replicas() == 1 ? workload.name() : workload.variant().ownerName();
                String origin = (workload.replicas() == 1 ? "pod of " : "pods of ") + workload.variant().owner() + " \u00B7 "
                        + workload.variant().difference();
                return new GraphNode(workload.id(), NodeType.WORKLOAD, workload.namespace(), name, workload.kind(), workload.replicas(),
                        workload.hostNetwork(), workload.podLabels(), 1, 0, origin);
            }
            if (workload.kind() == WorkloadKind.STAND_IN) {
                // No pods of the input: the caption says so wherever the node is drawn.
                return new GraphNode(workload.id(), NodeType.WORKLOAD, workload.namespace(), workload.name(), workload.kind(), 1,
                        false, workload.podLabels(), 1, 0, STAND_IN_CAPTION);
            }
            return new GraphNode(workload.id(), NodeType.WORKLOAD, workload.namespace(), workload.name(),
                    workload.kind(), workload.replicas(), workload.hostNetwork(), workload.podLabels());
        }
        Endpoint.External external = (Endpoint.External) endpoint;
        // Cilium's world entity names both families: two boxes both called "any address" would read as one drawn twice.
        String name = !external.isAnyAddress() ? external.block().display()
                : external.block().cidr().ipv6() ? "any IPv6 address" : "any address";
        return new GraphNode(external.id(), NodeType.EXTERNAL, "", name, null, 0, false, Map.of());
    }

    /**
     * The ports worth showing for a pair: the destination's declared ports and every port a rule
     * names that could apply to the pair (an egress rule of a policy selecting the source whose
     * peers match the destination, or an ingress rule of a policy selecting the destination whose
     * peers match the source). A rule that admits every port adds nothing of its own, unless the
     * pair has no other port to show, when it is shown as "all"; a workload that declares no port
     * and that no rule names a port of is shown reachable on "all ports", never left without an
     * edge (most manifests declare no ports). Pairs with an external end
     * appear only when a rule names them.
     */
    public List<PortRange> candidatePorts(Endpoint source, Endpoint destination) {
        TreeSet<PortRange> ports = new TreeSet<>();
        boolean ruleNamesPair = false;
        boolean ruleAdmitsAllPorts = false;
        if (destination instanceof Endpoint.Pods pods) {
            for (ContainerPort declared : pods.podClass().ports()) {
                ports.add(PortRange.single(declared.protocol(), declared.port()));
            }
        }
        for (CompiledPolicy policy : engine.policies()) {
            List<CompiledRule> relevant = new ArrayList<>();
            if (source instanceof Endpoint.Pods pods && policy.selects(pods.podClass().index())) {
                relevant.addAll(policy.rules(PolicyType.EGRESS).stream().filter(r -> r.matches(destination)).toList());
            }
            if (destination instanceof Endpoint.Pods pods && policy.selects(pods.podClass().index())) {
                relevant.addAll(policy.rules(PolicyType.INGRESS).stream().filter(r -> r.matches(source)).toList());
            }
            for (CompiledRule rule : relevant) {
                boolean externalEnd = source instanceof Endpoint.External || destination instanceof Endpoint.External;
                if (externalEnd && rule.allPeers()) {
                    // "Any address" is named by a rule without peers; a specific block is not.
                    Endpoint.External external = (Endpoint.External) (source instanceof Endpoint.External ? source : destination);
                    if (!external.isAnyAddress()) {
                        continue;
                    }
                }
                ruleNamesPair = true;
                PortSet admitted = rule.portsToward(destination);
                if (rule.source().allowsAllPorts()) {
                    ruleAdmitsAllPorts = true;
                } else {
                    ports.addAll(admitted.ranges());
                }
            }
        }
        boolean externalEnd = source instanceof Endpoint.External || destination instanceof Endpoint.External;
        if (externalEnd && !ruleNamesPair) {
            return List.of();
        }
        if (ports.isEmpty() && (ruleAdmitsAllPorts || destination instanceof Endpoint.Pods)) {
            // Nothing declared and no rule names a port: the verdict cannot depend on the port, and
            // a rule without ports admits every protocol, so the label reads "all ports", not "all TCP".
            ports.addAll(PortRange.everyPort());
        }
        return List.copyOf(ports);
    }
}

package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.ReachabilityGraphBuilder.Pairs;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aggregated graph against brute force: the workload graph of {@link ReachabilityGraphBuilder},
 * asked about every workload pair, with each collapsed namespace's workloads merged by hand. Every
 * node, edge, port, verdict, changed mark and pair count must agree, after the first evaluation
 * and after each of a chain of toggles.
 */
class AggregatedGraphTest {

    /** What the merged workload edges of one aggregated edge say. */
    private record Expected(Map<PortRange, long[]> ports, long pairs, long allowedPairs) {
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void aggregatedGraphIsTheWorkloadGraphMergedByNamespace(int seed) {
        Random random = new Random(seed);
        PolicyEngine engine = PolicyEngine.compile(SmallClusters.generate(random, 10 + random.nextInt(14), 3 + random.nextInt(8)));
        List<Grouping> groupings = List.of(Grouping.NONE,
                new Grouping(Map.of(), Grouping.namespacesWithWorkloads(engine)),
                new Grouping(Map.of(), Set.of("alpha", "gamma")),
                new Grouping(Map.of("alpha", "team=red", "beta", "team=red", "gamma", "team=blue", "delta", "team=blue"),
                        Set.of("team=red", "gamma", "delta")),
                new Grouping(Map.of(), Map.of("alpha", "app", "beta", "app"), Set.of("alpha/app=web", "alpha/app=db", "beta/app=api", "gamma")));
        for (Pairs pairs : List.of(Pairs.ALL, Pairs.NAMED_BY_RULES)) {
            for (Grouping grouping : groupings) {
                checkAcrossToggles(engine, grouping, pairs, new Random(seed * 31L));
            }
        }
    }

    @Test
    void withNothingCollapsedItIsExactlyTheWorkloadGraph() {
        for (int seed = 20; seed < 26; seed++) {
            PolicyEngine engine = PolicyEngine.compile(SmallClusters.generate(new Random(seed), 9, 6));
            Evaluation evaluation = engine.evaluate();
            ReachabilityGraph workloads = new ReachabilityGraphBuilder(engine).build(evaluation, null);
            ReachabilityGraph aggregated = AggregatedGraph.build(Grouping.NONE, evaluation).graph();
            assertEquals(workloads.nodes(), aggregated.nodes());
            assertEquals(workloads.edges(), aggregated.edges());
            assertEquals(workloads.namespaces(), aggregated.namespaces());
        }
    }

    @Test
    void aGeneratedClusterOfManyNamespacesOpensAsTeamsAndMatchesBruteForce() {
        PolicyEngine engine = PolicyEngine.compile(ClusterGenerator.generate(new ClusterShape(240, 60, 18, 3, false)).snapshot());
        Grouping grouping = Grouping.auto(engine);
        assertFalse(grouping.groups().isEmpty(), "18 namespaces are grouped");
        assertTrue(grouping.groups().values().stream().allMatch(group -> group.startsWith("team=")), grouping.groups().toString());
        AggregatedGraph graph = AggregatedGraph.build(grouping, engine.evaluate());
        assertTrue(graph.graph().nodes().stream().anyMatch(node -> node.id().equals("group:team=payments")));
        assertTrue(graph.graph().nodes().stream().anyMatch(node -> node.id().equals("ns:kube-system")), "alone, not in a team");
        assertTrue(graph.graph().nodes().stream().noneMatch(node -> node.type() == NodeType.WORKLOAD));
        checkAcrossToggles(engine, grouping, Pairs.AUTO, new Random(5));
        checkAcrossToggles(engine, grouping.expanding("team=payments").expanding("payments-1"), Pairs.AUTO, new Random(6));
    }

    @Test
    void aNamespaceOfManyWorkloadsOpensIntoPartsByTierAndMatchesBruteForce() {
        PolicyEngine engine = PolicyEngine.compile(ClusterGenerator.generate(new ClusterShape(600, 90, 2, 4, false)).snapshot());
        Grouping grouping = Grouping.auto(engine);
        assertTrue(grouping.groups().isEmpty(), "two namespaces need no groups");
        String namespace = grouping.parts().keySet().iterator().next();
        assertEquals("tier", grouping.parts().get(namespace));
        Grouping open = grouping.expanding(namespace);
        AggregatedGraph graph = AggregatedGraph.build(open, engine.evaluate());
        List<GraphNode> parts = graph.graph().nodes().stream().filter(GraphNode::isPart).toList();
        assertTrue(parts.size() >= 2, parts.toString());
        assertTrue(parts.stream().allMatch(part -> part.namespace().equals(namespace) && part.name().startsWith("tier=")), parts.toString());
        assertEquals(graph.members("ns:" + namespace).size(), 0, "an open namespace has no node of its own");
        assertEquals(Grouping.namespacesWithWorkloads(engine).size() - 1,
                graph.graph().nodes().stream().filter(node -> node.isCollapsed() && !node.isPart()).count());
        int inParts = parts.stream().mapToInt(GraphNode::workloads).sum();
        long alone = graph.graph().nodes().stream().filter(node -> node.type() == NodeType.WORKLOAD).count();
        assertEquals(engine.workloadEndpoints().stream().filter(pods -> pods.podClass().namespace().equals(namespace)).count(),
                inParts + alone, "every workload of the namespace is in a part or alone");
        checkAcrossToggles(engine, open.expanding(Grouping.unitNameOf(parts.get(0).id()).orElseThrow()), Pairs.AUTO, new Random(8));
    }

    @Test
    void aSummaryEdgeCountsTheWorkloadPairsItStandsFor() {
        PolicyEngine engine = PolicyEngine.compile(ClusterGenerator.generate(new ClusterShape(120, 30, 3, 1, false)).snapshot());
        Grouping grouping = new Grouping(Map.of(), Grouping.namespacesWithWorkloads(engine));
        AggregatedGraph graph = AggregatedGraph.build(grouping, engine.evaluate());
        String dns = graph.graph().edges().stream().map(GraphEdge::key)
                .filter(key -> key.endsWith("->ns:kube-system") && !key.startsWith("ns:kube-system")).findFirst().orElseThrow();
        EdgeSummary summary = graph.summary(dns).orElseThrow();
        String source = dns.substring("ns:".length(), dns.indexOf("->"));
        long sourceWorkloads = graph.members("ns:" + source).size();
        long destinationWorkloads = graph.members("ns:kube-system").size();
        assertEquals(sourceWorkloads * destinationWorkloads, summary.pairs(), "every workload of the namespace to every kube-system workload");
        List<AggregatedGraph.MemberPair> members = graph.memberPairs(dns, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(summary.pairs(), members.size());
        assertEquals(summary.allowedPairs(), members.stream().filter(AggregatedGraph.MemberPair::anyAllowed).count());
        assertTrue(summary.display().contains("workload pairs"), summary.display());
        long blocked = summary.pairs() - summary.allowedPairs();
        assertEquals((summary.allowedPairs() > 0 ? 1 : 0) + (blocked > 0 ? 1 : 0), graph.memberPairs(dns, 1, 1).size(),
                "at most one allowed and one blocked example");
    }

    @Test
    void searchFindsTheCollapsedNamespaceOfAWorkload() {
        PolicyEngine engine = PolicyEngine.compile(SmallClusters.generate(new Random(3), 16, 4));
        AggregatedGraph graph = AggregatedGraph.build(new Grouping(Map.of(), Set.of("alpha")), engine.evaluate());
        GraphNode member = graph.members("ns:alpha").get(0);
        PictureComposer.Composed found = PictureComposer.composeSummed(graph.graph(), ViewFilter.NONE.withSearch(member.name()), null,
                graph::members, graph::blockedOn, graph.halfOpenEdges());
        assertTrue(found.graph().node("ns:alpha").isPresent(), found.graph().nodes().toString());
        assertEquals(Set.of("ns:alpha"), graph.nodeShowing(member.id()).stream().collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void expandingCountsTheNodesThePictureWouldHave() {
        PolicyEngine engine = PolicyEngine.compile(SmallClusters.generate(new Random(4), 20, 4));
        Grouping collapsed = new Grouping(Map.of(), Grouping.namespacesWithWorkloads(engine));
        AggregatedGraph graph = AggregatedGraph.build(collapsed, engine.evaluate());
        assertEquals(graph.graph().nodes().size(), graph.nodeCount(collapsed));
        Grouping open = collapsed.expanding("beta");
        assertEquals(AggregatedGraph.build(open, engine.evaluate()).graph().nodes().size(), graph.nodeCount(open));
        assertEquals(graph.regrouped(open, engine.evaluate()).graph().nodes(), AggregatedGraph.build(open, engine.evaluate()).graph().nodes());
    }

    // ---------------------------------------------------------------- brute force

    private static void checkAcrossToggles(PolicyEngine engine, Grouping grouping, Pairs pairs, Random random) {
        ReachabilityGraphBuilder builder = new ReachabilityGraphBuilder(engine, pairs);
        Evaluation evaluation = engine.evaluate();
        AggregatedGraph aggregated = AggregatedGraph.build(grouping, pairs, evaluation);
        assertMerged(engine, grouping, builder.build(evaluation, null), aggregated, "first evaluation");
        List<PolicyId> policies = engine.policies().stream().map(CompiledPolicy::id).toList();
        for (int step = 0; step < 6 && !policies.isEmpty(); step++) {
            Evaluation next;
            AggregatedGraph nextGraph;
            if (step == 5) {
                // Several switches at once: the changes come from comparing the two evaluations.
                Set<PolicyId> off = new HashSet<>();
                policies.forEach(id -> {
                    if (random.nextBoolean()) {
                        off.add(id);
                    }
                });
                next = engine.evaluate(off);
                nextGraph = aggregated.withVerdicts(next);
            } else {
                next = evaluation.toggle(policies.get(random.nextInt(policies.size())));
                nextGraph = aggregated.withVerdicts(next, next.changes());
            }
            assertMerged(engine, grouping, builder.build(next, evaluation), nextGraph, "step " + step + " of " + grouping);
            evaluation = next;
            aggregated = nextGraph;
        }
    }

    /**
     * The ports the rules that apply to a workload edge name, found the slow way: every rule of
     * every policy, switched on or off, that selects one end and whose peers match the other.
     */
    private static Set<PortRange> rulePorts(PolicyEngine engine, GraphEdge edge) {
        io.netpolviz.policy.Endpoint source = endpoint(engine, edge.sourceId());
        io.netpolviz.policy.Endpoint destination = endpoint(engine, edge.targetId());
        io.netpolviz.policy.Endpoint.External external = source instanceof io.netpolviz.policy.Endpoint.External x ? x
                : destination instanceof io.netpolviz.policy.Endpoint.External y ? y : null;
        Set<PortRange> ports = new TreeSet<>();
        for (CompiledPolicy policy : engine.policies()) {
            List<io.netpolviz.policy.CompiledRule> rules = new ArrayList<>();
            if (source instanceof io.netpolviz.policy.Endpoint.Pods pods && policy.selects(pods.podClass().index())) {
                policy.rules(io.netpolviz.model.PolicyType.EGRESS).stream().filter(rule -> rule.matches(destination)).forEach(rules::add);
            }
            if (destination instanceof io.netpolviz.policy.Endpoint.Pods pods && policy.selects(pods.podClass().index())) {
                policy.rules(io.netpolviz.model.PolicyType.INGRESS).stream().filter(rule -> rule.matches(source)).forEach(rules::add);
            }
            for (io.netpolviz.policy.CompiledRule rule : rules) {
                boolean namesBlock = external == null || !rule.allPeers() || external.isAnyAddress();
                if (namesBlock && !rule.source().allowsAllPorts()) {
                    ports.addAll(rule.portsToward(destination).ranges());
                }
            }
        }
        return ports;
    }

    private static io.netpolviz.policy.Endpoint endpoint(PolicyEngine engine, String id) {
        return engine.externalPeers().stream().filter(external -> external.id().equals(id)).findFirst()
                .map(io.netpolviz.policy.Endpoint.class::cast)
                .orElseGet(() -> engine.workloadEndpoints().stream().filter(pods -> pods.id().equals(id)).findFirst().orElseThrow());
    }

    private static void assertMerged(PolicyEngine engine, Grouping grouping, ReachabilityGraph workloads, AggregatedGraph aggregated,
            String when) {
        Map<String, String> nodeOf = new TreeMap<>();
        Set<String> expectedNodes = new TreeSet<>();
        for (GraphNode node : workloads.nodes()) {
            String shownAs = node.type() == NodeType.WORKLOAD
                    ? grouping.unitOf(node.namespace(), node.labels()).map(Grouping.Unit::nodeId).orElse(node.id()) : node.id();
            nodeOf.put(node.id(), shownAs);
            expectedNodes.add(shownAs);
        }
        assertEquals(expectedNodes, new TreeSet<>(aggregated.graph().nodes().stream().map(GraphNode::id).toList()), when);

        Map<String, Expected> expected = new TreeMap<>();
        Map<String, Boolean> changed = new TreeMap<>();
        for (GraphEdge edge : workloads.edges()) {
            String source = nodeOf.get(edge.sourceId());
            String target = nodeOf.get(edge.targetId());
            String key = GraphEdge.key(source, target);
            boolean summary = !source.equals(edge.sourceId()) || !target.equals(edge.targetId());
            // An edge that sums up pairs shows the ports rules name for them, else all of theirs.
            Set<PortRange> shown = summary ? new HashSet<>(rulePorts(engine, edge)) : null;
            List<PortVerdict> ports = edge.ports().stream().filter(port -> shown == null || shown.isEmpty() || shown.contains(port.port()))
                    .toList();
            Expected merged = expected.computeIfAbsent(key, k -> new Expected(new TreeMap<>(), 0, 0));
            for (PortVerdict port : ports) {
                long[] counts = merged.ports().computeIfAbsent(port.port(), p -> new long[3]);
                counts[0]++;
                counts[1] += port.allowed() ? 1 : 0;
                counts[2] += port.allowed() || port.partial() ? 1 : 0;
                changed.merge(key + " " + port.port(), port.changed(), Boolean::logicalOr);
            }
            boolean anyAllowed = ports.stream().anyMatch(port -> port.allowed() || port.partial());
            expected.put(key, new Expected(merged.ports(), merged.pairs() + 1, merged.allowedPairs() + (anyAllowed ? 1 : 0)));
        }
        assertEquals(expected.keySet(), new TreeSet<>(aggregated.graph().edges().stream().map(GraphEdge::key).toList()), when);
        for (GraphEdge edge : aggregated.graph().edges()) {
            Expected merged = expected.get(edge.key());
            assertEquals(new ArrayList<>(merged.ports().keySet()), edge.ports().stream().map(PortVerdict::port).toList(), when + " " + edge.key());
            for (PortVerdict port : edge.ports()) {
                long[] counts = merged.ports().get(port.port());
                String where = when + " " + edge.key() + " " + port.port().display();
                assertEquals(counts[1] == counts[0], port.allowed(), where + " allowed");
                assertEquals(counts[1] < counts[0] && counts[2] > 0, port.partial(), where + " partial");
                assertEquals(changed.get(edge.key() + " " + port.port()), port.changed(), where + " changed");
            }
            EdgeSummary summary = aggregated.summary(edge.key()).orElseThrow();
            assertEquals(merged.pairs(), summary.pairs(), when + " " + edge.key() + " pairs");
            assertEquals(merged.allowedPairs(), summary.allowedPairs(), when + " " + edge.key() + " allowed pairs");
            for (EdgeSummary.PortSummary port : summary.ports()) {
                long[] counts = merged.ports().get(port.port());
                assertEquals(counts[0], port.pairs(), when + " " + edge.key() + " " + port.port() + " pairs");
                assertEquals(counts[1], port.allowedPairs(), when + " " + edge.key() + " " + port.port() + " allowed pairs");
                assertEquals(counts[2] - counts[1], port.partlyAllowedPairs(), when + " " + edge.key() + " " + port.port() + " in part");
            }
        }
    }
}

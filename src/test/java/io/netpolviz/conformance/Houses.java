package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.ReferenceEvaluator;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The conformance suite's cluster (src/test/resources/conformance/houses.yaml) with policies
 * added as YAML, read through the real loader; the suite's patches (swap two rules, change an
 * action or a priority, delete a NetworkPolicy) become new snapshots. A poke asserts the
 * connection through the engine's verdict, its per-pair ports, its class-level connectivity and
 * the literal reference evaluator, which must all agree with the suite's expectation.
 */
final class Houses {

    private final ClusterSnapshot snapshot;
    private final PolicyEngine engine;
    private final Evaluation evaluation;

    private Houses(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
        this.engine = PolicyEngine.compile(snapshot);
        this.evaluation = engine.evaluate();
    }

    /** The base cluster with these manifests added; fails on any error diagnostic. */
    static Houses with(Path directory, String... manifests) {
        try {
            List<Path> files = new ArrayList<>();
            files.add(Path.of("src/test/resources/conformance/houses.yaml"));
            for (int i = 0; i < manifests.length; i++) {
                Path file = directory.resolve("policy-" + i + "-" + System.nanoTime() + ".yaml");
                Files.writeString(file, manifests[i], StandardCharsets.UTF_8);
                files.add(file);
            }
            ClusterSnapshot snapshot = new ManifestLoader().load(files);
            List<Diagnostic> errors = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            assertEquals(List.of(), errors, "the transcribed manifests load without errors");
            return new Houses(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ClusterSnapshot snapshot() {
        return snapshot;
    }

    Evaluation evaluation() {
        return evaluation;
    }

    /** The suite's patch swapping two rules of one direction of a cluster-wide policy. */
    Houses swapRules(String policy, PolicyType direction, int first, int second) {
        return withPolicy(policy, p -> {
            List<ClusterPolicyRule> rules = new ArrayList<>(p.rules(direction));
            Collections.swap(rules, first, second);
            return rebuilt(p, p.priority(), direction == PolicyType.INGRESS ? rules : p.ingress(),
                    direction == PolicyType.EGRESS ? rules : p.egress());
        });
    }

    /** The suite's patch changing one rule's action. */
    Houses withAction(String policy, PolicyType direction, int index, RuleAction action) {
        return withPolicy(policy, p -> {
            List<ClusterPolicyRule> rules = new ArrayList<>(p.rules(direction));
            ClusterPolicyRule rule = rules.get(index);
            rules.set(index, new ClusterPolicyRule(rule.name(), action, rule.peers(), rule.ports(), rule.where()));
            return rebuilt(p, p.priority(), direction == PolicyType.INGRESS ? rules : p.ingress(),
                    direction == PolicyType.EGRESS ? rules : p.egress());
        });
    }

    /** The suite's patch changing a policy's priority. */
    Houses withPriority(String policy, int priority) {
        return withPolicy(policy, p -> rebuilt(p, priority, p.ingress(), p.egress()));
    }

    /** The suite's patch of a namespace's labels. */
    Houses withNamespaceLabel(String house, String value) {
        List<io.netpolviz.model.Namespace> namespaces = snapshot.namespaces().stream()
                .map(ns -> ns.name().equals("network-policy-conformance-" + house)
                        ? new io.netpolviz.model.Namespace(ns.name(), java.util.Map.of("conformance-house", value), ns.implicit(), ns.where())
                        : ns)
                .toList();
        return new Houses(new ClusterSnapshot(snapshot.sourceName(), namespaces, snapshot.workloads(), snapshot.services(),
                snapshot.policies(), snapshot.clusterPolicies(), snapshot.diagnostics()));
    }

    /** A rule inserted before the others, as the suite's {@code append(newRule, mutate.Spec.Egress...)}. */
    Houses withFirstRule(String policy, PolicyType direction, ClusterPolicyRule rule) {
        return withPolicy(policy, p -> {
            List<ClusterPolicyRule> rules = new ArrayList<>(p.rules(direction));
            rules.add(0, rule);
            return rebuilt(p, p.priority(), direction == PolicyType.INGRESS ? rules : p.ingress(),
                    direction == PolicyType.EGRESS ? rules : p.egress());
        });
    }

    /** The suite's deletion of a NetworkPolicy. */
    Houses withoutNetworkPolicy(String name) {
        List<NetworkPolicy> kept = snapshot.policies().stream().filter(p -> !p.name().equals(name)).toList();
        assertEquals(snapshot.policies().size() - 1, kept.size(), "no NetworkPolicy " + name);
        return new Houses(new ClusterSnapshot(snapshot.sourceName(), snapshot.namespaces(), snapshot.workloads(), snapshot.services(),
                kept, snapshot.clusterPolicies(), snapshot.diagnostics()));
    }

    private Houses withPolicy(String name, UnaryOperator<ClusterPolicy> change) {
        List<ClusterPolicy> changed = new ArrayList<>();
        boolean found = false;
        for (ClusterPolicy policy : snapshot.clusterPolicies()) {
            if (policy.name().equals(name)) {
                changed.add(change.apply(policy));
                found = true;
            } else {
                changed.add(policy);
            }
        }
        if (!found) {
            fail("no cluster-wide policy " + name);
        }
        return new Houses(new ClusterSnapshot(snapshot.sourceName(), snapshot.namespaces(), snapshot.workloads(), snapshot.services(),
                snapshot.policies(), changed, snapshot.diagnostics()));
    }

    private static ClusterPolicy rebuilt(ClusterPolicy p, int priority, List<ClusterPolicyRule> ingress, List<ClusterPolicyRule> egress) {
        return new ClusterPolicy(p.kind(), p.name(), p.tier(), priority, p.subject(), ingress, egress, p.where(), p.sourceText());
    }

    /**
     * The suite's {@code PokeServer(client pod, protocol, server pod, port, expected)}: pods are
     * named {@code house/pod-N} as in the suite; pod N of a StatefulSet is evaluated as its workload.
     */
    Verdict poke(String client, String protocol, String server, int port, boolean expected) {
        Workload from = workload(client);
        Workload to = workload(server);
        Endpoint source = engine.resolve(from.id()).orElseThrow();
        Endpoint destination = engine.resolve(to.id()).orElseThrow();
        Protocol proto = Protocol.valueOf(protocol.toUpperCase(java.util.Locale.ROOT));
        String what = client + " -> " + server + " " + protocol + "/" + port;
        Verdict verdict = evaluation.verdict(source, destination, proto, port);
        assertEquals(expected, verdict.allowed(), "verdict " + what);
        assertEquals(expected, evaluation.allowedPorts(source, destination).contains(proto, port), "ports " + what);
        assertEquals(expected, evaluation.connectivity().allowed(source, destination).orElseThrow().contains(proto, port),
                "class-level connectivity " + what);
        boolean reference = new ReferenceEvaluator(snapshot, Set.of())
                .allowed(ReferenceEvaluator.Peer.pod(from), ReferenceEvaluator.Peer.pod(to), proto, port);
        assertEquals(expected, reference, "reference evaluator " + what);
        return verdict;
    }

    /** The name of the rule that decided the side, whichever tier it belongs to. */
    static String decidingRule(SideVerdict side) {
        return switch (side.decidedBy()) {
            case ADMIN_TIER -> side.adminRule().name();
            case BASELINE_TIER -> side.baselineRule().name();
            default -> side.decidedBy().name();
        };
    }

    private Workload workload(String pod) {
        int slash = pod.indexOf('/');
        String namespace = "network-policy-conformance-" + pod.substring(0, slash);
        String name = pod.substring(slash + 1).replaceAll("-\\d+$", "");
        String exact = pod.substring(slash + 1);
        Workload found = snapshot.workloads().stream()
                .filter(w -> w.namespace().equals(namespace) && w.name().equals(exact)).findFirst()
                .or(() -> snapshot.workloads().stream().filter(w -> w.namespace().equals(namespace) && w.name().equals(name)).findFirst())
                .orElse(null);
        assertFalse(found == null, "no pod " + pod);
        return found;
    }
}

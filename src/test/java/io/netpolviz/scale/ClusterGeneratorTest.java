package io.netpolviz.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Severity;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.PolicyEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterGeneratorTest {

    private static final ClusterShape SHAPE = new ClusterShape(700, 160, 3, 42, false);

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        List<Path> a = ClusterGenerator.generate(SHAPE).writeTo(first);
        List<Path> b = ClusterGenerator.generate(SHAPE).writeTo(second);
        assertEquals(a.stream().map(p -> p.getFileName().toString()).toList(), b.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).getFileName().toString());
        }
    }

    @Test
    void anotherSeedGivesAnotherCluster() {
        GeneratedCluster one = ClusterGenerator.generate(SHAPE);
        GeneratedCluster other = ClusterGenerator.generate(new ClusterShape(700, 160, 3, 43, false));
        assertNotEquals(one.files(), other.files());
        assertEquals(one.files().keySet(), other.files().keySet(), "the same namespaces, whatever the seed");
    }

    @ParameterizedTest
    @CsvSource({"700,160,3", "500,100,2", "2000,400,10", "10,3,1", "50,0,5", "60,12,5"})
    void theClusterHasExactlyTheAskedCounts(int pods, int policies, int namespaces) {
        GeneratedCluster cluster = ClusterGenerator.generate(new ClusterShape(pods, policies, namespaces, 7, false));
        assertEquals(pods, cluster.podCount());
        assertEquals(policies, cluster.snapshot().policies().size());
        assertEquals(namespaces + 2, cluster.snapshot().namespaces().size(), "application namespaces plus kube-system and monitoring");
        assertEquals(namespaces + 2, cluster.files().size(), "one file per namespace");
        Set<String> ids = cluster.snapshot().policies().stream().map(p -> p.id().toString()).collect(Collectors.toSet());
        assertEquals(policies, ids.size(), "policy names are unique in their namespace");
    }

    @Test
    void generatedManifestsLoadWithoutErrorsAndMatchTheGeneratedObjects(@TempDir Path folder) throws IOException {
        GeneratedCluster cluster = ClusterGenerator.generate(SHAPE);
        cluster.writeTo(folder);
        ClusterSnapshot loaded = new ManifestLoader().load(List.of(folder));
        assertEquals(List.of(), loaded.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(d -> d.display()).toList());
        assertEquals(withoutSources(cluster.snapshot().workloads()), withoutSources(loaded.workloads()));
        assertEquals(cluster.snapshot().policies().stream().map(ClusterGeneratorTest::withoutSources).toList(),
                loaded.policies().stream().map(ClusterGeneratorTest::withoutSources).toList());
        assertEquals(cluster.snapshot().namespaces().stream().map(Namespace::labels).toList(),
                loaded.namespaces().stream().map(Namespace::labels).toList());
        assertEquals(cluster.snapshot().services().size(), loaded.services().size());
    }

    @Test
    void adversarialClusterHasOneClassPerPod(@TempDir Path folder) throws IOException {
        ClusterShape shape = new ClusterShape(600, 120, 3, 5, true);
        ClusterGenerator.generate(shape).writeTo(folder);
        ClusterSnapshot loaded = new ManifestLoader().load(List.of(folder));
        assertTrue(loaded.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR));
        assertTrue(loaded.workloads().stream().allMatch(w -> w.kind() == WorkloadKind.POD && w.replicas() == 1));
        assertEquals(600, loaded.workloads().size());
        assertEquals(600, PolicyEngine.compile(loaded).classes().size());
    }

    @Test
    void ordinaryClusterGroupsReplicasIntoClasses() {
        GeneratedCluster cluster = ClusterGenerator.generate(SHAPE);
        int classes = PolicyEngine.compile(cluster.snapshot()).classes().size();
        assertEquals(cluster.snapshot().workloads().size(), classes, "one class per workload: each has its own app label");
        assertTrue(classes < SHAPE.pods() / 2, "replicas share a class");
    }

    @Test
    void policiesCoverTheUsualPatterns() {
        ClusterSnapshot snapshot = ClusterGenerator.generate(new ClusterShape(2000, 400, 10, 3, false)).snapshot();
        List<NetworkPolicy> policies = snapshot.policies();
        for (Namespace namespace : snapshot.namespaces()) {
            if (namespace.name().equals(ClusterGenerator.KUBE_SYSTEM) || namespace.name().equals(ClusterGenerator.MONITORING)) {
                continue;
            }
            NetworkPolicy deny = snapshot.policy(new io.netpolviz.model.PolicyId(namespace.name(), "default-deny")).orElseThrow();
            assertTrue(deny.podSelector().isEmpty() && deny.ingress().isEmpty() && deny.egress().isEmpty());
            assertEquals(Set.of(PolicyType.INGRESS, PolicyType.EGRESS), deny.effectivePolicyTypes());
            NetworkPolicy dns = snapshot.policy(new io.netpolviz.model.PolicyId(namespace.name(), "allow-dns")).orElseThrow();
            assertEquals(Set.of("dns", "dns-tcp"), dns.egress().get(0).ports().stream().map(p -> p.port().name()).collect(Collectors.toSet()));
        }
        List<PolicyPeer> peers = policies.stream()
                .flatMap(p -> java.util.stream.Stream.concat(p.ingress().stream(), p.egress().stream()))
                .flatMap(rule -> rule.peers().stream()).toList();
        assertTrue(peers.stream().anyMatch(peer -> peer.namespaceSelector() != null && peer.namespaceSelector().matchLabels().containsKey("team")),
                "cross-namespace rules by team");
        assertTrue(policies.stream().anyMatch(p -> p.egress().stream().flatMap(rule -> rule.peers().stream()).anyMatch(peer -> peer.ipBlock() != null)),
                "ipBlock egress");
        assertTrue(snapshot.workloads().stream().anyMatch(w -> w.kind() == WorkloadKind.STATEFUL_SET));
        assertTrue(snapshot.workloads().stream().anyMatch(w -> w.kind() == WorkloadKind.DEPLOYMENT && w.replicas() > 1));
        assertTrue(snapshot.workloads().stream().allMatch(w -> w.ports().stream().allMatch(p -> p.isNamed())), "every port is named");
    }

    @Test
    void tooFewPodsForTheNamespacesIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ClusterShape(5, 1, 3, 1, false));
        assertTrue(refused.getMessage().contains("--pods must be at least 7"), refused.getMessage());
    }

    private static List<Workload> withoutSources(List<Workload> workloads) {
        return workloads.stream().map(w -> new Workload(w.namespace(), w.name(), w.kind(), w.replicas(), w.podLabels(),
                w.ports(), w.hostNetwork(), SourceRef.NONE)).toList();
    }

    private static NetworkPolicy withoutSources(NetworkPolicy policy) {
        return new NetworkPolicy(policy.namespace(), policy.name(), policy.podSelector(), policy.declaredPolicyTypes(),
                rules(policy.ingress()), rules(policy.egress()), SourceRef.NONE, "");
    }

    private static List<PolicyRule> rules(List<PolicyRule> rules) {
        return rules.stream().map(r -> new PolicyRule(r.peers(), r.ports(), SourceRef.NONE)).toList();
    }
}

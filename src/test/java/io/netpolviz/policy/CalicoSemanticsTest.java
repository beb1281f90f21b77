package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico's tiered policy, one documented rule per scenario. Every answer is checked three ways:
 * the verdict, the class-level connectivity and the literal {@link ReferenceEvaluator}.
 */
class CalicoSemanticsTest {

    /** Namespaces shop (web, db with a named port) and lab (probe); every manifest below is added to these. */
    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: shop}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: lab}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: shop, labels: {app: db}}
            spec: {containers: [{name: c, image: i, ports: [{name: pg, containerPort: 5432}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: probe, namespace: lab, labels: {app: probe}}
            spec: {containers: [{name: c, image: i}]}
            ---
            """;

    @TempDir
    Path dir;

    Evaluation evaluate(String policies, String... off) throws IOException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, CLUSTER + policies);
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(file));
        assertEquals(List.of(), snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(d -> d.display()).toList());
        Set<PolicyId> switchedOff = new java.util.TreeSet<>();
        for (String id : off) {
            switchedOff.add(PolicyId.parse(id));
        }
        return PolicyEngine.compile(snapshot).evaluate(switchedOff);
    }

    static boolean allowed(Evaluation evaluation, String from, String to, Protocol protocol, int port) {
        PolicyEngine engine = evaluation.engine();
        Endpoint source = engine.resolve(from).orElseThrow();
        Endpoint destination = engine.resolve(to).orElseThrow();
        boolean verdict = evaluation.verdict(source, destination, protocol, port).allowed();
        assertEquals(verdict, evaluation.allowedPorts(source, destination).contains(protocol, port), "verdict and ports for " + from + " -> " + to);
        // Connectivity holds pods and the external peers rules name; a single address is asked of the verdict alone.
        evaluation.connectivity().allowed(source, destination).ifPresent(ports -> assertEquals(verdict, ports.contains(protocol, port),
                "verdict and connectivity for " + from + " -> " + to));
        ReferenceEvaluator reference = new ReferenceEvaluator(engine.snapshot(), evaluation.switchedOff());
        assertEquals(verdict, reference.allowed(peer(engine, from), peer(engine, to), protocol, port), "engine and reference for "
                + from + " -> " + to + " " + protocol + " " + port);
        return verdict;
    }

    private static ReferenceEvaluator.Peer peer(PolicyEngine engine, String endpoint) {
        if (endpoint.startsWith("ext:")) {
            return ReferenceEvaluator.Peer.external(IpAddress.parse(endpoint.substring(4)).orElseThrow());
        }
        return ReferenceEvaluator.Peer.pod(((Endpoint.Pods) engine.resolve(endpoint).orElseThrow()).workload());
    }

    private static String tier(String name, int order, String defaultAction) {
        return "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: " + name + "}\nspec: {order: " + order
                + (defaultAction == null ? "" : ", defaultAction: " + defaultAction) + "}\n---\n";
    }

    @Test
    void aBaselineToggleReachesWalksThatEndBeforeItsTierWithoutBeingCutOff() throws IOException {
        // https://docs.tigera.io/calico/latest/network-policy/policy-tiers/kube-admin-kube-baseline (the kube-admin tier
        // holds AdminNetworkPolicies, kube-baseline the BaselineAdminNetworkPolicy, after the default tier): a port no
        // earlier tier decides reaches kube-baseline. web's walk ends before it, in kube-admin (which passes by default)
        // or in a denying tier whose policy passes every port ("Pass: skips to the next tier", tier reference); switching
        // the Baseline Deny on must decide 8080 there all the same.
        String baselineDeny = """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: baseline-deny}
                spec:
                  tier: Baseline
                  priority: 10
                  subject: {namespaces: {matchLabels: {team: shop}}}
                  ingress: [{name: deny-lab, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: lab}}}]}]
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: db-only}
                spec: {selector: app == 'db', ingress: [{action: Allow}]}
                """;
        String endsInAdminTier = """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: admin-https}
                spec:
                  tier: Admin
                  priority: 10
                  subject: {namespaces: {matchLabels: {team: shop}}}
                  ingress: [{name: https, action: Accept, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: lab}}}],
                             protocols: [{tcp: {destinationPort: {number: 443}}}]}]
                ---
                """;
        String endsInAPassingDenyTier = tier("security", 100, "Deny") + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.pass-web}
                spec: {tier: security, selector: app == 'web', ingress: [{action: Pass}]}
                ---
                """;
        for (String walk : List.of(endsInAdminTier, endsInAPassingDenyTier)) {
            String policies = walk + baselineDeny;
            Evaluation off = evaluate(policies, "ClusterNetworkPolicy/baseline-deny");
            assertTrue(allowed(off, "lab/probe", "shop/web", Protocol.TCP, 8080), "no layer decides 8080: the default allows");
            Evaluation toggled = off.toggle(PolicyId.parse("ClusterNetworkPolicy/baseline-deny"));
            assertFalse(allowed(toggled, "lab/probe", "shop/web", Protocol.TCP, 8080), "the Baseline tier denies what was passed on");
            assertEquals(allowedPairs(evaluate(policies)), allowedPairs(toggled), "the toggle gives the fresh evaluation");
        }
    }

    @Test
    void anEgressSideAToggleLeftAsItWasIsWalkedAgainOnceIsolationChanges() throws IOException {
        // The Admin policy's Deny toward db-b is shadowed while a NetworkPolicy isolates probe's egress: the default
        // tier's default denies it all the same ("if no NetworkPolicy in the tier allows the traffic, it is denied",
        // the default tier's defaultAction). Once the NetworkPolicy is off, nothing but the Admin policy denies it.
        String policies = """
                apiVersion: v1
                kind: Pod
                metadata: {name: db-b, namespace: shop, labels: {app: db, copy: b}}
                spec: {containers: [{name: c, image: i, ports: [{name: pg, containerPort: 5432}]}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: probe-egress, namespace: lab}
                spec: {podSelector: {}, policyTypes: [Egress]}
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: admin-deny-b}
                spec:
                  tier: Admin
                  priority: 10
                  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: lab}}}
                  egress: [{name: deny-b, action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {copy: b}}}}],
                            protocols: [{tcp: {destinationPort: {number: 5432}}}]}]
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web-only}
                spec: {selector: app == 'web', ingress: [{action: Allow}]}
                """;
        Evaluation start = evaluate(policies, "ClusterNetworkPolicy/admin-deny-b");
        Evaluation adminOn = start.toggle(PolicyId.parse("ClusterNetworkPolicy/admin-deny-b"));
        assertFalse(allowed(adminOn, "lab/probe", "shop/db-b", Protocol.TCP, 5432), "isolated egress: the default tier denies");
        Evaluation isolationOff = adminOn.toggle(PolicyId.parse("lab/probe-egress"));
        assertFalse(allowed(isolationOff, "lab/probe", "shop/db-b", Protocol.TCP, 5432), "the Admin tier's Deny decides now");
        assertTrue(allowed(isolationOff, "lab/probe", "shop/db", Protocol.TCP, 5432), "nothing denies db");
        assertEquals(allowedPairs(evaluate(policies, "lab/probe-egress")), allowedPairs(isolationOff), "the toggles give the fresh evaluation");
    }

    private static java.util.Map<String, PortSet> allowedPairs(Evaluation evaluation) {
        java.util.Map<String, PortSet> out = new java.util.TreeMap<>();
        int classes = evaluation.engine().classes().size();
        for (int s = 0; s < classes; s++) {
            for (int d = 0; d < classes; d++) {
                out.put(s + "->" + d, evaluation.connectivity().allowed(s, d));
            }
        }
        return out;
    }

    @Test
    void tiersDecideInOrderSmallestFirstAndTheFirstAllowOrDenyIsFinal() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/tier, "How policy is evaluated":
        // "Tiers are sorted by their order - smallest number first." ... "If a NetworkPolicy or
        // GlobalNetworkPolicy in the Tier Allows or Denies the packet, then evaluation is done"
        String policies = tier("early", 5, null) + tier("late", 10, null) + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: late.deny-db}
                spec: {tier: late, selector: app == 'db', ingress: [{action: Deny}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: early.allow-web}
                spec: {tier: early, selector: app == 'db', ingress: [{action: Allow, source: {selector: app == 'web'}}]}
                """;
        Evaluation evaluation = evaluate(policies);
        assertTrue(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 5432), "the earlier tier's Allow is final");
        assertFalse(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5432), "the early tier has no rule for it; the late tier denies");
    }

    @Test
    void kubernetesNetworkPoliciesInterleaveWithCalicosOrder1000PoliciesByName() throws IOException {
        // projectcalico/calico libcalico-go/lib/backend/k8s/conversion/conversion.go (K8sNetworkPolicyToCalico):
        // "We insert all the NetworkPolicy Policies at order 1000.0 after conversion", named K8sNetworkPolicyNamePrefix
        // ("knp.default.") + name; libcalico-go/lib/backend/model/policy.go PolicyNameLessThan sorts equal orders by
        // the v1 name, "namespace/name" for a namespaced policy: "if name1 != name2 { return name1 < name2 }".
        String allowWeb = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-web, namespace: shop}
                spec: {podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]}
                ---
                """;
        String denyWeb = """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: NAME}
                spec: {order: 1000, selector: app == 'db', ingress: [{action: Deny, source: {selector: app == 'web'}}]}
                """;
        // "m-deny-web" < "shop/knp.default.allow-web": the Calico Deny comes first (as one block named knp.default. it came after).
        assertFalse(allowed(evaluate(allowWeb + denyWeb.replace("NAME", "m-deny-web")), "shop/web", "shop/db", Protocol.TCP, 5432));
        // "t-deny-web" > "shop/knp.default.allow-web": the NetworkPolicy's allow comes first and is final.
        assertTrue(allowed(evaluate(allowWeb + denyWeb.replace("NAME", "t-deny-web")), "shop/web", "shop/db", Protocol.TCP, 5432));
        // A namespaced Calico policy sorts as namespace/name: "shop/a-deny" < "shop/knp.default.allow-web".
        String namespaced = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: NAME, namespace: shop}
                spec: {order: 1000, selector: app == 'db', ingress: [{action: Deny, source: {selector: app == 'web'}}]}
                """;
        assertFalse(allowed(evaluate(allowWeb + namespaced.replace("NAME", "a-deny")), "shop/web", "shop/db", Protocol.TCP, 5432));
        assertTrue(allowed(evaluate(allowWeb + namespaced.replace("NAME", "z-deny")), "shop/web", "shop/db", Protocol.TCP, 5432));
    }

    @Test
    void passJumpsToTheNextTierSkippingTheRestOfItsOwn() throws IOException {
        // Tier reference: "If a NetworkPolicy or GlobalNetworkPolicy in the Tier Passes the packet,
        // the next Tier containing a Policy that applies to the endpoint processes the packet."
        String policies = tier("security", 100, null) + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.pass-shop}
                spec: {tier: security, order: 1, selector: all(), ingress: [{action: Pass, source: {namespaceSelector: team == 'shop'}}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.deny-all}
                spec: {tier: security, order: 2, selector: all(), ingress: [{action: Deny}]}
                """;
        Evaluation evaluation = evaluate(policies);
        assertTrue(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 5432), "passed over deny-all; no later tier applies");
        assertFalse(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5432));
    }

    @Test
    void aTierThatAppliesButTakesNoActionDropsWhileAnUnselectedPodIsAllowed() throws IOException {
        // Tier reference: "If the Tier applies to the endpoint, but takes no action on the packet the packet is dropped."
        String policies = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: db-from-web, namespace: shop}
                spec: {selector: app == 'db', ingress: [{action: Allow, source: {selector: app == 'web'}}]}
                """;
        Evaluation evaluation = evaluate(policies);
        assertFalse(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5432), "selected, no rule matched: dropped");
        assertTrue(allowed(evaluation, "lab/probe", "shop/web", Protocol.TCP, 8080), "no policy applies to web: allowed");
        // Tier reference, spec.defaultAction: Pass instead of the default Deny.
        Evaluation passing = evaluate(tier("soft", 50, "Pass") + policies.replace("{selector: app == 'db'", "{tier: soft, selector: app == 'db'"));
        assertTrue(allowed(passing, "lab/probe", "shop/db", Protocol.TCP, 5432), "defaultAction Pass hands it on; nothing later applies");
    }

    @Test
    void policiesInATierGoByOrderThenNameWithUnsetOrderLast() throws IOException {
        // Tier reference: "Policies in each Tier are then processed in order (again, by order then by name)";
        // NetworkPolicy reference, order: "Calico applies the policy with the lowest value first." A policy
        // without an order comes after every ordered one (felix's policy sorter, felix/calc/policy_sorter.go,
        // treats a missing order as infinite).
        String policies = """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: a-unset-deny}
                spec: {selector: app == 'db', ingress: [{action: Deny}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: z-allow}
                spec: {order: 900, selector: app == 'db', ingress: [{action: Allow, source: {selector: app == 'web'}}]}
                ---
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: b-deny-probe}
                spec: {order: 900, selector: app == 'db', ingress: [{action: Deny, source: {selector: app == 'probe'}}, {action: Allow}]}
                """;
        Evaluation evaluation = evaluate(policies);
        assertTrue(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 5432), "b-deny-probe's final Allow decides before the unset one");
        assertFalse(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5432), "b before z at equal order");
    }

    @Test
    void logGoesOnToTheNextRule() throws IOException {
        // NetworkPolicy reference, Rule action: "Log" records the packet; evaluation continues with the next rule.
        Evaluation evaluation = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: logged, namespace: shop}
                spec: {selector: app == 'db', ingress: [{action: Log}, {action: Allow, protocol: TCP, destination: {ports: [pg]}}]}
                """);
        assertTrue(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5432), "named port pg is 5432 on db");
        assertFalse(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5433));
    }

    @Test
    void kubernetesNetworkPoliciesSitInTheDefaultTierAtOrder1000() throws IOException {
        // projectcalico/calico libcalico-go/lib/backend/k8s/conversion/conversion.go, K8sNetworkPolicyToCalico:
        // "We insert all the NetworkPolicy Policies at order 1000.0 after conversion."
        String networkPolicy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
                ---
                """;
        String calico = """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: ORDERED, namespace: shop}
                spec: {order: ORDER, selector: app == 'db', ingress: [{action: ACTION, source: {namespaceSelector: all()}}]}
                """;
        Evaluation before = evaluate(networkPolicy + calico.replace("ORDERED", "first").replace("ORDER", "500").replace("ACTION", "Deny"));
        assertFalse(allowed(before, "shop/web", "shop/db", Protocol.TCP, 5432), "order 500 decides before the NetworkPolicy's allow");
        Evaluation after = evaluate(networkPolicy + calico.replace("ORDERED", "later").replace("ORDER", "2000").replace("ACTION", "Deny"));
        assertTrue(allowed(after, "shop/web", "shop/db", Protocol.TCP, 5432), "the NetworkPolicy's allow decides before order 2000");
        Evaluation allowLater = evaluate(networkPolicy + calico.replace("ORDERED", "later").replace("ORDER", "2000").replace("ACTION", "Allow"));
        assertTrue(allowed(allowLater, "lab/probe", "shop/db", Protocol.TCP, 5432),
                "same tier: a later Calico Allow matches before the tier's default Deny that the NetworkPolicy's isolation brings");
        assertFalse(allowed(evaluate(networkPolicy), "lab/probe", "shop/db", Protocol.TCP, 5432), "without it, isolation denies as always");
    }

    @Test
    void typesDefaultFromTheRulesPresent() throws IOException {
        // https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy, spec.types: "If types
        // has no value, Calico defaults as follows": no rules -> Ingress; ingress only -> Ingress; egress
        // only -> Egress; both -> Ingress, Egress.
        Evaluation evaluation = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: egress-only}
                spec: {selector: app == 'db', egress: [{action: Deny, destination: {selector: app == 'web'}}]}
                """);
        assertTrue(allowed(evaluation, "lab/probe", "shop/db", Protocol.TCP, 5432), "types is [Egress]: ingress is not selected");
        assertFalse(allowed(evaluation, "shop/db", "shop/web", Protocol.TCP, 8080));
        assertFalse(allowed(evaluation, "shop/db", "lab/probe", Protocol.TCP, 80), "selected for egress, nothing matched: the tier drops it");
    }

    @Test
    void selectorScopeNamespaceSelectorAndImplicitLabels() throws IOException {
        // NetworkPolicy reference, EntityRule selector: in a namespaced policy, "the selector ... matches
        // endpoints in the same namespace" unless namespaceSelector is set; "Select a specific namespace by name
        // using the projectcalico.org/name label."
        Evaluation namespaced = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                spec: {selector: app == 'db', ingress: [{action: Allow, source: {selector: has(app)}}]}
                """);
        assertTrue(allowed(namespaced, "shop/web", "shop/db", Protocol.TCP, 5432));
        assertFalse(allowed(namespaced, "lab/probe", "shop/db", Protocol.TCP, 5432), "probe is in another namespace");
        Evaluation byName = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                spec: {selector: app == 'db', ingress: [{action: Allow, source: {namespaceSelector: projectcalico.org/name == 'lab'}}]}
                """);
        assertTrue(allowed(byName, "lab/probe", "shop/db", Protocol.TCP, 5432));
        assertFalse(allowed(byName, "shop/web", "shop/db", Protocol.TCP, 5432));
        // GlobalNetworkPolicy reference: select a namespace "by using projectcalico.org/namespace as the label name".
        Evaluation global = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: lab-out}
                spec: {selector: projectcalico.org/namespace == 'lab', egress: [{action: Allow, destination: {selector: app == 'web'}}]}
                """);
        assertTrue(allowed(global, "lab/probe", "shop/web", Protocol.TCP, 8080), "a global policy's rule selector spans namespaces");
        assertFalse(allowed(global, "lab/probe", "shop/db", Protocol.TCP, 5432));
    }

    @Test
    void portsRangesNotPortsProtocolsAndNets() throws IOException {
        // NetworkPolicy reference, Ports: "80", "1001:1010" (a range), a named port; notPorts negates;
        // protocol ICMP never matches TCP; nets match addresses.
        Evaluation evaluation = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: web-out}
                spec:
                  selector: app == 'web'
                  egress:
                  - action: Allow
                    protocol: ICMP
                  - action: Allow
                    protocol: TCP
                    destination: {ports: ["5000:6000"], notPorts: [5433]}
                  - action: Allow
                    protocol: UDP
                    destination: {nets: [8.8.8.0/24], ports: [53]}
                """);
        assertTrue(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 5432));
        assertFalse(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 5433), "notPorts takes 5433 out of the range");
        assertFalse(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 80), "the ICMP rule does not match TCP");
        assertTrue(allowed(evaluation, "shop/web", "ext:8.8.8.8", Protocol.UDP, 53));
        Endpoint.External named = evaluation.engine().externalPeers().stream().filter(x -> x.id().equals("ext:8.8.8.0/24")).findFirst().orElseThrow();
        assertTrue(evaluation.connectivity().allowed(evaluation.engine().resolve("shop/web").orElseThrow(), named).orElseThrow()
                .contains(Protocol.UDP, 53), "the net the rule names is an external peer of the picture");
        assertFalse(allowed(evaluation, "shop/web", "ext:9.9.9.9", Protocol.UDP, 53));
    }

    @Test
    void httpMatchIsDecidedAtRunTimeNeverGuessedAndTheExplanationSaysSo() throws IOException {
        // NetworkPolicy reference, HTTPMatch: matches on the HTTP method and path, which only the data plane sees.
        Evaluation evaluation = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: db, namespace: shop}
                spec: {selector: app == 'db', ingress: [{action: Allow, http: {methods: [GET]}}]}
                """);
        assertFalse(allowed(evaluation, "shop/web", "shop/db", Protocol.TCP, 5432), "not counted: the tier's default Deny");
        PolicyEngine engine = evaluation.engine();
        String text = new Explainer(evaluation).explain(evaluation.verdict(engine.resolve("shop/web").orElseThrow(),
                engine.resolve("shop/db").orElseThrow(), Protocol.TCP, 5432));
        assertTrue(text.contains("Calico NetworkPolicy shop/db in tier default (order unset), ingress rule 1: Allow depends on HTTP match,"
                + " decided at run time"), text);
    }

    @Test
    void explanationsNameKindTierOrderAndRule() throws IOException {
        Evaluation evaluation = evaluate(tier("security", 100, null) + """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.default-deny}
                spec: {tier: security, order: 100, selector: all(), ingress: [{action: Pass, source: {selector: app == 'web'}}, {action: Deny}]}
                """);
        PolicyEngine engine = evaluation.engine();
        Verdict verdict = evaluation.verdict(engine.resolve("lab/probe").orElseThrow(), engine.resolve("shop/db").orElseThrow(),
                Protocol.TCP, 5432);
        assertEquals(SideVerdict.Layer.CALICO_TIER, verdict.ingress().decidedBy());
        assertEquals("GlobalNetworkPolicy security.default-deny in tier security (order 100), ingress rule 2: Deny",
                verdict.ingress().calico().rule().display());
        assertTrue(new Explainer(evaluation).because(verdict).contains("ingress rule 2: Deny matches first"), new Explainer(evaluation).because(verdict));
        Evaluation off = evaluation.toggle(PolicyId.parse("GlobalNetworkPolicy/security.default-deny"));
        assertTrue(allowed(off, "lab/probe", "shop/db", Protocol.TCP, 5432), "toggled off like any other policy");
        assertFalse(off.changes().isEmpty(), "the toggle reports the pairs it changed");
    }

    @Test
    void diffNamesTheCalicoPolicyThatCausedAChange() throws IOException {
        Evaluation before = evaluate("");
        Evaluation after = evaluate("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: lab-in}
                spec: {selector: projectcalico.org/namespace == 'lab', ingress: [{action: Deny}]}
                """);
        List<String> causes = new java.util.ArrayList<>();
        ConnectivityDiff.forEachBetweenSnapshots(before, after, change -> {
            if (change.sourceId().equals("shop/web") && change.destinationId().equals("lab/probe")) {
                causes.addAll(new ChangeCauses(before, after).of(change));
            }
        });
        assertEquals(List.of("policy GlobalNetworkPolicy/lab-in added"), causes);
    }
}

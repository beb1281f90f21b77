package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * np-guard/netpol-analyzer's own diff scenarios, written anew here (their manifests cut down to
 * the objects that decide the result) and run through {@code diff}: the same pairs, the same kind
 * of change and the same port sets as that project's expected output under
 * {@code test_outputs/diff/}. Their names map to ours as {@code default/frontend[Deployment]} →
 * {@code default/frontend}, {@code No Connections} → {@code none}, {@code All Connections} →
 * {@code all}, {@code 0.0.0.0-255.255.255.255[External]} → {@code ext:0.0.0.0/0} (a range that is
 * one block is written as the block, any other as {@code ext:FIRST-LAST}): both name addresses by
 * the disjoint ranges the rules cut the address space into.
 */
class DiffScenariosTest {

    @TempDir
    Path directory;

    /** The boutique's DNS egress rule. */
    private static final String DNS = "{ports: [{port: 53, protocol: UDP}], to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]}";

    /** tests/onlineboutique_workloads/netpols.yaml, the policies both boutique scenarios start from. */
    private static final Map<String, String> BOUTIQUE_POLICIES = Map.ofEntries(
            Map.entry("frontend", "{podSelector: {matchLabels: {app: frontend}}, policyTypes: [Ingress, Egress],"
                    + " ingress: [{from: [{podSelector: {matchLabels: {app: loadgenerator}}}], ports: [{port: 8080}]}],"
                    + " egress: [" + egress("adservice", "9555") + ", " + egress("cartservice", "7070") + ", " + egress("checkoutservice", "5050")
                    + ", " + egress("currencyservice", "7000") + ", " + egress("productcatalogservice", "3550") + ", "
                    + egress("recommendationservice", "8080") + ", " + egress("shippingservice", "50051") + ", " + DNS + "]}"),
            Map.entry("adservice", isolatedWithIngress("adservice", ingress("frontend", "9555"))),
            Map.entry("checkoutservice", "{podSelector: {matchLabels: {app: checkoutservice}}, policyTypes: [Ingress, Egress],"
                    + " ingress: [" + ingress("frontend", "5050") + "],"
                    + " egress: [" + egress("cartservice", "7070") + ", " + egress("currencyservice", "7000") + ", " + egress("emailservice", "8080")
                    + ", " + egress("paymentservice", "50051") + ", " + egress("productcatalogservice", "3550") + ", "
                    + egress("shippingservice", "50051") + ", " + DNS + "]}"),
            Map.entry("cartservice", isolatedWithIngress("cartservice", ingress("checkoutservice", "7070") + ", " + ingress("frontend", "7070"))),
            Map.entry("currencyservice", isolatedWithIngress("currencyservice", ingress("checkoutservice", "7000") + ", " + ingress("frontend", "7000"))),
            Map.entry("emailservice", isolatedWithIngress("emailservice", ingress("checkoutservice", "8080"))),
            Map.entry("loadgenerator", "{podSelector: {matchLabels: {app: loadgenerator}}, policyTypes: [Ingress, Egress], ingress: [],"
                    + " egress: [" + egress("frontend", "8080") + ", " + DNS + "]}"),
            Map.entry("paymentservice", isolatedWithIngress("paymentservice", ingress("checkoutservice", "50051"))),
            Map.entry("productcatalogservice", isolatedWithIngress("productcatalogservice", ingress("checkoutservice", "3550") + ", "
                    + ingress("frontend", "3550") + ", " + ingress("recommendationservice", "3550"))),
            Map.entry("recommendationservice", "{podSelector: {matchLabels: {app: recommendationservice}}, policyTypes: [Ingress, Egress],"
                    + " ingress: [" + ingress("frontend", "8080") + "], egress: [" + egress("productcatalogservice", "3550") + ", " + DNS + "]}"),
            Map.entry("shippingservice", isolatedWithIngress("shippingservice", ingress("checkoutservice", "50051") + ", " + ingress("frontend", "50051"))));

    /** The boutique's workloads and their container ports (tests/onlineboutique_workloads/kubernetes-manifests.yaml). */
    private static final Map<String, Integer> BOUTIQUE_WORKLOADS = Map.ofEntries(Map.entry("emailservice", 8080), Map.entry("checkoutservice", 5050),
            Map.entry("recommendationservice", 8080), Map.entry("frontend", 8080), Map.entry("paymentservice", 50051),
            Map.entry("productcatalogservice", 3550), Map.entry("cartservice", 7070), Map.entry("loadgenerator", 0),
            Map.entry("currencyservice", 7000), Map.entry("shippingservice", 50051), Map.entry("redis-cart", 6379), Map.entry("adservice", 9555));

    /**
     * tests/onlineboutique_workloads → tests/onlineboutique_workloads_changed_netpols; expected
     * test_outputs/diff/diff_between_onlineboutique_workloads_changed_netpols_and_onlineboutique_workloads.csv.
     * Two pairs added, two changed (a port swapped, a port added), three removed. Addresses are
     * named by the ranges the rules cut, as there: redis-cart's new rule admits 0.0.0.0/1, so
     * {@code removed,128.0.0.0-255.255.255.255[External],default/redis-cart} is ours
     * {@code ext:128.0.0.0/1}, and redis-cart, now isolated for egress, loses every address
     * ({@code 0.0.0.0-255.255.255.255}, ours {@code ext:0.0.0.0/0}). No address is "added".
     */
    @Test
    void boutiqueWithChangedPoliciesListsNetpolAnalyzersPairs() throws IOException {
        Path before = boutique("before", BOUTIQUE_POLICIES, false);
        Map<String, String> changed = new java.util.HashMap<>(BOUTIQUE_POLICIES);
        changed.put("redis-cart", "{podSelector: {matchLabels: {app: redis-cart}}, policyTypes: [Ingress, Egress],"
                + " ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/1}}]}]}");
        changed.put("frontend", BOUTIQUE_POLICIES.get("frontend").replace(egress("adservice", "9555") + ", ", ""));
        changed.put("adservice", isolatedWithIngress("adservice", ingress("checkoutservice", "9555")));
        changed.put("checkoutservice", BOUTIQUE_POLICIES.get("checkoutservice")
                .replace(egress("cartservice", "7070") + ", " + egress("currencyservice", "7000"), egress("adservice", "9555") + ", " + egress("cartservice", "8000"))
                .replace(egress("emailservice", "8080"), "{ports: [{port: 8080}, {port: 9555}], to: [{podSelector: {matchLabels: {app: emailservice}}}]}"));
        changed.put("cartservice", "{podSelector: {matchLabels: {app: cartservice}}, policyTypes: [Ingress, Egress],"
                + " ingress: [" + ingress("checkoutservice", "8000") + ", " + ingress("frontend", "7070") + "], egress: [" + egress("emailservice", "9555") + "]}");
        changed.put("currencyservice", isolatedWithIngress("currencyservice", ingress("frontend", "7000")));
        changed.put("emailservice", isolatedWithIngress("emailservice", ingress("cartservice", "9555")
                + ", {from: [{podSelector: {matchLabels: {app: checkoutservice}}}], ports: [{port: 8080}, {port: 9555}]}"));
        Path after = boutique("after", changed, false);

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of(
                "diff-type,source,destination,before,after",
                "added,default/cartservice,default/emailservice,none,TCP 9555",
                "added,default/checkoutservice,default/adservice,none,TCP 9555",
                "changed,default/checkoutservice,default/cartservice,TCP 7070,TCP 8000",
                "removed,default/checkoutservice,default/currencyservice,TCP 7000,none",
                "changed,default/checkoutservice,default/emailservice,TCP 8080,\"TCP 8080,9555\"",
                "removed,default/frontend,default/adservice,TCP 9555,none",
                "removed,default/redis-cart,ext:0.0.0.0/0,all,none",
                "removed,ext:128.0.0.0/1,default/redis-cart,all,none"), run.out().lines().toList());
        assertTrue(!run.err().contains("external peer"), run.err());
    }

    /**
     * tests/onlineboutique_workloads → tests/onlineboutique_workloads_changed_workloads (the same
     * policies, a Deployment unicorn added); expected
     * test_outputs/diff/diff_between_onlineboutique_workloads_changed_workloads_and_onlineboutique_workloads.csv:
     * unicorn and redis-cart, which no policy selects, reach each other and every address, each
     * line with "workload default/unicorn added".
     */
    @Test
    void anAddedWorkloadIsListedWithEveryPairItOpens() throws IOException {
        Path before = boutique("before", BOUTIQUE_POLICIES, false);
        Path after = boutique("after", BOUTIQUE_POLICIES, true);

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "txt", "--explain");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        List<String> rows = rows(run.out());
        assertEquals(List.of(
                "added default/redis-cart default/unicorn none → all",
                "added default/unicorn default/redis-cart none → all",
                "added default/unicorn ext:0.0.0.0/0 none → all",
                "added ext:0.0.0.0/0 default/unicorn none → all"), rows);
        assertTrue(run.out().contains("workload default/unicorn added\n"), run.out());
        assertEquals(4, run.out().lines().filter(line -> line.strip().equals("because workload default/unicorn added")).count(), run.out());
        assertTrue(run.out().contains("4 added, 0 changed, 0 removed"), run.out());
    }

    /**
     * tests/netpol-analysis-example-minimal → tests/netpol-diff-example-minimal; expected
     * test_outputs/diff/diff_between_netpol-diff-example-minimal_and_netpol-analysis-example-minimal.csv:
     * backend's ingress rule splits into "frontend on any port" and "anyone on 9090", so frontend's
     * own UDP 53 egress now reaches backend too, and every address reaches it on 9090.
     */
    @Test
    void aRuleSplitInTwoOpensAPortAndAnAddress() throws IOException {
        String workloads = deployment("backend", "default", "backendservice", 9090) + deployment("frontend", "default", "frontend", 8080);
        String frontend = policy("frontend-netpol", "default", "{podSelector: {matchLabels: {app: frontend}}, policyTypes: [Ingress, Egress],"
                + " ingress: [{ports: [{port: 8080, protocol: TCP}]}], egress: [{ports: [{port: 9090, protocol: TCP}],"
                + " to: [{podSelector: {matchLabels: {app: backendservice}}}]}, {ports: [{port: 53, protocol: UDP}]}]}")
                + policy("default-deny-in-namespace", "default", "{podSelector: {}, policyTypes: [Ingress, Egress]}");
        Path before = side("before", workloads + frontend + policy("backend-netpol", "default",
                "{podSelector: {matchLabels: {app: backendservice}}, policyTypes: [Ingress, Egress],"
                        + " ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 9090, protocol: TCP}]}]}"));
        Path after = side("after", workloads + frontend + policy("backend-netpol", "default",
                "{podSelector: {matchLabels: {app: backendservice}}, policyTypes: [Ingress, Egress],"
                        + " ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}]}, {ports: [{port: 9090, protocol: TCP}]}]}"));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after",
                "changed,default/frontend,default/backend,TCP 9090,\"TCP 9090,UDP 53\"",
                "added,ext:0.0.0.0/0,default/backend,none,TCP 9090"), run.out().lines().toList());
    }

    /**
     * tests/banp_test_core_gress_rules → tests/banp_test_core_gress_swapping_rules; expected
     * test_outputs/diff/diff_between_banp_test_core_gress_swapping_rules_and_banp_test_core_gress_rules.csv:
     * a BaselineAdminNetworkPolicy's rules are first-match, so swapping "allow ravenclaw" below
     * "deny ravenclaw" closes gryffindor ↔ ravenclaw both ways and nothing else.
     */
    @Test
    void swappingTwoBaselineRulesClosesWhatTheFirstOneAllowed() throws IOException {
        String houses = houses();
        String ravenclaw = "[{namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-ravenclaw}}}]";
        String hufflepuff = "[{namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-hufflepuff}}}]";
        String banp = """
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata: {name: default}
                spec:
                  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-gryffindor}}}
                  egress:
                  - {name: FIRST-to-ravenclaw, action: FIRST, to: RAVENCLAW}
                  - {name: SECOND-to-ravenclaw, action: SECOND, to: RAVENCLAW}
                  - {name: allow-to-hufflepuff-8080, action: Allow, to: HUFFLEPUFF, ports: [{portNumber: {protocol: TCP, port: 8080}}]}
                  - {name: deny-to-hufflepuff-else, action: Deny, to: HUFFLEPUFF}
                  ingress:
                  - {name: FIRST-from-ravenclaw, action: FIRST, from: RAVENCLAW}
                  - {name: SECOND-from-ravenclaw, action: SECOND, from: RAVENCLAW}
                """.replace("RAVENCLAW", ravenclaw).replace("HUFFLEPUFF", hufflepuff);
        Path before = side("before", houses + banp.replace("FIRST", "Allow").replace("SECOND", "Deny"));
        Path after = side("after", houses + banp.replace("FIRST", "Deny").replace("SECOND", "Allow"));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv", "--explain");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after,because",
                "removed,network-policy-conformance-gryffindor/harry-potter,network-policy-conformance-ravenclaw/luna-lovegood,all,none,"
                        + "policy BaselineAdminNetworkPolicy/default edited",
                "removed,network-policy-conformance-ravenclaw/luna-lovegood,network-policy-conformance-gryffindor/harry-potter,all,none,"
                        + "policy BaselineAdminNetworkPolicy/default edited"), run.out().lines().toList());
    }

    /**
     * tests/anp_test_6 → tests/anp_test_6_swapping_rules; expected
     * test_outputs/diff/diff_between_anp_test_6_swapping_rules_and_anp_test_6.csv: in an
     * AdminNetworkPolicy the first matching rule decides. Ravenclaw's Allow moves below its Deny
     * (removed); slytherin's UDP 5353 Pass moves above the Deny, which now also names UDP 5000, so
     * 5353 is passed (and allowed, as nothing below decides) while 5000 is denied. The port sets are
     * written as netpol-analyzer writes them: protocols in alphabetical order, a protocol's every
     * port as 1-65535.
     */
    @Test
    void reorderingAdminRulesMovesWhichPortIsDenied() throws IOException {
        String from = "[{namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-HOUSE}}}]";
        String anp = """
                ---
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: ingress-udp}
                spec:
                  priority: 4
                  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-hufflepuff}}}
                  ingress:
                  - {name: FIRST-from-ravenclaw, action: FIRST, from: RAVENCLAW}
                  - {name: SECOND-from-ravenclaw, action: SECOND, from: RAVENCLAW}
                  - {name: pass-from-ravenclaw, action: Pass, from: RAVENCLAW}
                  - {name: THIRD-from-slytherin, action: THIRD, from: SLYTHERIN, ports: THIRD_PORTS}
                  - {name: FOURTH-from-slytherin, action: FOURTH, from: SLYTHERIN, ports: FOURTH_PORTS}
                  - {name: allow-from-gryffindor-53, action: Allow, from: GRYFFINDOR, ports: [{portNumber: {protocol: UDP, port: 53}}]}
                  - {name: deny-from-gryffindor-else, action: Deny, from: GRYFFINDOR}
                """.replace("RAVENCLAW", from.replace("HOUSE", "ravenclaw")).replace("SLYTHERIN", from.replace("HOUSE", "slytherin"))
                .replace("GRYFFINDOR", from.replace("HOUSE", "gryffindor"));
        String udp5353 = "[{portNumber: {protocol: UDP, port: 5353}}]";
        Path before = side("before", houses() + anp.replace("FIRST", "Allow").replace("SECOND", "Deny").replace("THIRD_PORTS", udp5353)
                .replace("FOURTH_PORTS", udp5353).replace("THIRD", "Deny").replace("FOURTH", "Pass"));
        Path after = side("after", houses() + anp.replace("FIRST", "Deny").replace("SECOND", "Allow").replace("THIRD_PORTS", udp5353)
                .replace("FOURTH_PORTS", "[{portNumber: {protocol: UDP, port: 5353}}, {portNumber: {protocol: UDP, port: 5000}}]")
                .replace("THIRD", "Pass").replace("FOURTH", "Deny"));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after",
                "removed,network-policy-conformance-ravenclaw/luna-lovegood,network-policy-conformance-hufflepuff/cedric-diggory,all,none",
                "changed,network-policy-conformance-slytherin/draco-malfoy,network-policy-conformance-hufflepuff/cedric-diggory,"
                        + "\"SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535\",\"SCTP 1-65535,TCP 1-65535,UDP 1-4999,5001-65535\""),
                run.out().lines().toList());
    }

    /**
     * tests/with_end_port_example → tests/with_end_port_example_new: the expected
     * test_outputs/diff/diff_between_with_end_port_example_new_and_with_end_port_example.csv is
     * empty. The new version writes one port range as two adjacent ranges: the same ports, so no
     * pair changed and the exit code is 0.
     */
    @Test
    void theSamePortsWrittenOtherwiseChangeNothing() throws IOException {
        String workloads = deployment("hello-world", "hello", "hello-world", 8000) + deployment("client", "hello", "client", 0);
        Path before = side("before", workloads + policy("range", "hello", "{podSelector: {matchLabels: {app: hello-world}}, policyTypes: [Ingress],"
                + " ingress: [{ports: [{port: 8000, endPort: 9000, protocol: TCP}]}]}"));
        Path after = side("after", workloads + policy("range", "hello", "{podSelector: {matchLabels: {app: hello-world}}, policyTypes: [Ingress],"
                + " ingress: [{ports: [{port: 8000, endPort: 8500, protocol: TCP}, {port: 8501, endPort: 9000, protocol: TCP}]}]}"));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after"), run.out().lines().toList());
    }

    /** The four houses of the network-policy-api conformance tests, a two-replica StatefulSet each (tests/anp_test_6/manifests.yaml). */
    private static String houses() {
        StringBuilder houses = new StringBuilder();
        for (String[] house : new String[][] {{"gryffindor", "harry-potter"}, {"slytherin", "draco-malfoy"}, {"hufflepuff", "cedric-diggory"},
                {"ravenclaw", "luna-lovegood"}}) {
            String namespace = "network-policy-conformance-" + house[0];
            houses.append("---\n{apiVersion: v1, kind: Namespace, metadata: {name: ").append(namespace)
                    .append(", labels: {conformance-house: ").append(house[0]).append("}}}\n")
                    .append("---\n{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: ").append(house[1]).append(", namespace: ").append(namespace)
                    .append("}, spec: {replicas: 2, selector: {matchLabels: {conformance-house: ").append(house[0])
                    .append("}}, template: {metadata: {labels: {conformance-house: ").append(house[0])
                    .append("}}, spec: {containers: [{name: c, image: agnhost}]}}}}\n");
        }
        return houses.toString();
    }

    /** The table rows of a txt report, with runs of spaces made one. */
    /**
     * An {@code except} cuts the address space into three ranges, as netpol-analyzer's connlist
     * writes them ({@code 0.0.0.0-9.255.255.255}, {@code 10.0.0.0-10.255.255.255},
     * {@code 11.0.0.0-255.255.255.255} in test_outputs/connlist/ of that project): when web's
     * egress goes from "everywhere" to "TCP 443 outside 10.0.0.0/8", 10.0.0.0/8 loses everything and
     * the two ranges around it, which do not touch, are a line each with the same change.
     */
    @Test
    void anExceptCutsTheAddressesIntoRanges() throws IOException {
        String workloads = deployment("web", "default", "web", 8080);
        Path before = side("before", workloads);
        Path after = side("after", workloads + policy("web-egress", "default", "{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress],"
                + " egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}], ports: [{port: 443}]}]}"));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after",
                "changed,default/web,ext:0.0.0.0-9.255.255.255,all,TCP 443",
                "removed,default/web,ext:10.0.0.0/8,all,none",
                "changed,default/web,ext:11.0.0.0-255.255.255.255,all,TCP 443"), run.out().lines().toList());

        CliRun explained = CliRun.of("diff", before.toString(), after.toString(), "--format", "txt", "--explain");
        assertEquals(3, explained.out().lines().filter(line -> line.strip().equals("because policy default/web-egress added")).count(),
                explained.out());
    }

    /**
     * tests/anp_test_10 → tests/anp_test_10_swapping_rules; expected
     * test_outputs/diff/diff_between_anp_test_10_swapping_rules_and_anp_test_10.csv ("removed,
     * ...hufflepuff/cedric-diggory, ...ravenclaw/luna-lovegood, All Connections, No Connections"):
     * the Admin tier's first match decides, so swapping Allow and Deny closes the pair. Its peers
     * are {@code pods} without the required podSelector, read as every pod with a warning.
     */
    @Test
    void swappingAnAdminAllowAndDenyClosesThePair() throws IOException {
        String workloads = deployment("cedric-diggory", "hufflepuff", "cedric", 80) + deployment("luna-lovegood", "ravenclaw", "luna", 80);
        String allow = "{name: allow-to-ravenclaw, action: Allow, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ravenclaw}}}}]}";
        String deny = "{name: deny-to-ravenclaw, action: Deny, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ravenclaw}}}}]}";
        String anp = "---\n{apiVersion: policy.networking.k8s.io/v1alpha1, kind: AdminNetworkPolicy, metadata: {name: egress-udp}, spec: {priority: 7,"
                + " subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: hufflepuff}}}, egress: [%s, %s]}}\n";
        Path before = side("before", workloads + anp.formatted(allow, deny));
        Path after = side("after", workloads + anp.formatted(deny, allow));

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--format", "csv");

        assertEquals(ExitCode.CHANGED, run.exitCode(), run.err());
        assertEquals(List.of("diff-type,source,destination,before,after", "removed,hufflepuff/cedric-diggory,ravenclaw/luna-lovegood,all,none"),
                run.out().lines().toList());
        assertTrue(run.err().contains("podSelector is missing: the API server refuses this policy"), run.err());
    }

    private static List<String> rows(String out) {
        return out.lines().filter(line -> line.matches("^(added|removed|changed) .*"))
                .map(line -> line.replaceAll(" +", " ").strip()).toList();
    }

    private Path boutique(String name, Map<String, String> policies, boolean withUnicorn) throws IOException {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> workloads = new java.util.TreeMap<>(BOUTIQUE_WORKLOADS);
        if (withUnicorn) {
            workloads.put("unicorn", 8080);
        }
        workloads.forEach((app, port) -> text.append(deployment(app, "default", app, port)));
        new java.util.TreeMap<>(policies).forEach((app, spec) -> text.append(policy(app + "-netpol", "default", spec)));
        return side(name, text.toString());
    }

    private Path side(String name, String manifests) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(name));
        Files.writeString(folder.resolve("manifests.yaml"), manifests);
        return folder;
    }

    private static String deployment(String name, String namespace, String app, int port) {
        String ports = port == 0 ? "" : ", ports: [{containerPort: " + port + "}]";
        return "---\n{apiVersion: apps/v1, kind: Deployment, metadata: {name: " + name + ", namespace: " + namespace + "}, spec: {selector:"
                + " {matchLabels: {app: " + app + "}}, template: {metadata: {labels: {app: " + app + "}}, spec: {containers: [{name: server,"
                + " image: " + name + ports + "}]}}}}\n";
    }

    private static String policy(String name, String namespace, String spec) {
        return "---\n{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: " + name + ", namespace: " + namespace
                + "}, spec: " + spec + "}\n";
    }

    private static String egress(String app, String port) {
        return "{ports: [{port: " + port + "}], to: [{podSelector: {matchLabels: {app: " + app + "}}}]}";
    }

    private static String ingress(String app, String port) {
        return "{from: [{podSelector: {matchLabels: {app: " + app + "}}}], ports: [{port: " + port + "}]}";
    }

    private static String isolatedWithIngress(String app, String rules) {
        return "{podSelector: {matchLabels: {app: " + app + "}}, policyTypes: [Ingress, Egress], egress: [], ingress: [" + rules + "]}";
    }

}

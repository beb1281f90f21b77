package io.netpolviz.conformance;

import io.netpolviz.model.PolicyType;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transcribed from kubernetes-sigs/network-policy-api
 * {@code conformance/tests/baseline-admin-network-policy-standard-gress-rules.go} with
 * {@code base/baseline_tier/standard-gress-rules-combined.yaml} (v1alpha2, main: a ClusterNetworkPolicy
 * of the Baseline tier) and {@code base/baseline_admin_network_policy/standard-gress-rules-combined.yaml}
 * (v1alpha1, branch release-0.1: the BaselineAdminNetworkPolicy {@code default}): one Baseline policy for
 * gryffindor with ingress and egress rules over three protocols at once (no Pass, which the Baseline
 * tier does not have), its first two rules swapped in both directions as the suite's patch does. The
 * manifests are written anew here in the shape of those files.
 */
class BaselineGressRulesConformanceTest {

    @TempDir
    static Path directory;

    private static final String HARRY = "gryffindor/harry-potter-0";
    private static final String LUNA = "ravenclaw/luna-lovegood-0";
    private static final String CEDRIC = "hufflepuff/cedric-diggory-1";
    private static final String DRACO = "slytherin/draco-malfoy-0";

    @ParameterizedTest
    @ValueSource(strings = {"v1alpha2", "v1alpha1"})
    void ingressAndEgressRulesDecideInTheirOrderAcrossProtocols(String version) {
        Houses houses = Houses.with(directory, policy(version));
        // "Should support an 'allow-gress' policy across different protocols"
        both(houses, HARRY, LUNA, new Object[][] {{"tcp", 80, true}, {"udp", 53, true}, {"sctp", 9003, true}});
        // "... at the specified ports": egress to hufflepuff on 8080/5353/9003, ingress from it on 80/5353/9003.
        pokes(houses, HARRY, CEDRIC, new Object[][] {{"tcp", 8080, true}, {"tcp", 80, false}, {"udp", 5353, true}, {"udp", 53, false},
            {"sctp", 9003, true}, {"sctp", 9005, false}});
        pokes(houses, CEDRIC, HARRY, new Object[][] {{"tcp", 80, true}, {"tcp", 8080, false}, {"udp", 5353, true}, {"udp", 53, false},
            {"sctp", 9003, true}, {"sctp", 9005, false}});
        // "Should support an 'deny-gress' policy across different protocols": swap rules 0 and 1 in both directions.
        houses = houses.swapRules("default", PolicyType.EGRESS, 0, 1).swapRules("default", PolicyType.INGRESS, 0, 1);
        both(houses, HARRY, LUNA, new Object[][] {{"tcp", 80, false}, {"udp", 53, false}, {"sctp", 9003, false}});
        // "Should support a 'deny-gress' policy across different protocols at the specified ports": slytherin on
        // 80/53/9003 denied; its other ports match no rule and fall to the default, allowed.
        both(houses, HARRY, DRACO, new Object[][] {{"tcp", 80, false}, {"tcp", 8080, true}, {"udp", 53, false}, {"udp", 5353, true},
            {"sctp", 9003, false}, {"sctp", 9005, true}});
    }

    private static void both(Houses houses, String a, String b, Object[][] pokes) {
        pokes(houses, a, b, pokes);
        pokes(houses, b, a, pokes);
    }

    private static void pokes(Houses houses, String client, String server, Object[][] pokes) {
        for (Object[] poke : pokes) {
            houses.poke(client, (String) poke[0], server, (Integer) poke[1], (Boolean) poke[2]);
        }
    }

    private static String policy(String version) {
        boolean v2 = version.equals("v1alpha2");
        String allow = v2 ? "Accept" : "Allow";
        StringBuilder yaml = new StringBuilder("apiVersion: policy.networking.k8s.io/" + version + "\n"
                + "kind: " + (v2 ? "ClusterNetworkPolicy" : "BaselineAdminNetworkPolicy") + "\n"
                + "metadata: {name: default}\n"
                + "spec:\n"
                + (v2 ? "  tier: Baseline\n  priority: 10\n" : "")
                + "  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-gryffindor}}}\n");
        for (String direction : new String[] {"egress", "ingress"}) {
            boolean ingress = direction.equals("ingress");
            String peers = ingress ? "from" : "to";
            String allowedPorts = ingress ? ports(v2, 80, 5353, 9003) : ports(v2, 8080, 5353, 9003);
            yaml.append("  ").append(direction).append(":\n");
            rule(yaml, "allow-" + peers + "-ravenclaw-everything", allow, peers, "ravenclaw", null);
            rule(yaml, "deny-" + peers + "-ravenclaw-everything", "Deny", peers, "ravenclaw", null);
            rule(yaml, "deny-" + peers + "-slytherin-at-ports-80-53-9003", "Deny", peers, "slytherin", ports(v2, 80, 53, 9003));
            rule(yaml, "allow-" + peers + "-hufflepuff-at-ports", allow, peers, "hufflepuff", allowedPorts);
            rule(yaml, "deny-" + peers + "-hufflepuff-everything-else", "Deny", peers, "hufflepuff", null);
        }
        return yaml.toString();
    }

    private static void rule(StringBuilder yaml, String name, String action, String peers, String house, String ports) {
        yaml.append("  - {name: ").append(name).append(", action: ").append(action).append(", ").append(peers)
                .append(": [{namespaces: {matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-").append(house)
                .append("}}}]").append(ports == null ? "" : ", " + ports).append("}\n");
    }

    /** TCP {@code tcp}, UDP {@code udp} and SCTP {@code sctp}, in the version's spelling. */
    private static String ports(boolean v2, int tcp, int udp, int sctp) {
        String[] protocols = {"tcp", "udp", "sctp"};
        int[] numbers = {tcp, udp, sctp};
        StringBuilder out = new StringBuilder(v2 ? "protocols: [" : "ports: [");
        for (int i = 0; i < 3; i++) {
            out.append(i == 0 ? "" : ", ");
            out.append(v2 ? "{" + protocols[i] + ": {destinationPort: {number: " + numbers[i] + "}}}"
                    : "{portNumber: {protocol: " + protocols[i].toUpperCase(Locale.ROOT) + ", port: " + numbers[i] + "}}");
        }
        return out.append(']').toString();
    }
}

package io.netpolviz.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network-policy-api conformance tests for rule order and actions per protocol, both API
 * versions and both tiers, transcribed. Sources (kubernetes-sigs/network-policy-api):
 * <ul>
 * <li>v1alpha2, main: {@code conformance/tests/admin-network-policy-standard-{ingress,egress}-{tcp,udp,sctp}-rules.go}
 *     with {@code conformance/base/admin_tier/standard-*-rules.yaml}, and
 *     {@code baseline-admin-network-policy-standard-*-rules.go} with {@code conformance/base/baseline_tier/};</li>
 * <li>v1alpha1, tag v0.1.7: the same test files with {@code conformance/base/admin_network_policy/} and
 *     {@code conformance/base/baseline_admin_network_policy/} (AdminNetworkPolicy, BaselineAdminNetworkPolicy).</li>
 * </ul>
 * Every one of those policies has one shape: a subject namespace; rules "allow everything from/to
 * house A", "deny everything", (Admin only) "pass everything"; "deny house B at port P",
 * (Admin only) "pass house B at port P"; "allow house C at port Q", "deny house C everything
 * else". The policies are generated here from that shape (our own YAML) with the houses and
 * ports each file uses, and each test's subtests run in order with the suite's patches, which
 * accumulate as they do against a live cluster.
 */
class TierProtocolConformanceTest {

    @TempDir
    static Path directory;

    /** Which houses and ports one of the six (direction, protocol) files uses. */
    record Shape(PolicyType direction, String protocol, String subject, String everything, String denied, int deniedPort,
            String allowed, int allowedPort, int priority) {
    }

    private static final Map<String, String> POD = Map.of("gryffindor", "harry-potter", "slytherin", "draco-malfoy",
            "hufflepuff", "cedric-diggory", "ravenclaw", "luna-lovegood");
    /** The other port of each protocol that the suite pokes: every server listens on both. */
    private static final Map<String, int[]> PORTS = Map.of("tcp", new int[] {80, 8080}, "udp", new int[] {53, 5353},
            "sctp", new int[] {9003, 9005});

    private static final Shape[] SHAPES = {
        new Shape(PolicyType.INGRESS, "tcp", "gryffindor", "ravenclaw", "slytherin", 80, "hufflepuff", 80, 3),
        new Shape(PolicyType.INGRESS, "udp", "hufflepuff", "ravenclaw", "slytherin", 5353, "gryffindor", 53, 4),
        new Shape(PolicyType.INGRESS, "sctp", "ravenclaw", "gryffindor", "slytherin", 9003, "hufflepuff", 9003, 5),
        new Shape(PolicyType.EGRESS, "tcp", "gryffindor", "ravenclaw", "slytherin", 80, "hufflepuff", 8080, 6),
        new Shape(PolicyType.EGRESS, "udp", "hufflepuff", "ravenclaw", "slytherin", 5353, "gryffindor", 53, 7),
        new Shape(PolicyType.EGRESS, "sctp", "ravenclaw", "gryffindor", "slytherin", 9003, "hufflepuff", 9003, 8),
    };

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Shape shape : SHAPES) {
            for (String version : new String[] {"v1alpha2", "v1alpha1"}) {
                cases.add(Arguments.of(version, true, shape));
                cases.add(Arguments.of(version, false, shape));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void ruleOrderAndActionsDecideAsTheSuiteExpects(String version, boolean admin, Shape shape) {
        String name = admin ? shape.direction().apiName().toLowerCase(Locale.ROOT) + "-" + shape.protocol() : "default";
        Houses houses = Houses.with(directory, policy(version, admin, name, shape));
        int[] ports = PORTS.get(shape.protocol());
        int otherOfDenied = ports[0] == shape.deniedPort() ? ports[1] : ports[0];
        int otherOfAllowed = ports[0] == shape.allowedPort() ? ports[1] : ports[0];

        // "Should support an 'allow-...' policy ...; ensure rule ordering is respected": the allow rule comes first.
        Verdict first = poke(houses, shape, shape.everything(), ports[0], true);
        poke(houses, shape, shape.everything(), ports[1], true);
        assertEquals("allow-" + fromTo(shape) + "-" + shape.everything() + "-everything", Houses.decidingRule(side(first, shape)));

        // "... at the specified port": only the allowed port passes; the next rule denies the rest.
        poke(houses, shape, shape.allowed(), shape.allowedPort(), true);
        Verdict rest = poke(houses, shape, shape.allowed(), otherOfAllowed, false);
        assertEquals("deny-" + fromTo(shape) + "-" + shape.allowed() + "-everything-else", Houses.decidingRule(side(rest, shape)));

        // "Should support a 'deny-...' policy; ensure rule ordering is respected": swap rules 0 and 1.
        houses = houses.swapRules(name, shape.direction(), 0, 1);
        poke(houses, shape, shape.everything(), ports[0], false);
        poke(houses, shape, shape.everything(), ports[1], false);

        // "... 'deny-...' policy at the specified port": the denied house on the other port is not matched, so allowed.
        Verdict denied = poke(houses, shape, shape.denied(), shape.deniedPort(), false);
        assertEquals("deny-" + fromTo(shape) + "-" + shape.denied() + "-at-port-" + shape.deniedPort(),
                Houses.decidingRule(side(denied, shape)));
        poke(houses, shape, shape.denied(), otherOfDenied, true);
        if (!admin) {
            return; // the Baseline tier files have no Pass rules (BaselineAdminNetworkPolicy has no Pass action)
        }
        // "Should support a 'pass-...' policy; ensure rule ordering is respected": swap rules 0 and 2 (on the patched policy).
        houses = houses.swapRules(name, shape.direction(), 0, 2);
        Verdict passed = poke(houses, shape, shape.everything(), ports[0], true);
        poke(houses, shape, shape.everything(), ports[1], true);
        assertEquals(SideVerdict.Layer.DEFAULT, side(passed, shape).decidedBy(), "a Pass with nothing below falls to the default");

        // "... 'pass-...' policy at the specified port": swap rules 3 and 4.
        houses = houses.swapRules(name, shape.direction(), 3, 4);
        poke(houses, shape, shape.denied(), shape.deniedPort(), true);
        poke(houses, shape, shape.denied(), otherOfDenied, true);
    }

    /**
     * {@code admin-network-policy-experimental-{egress,ingress}-rules.go} and
     * {@code baseline-admin-network-policy-experimental-{egress,ingress}-rules.go} (main for v1alpha2,
     * release-0.1 for v1alpha1), "Should support an 'allow-egress'/'allow-ingress' policy for named
     * port": the "allow house C at port Q" rule (Admin: rule 5 of egress-tcp and ingress-udp; Baseline:
     * rule 3 of egress-udp and ingress-tcp) matches the container port named {@code web} (TCP 80) or
     * {@code dns} (UDP 53) instead, so only that port of house C gets through and the next rule denies the rest.
     */
    @ParameterizedTest(name = "{0} admin={1} {2}")
    @MethodSource("namedPortCases")
    void aNamedPortMatchesTheDestinationsContainerPortOfThatName(String version, boolean admin, Shape shape, String portName,
            int namedPort) {
        String name = admin ? shape.direction().apiName().toLowerCase(Locale.ROOT) + "-" + shape.protocol() : "default";
        String named = version.equals("v1alpha2") ? "protocols: [{destinationNamedPort: " + portName + "}]"
                : "ports: [{namedPort: " + portName + "}]";
        String allowedPorts = ports(version.equals("v1alpha2"), shape.protocol(), shape.allowedPort());
        String policy = policy(version, admin, name, shape);
        assertTrue(policy.contains(allowedPorts + "}\n  - {name: deny-"), "the allow-at-port rule is the one patched");
        Houses houses = Houses.with(directory, policy.replace(allowedPorts + "}\n  - {name: deny-", named + "}\n  - {name: deny-"));
        int[] ports = PORTS.get(shape.protocol());
        poke(houses, shape, shape.allowed(), namedPort, true);
        poke(houses, shape, shape.allowed(), ports[0] == namedPort ? ports[1] : ports[0], false);
    }

    static Stream<Arguments> namedPortCases() {
        return Stream.of(
                Arguments.of("v1alpha2", true, SHAPES[3], "web", 80),
                Arguments.of("v1alpha2", true, SHAPES[1], "dns", 53),
                Arguments.of("v1alpha1", true, SHAPES[3], "web", 80),
                Arguments.of("v1alpha1", true, SHAPES[1], "dns", 53),
                Arguments.of("v1alpha2", false, SHAPES[4], "dns", 53),
                Arguments.of("v1alpha2", false, SHAPES[0], "web", 80),
                Arguments.of("v1alpha1", false, SHAPES[4], "dns", 53),
                Arguments.of("v1alpha1", false, SHAPES[0], "web", 80));
    }

    private static Verdict poke(Houses houses, Shape shape, String peerHouse, int port, boolean expected) {
        String subjectPod = shape.subject() + "/" + POD.get(shape.subject()) + "-0";
        String peerPod = peerHouse + "/" + POD.get(peerHouse) + "-1";
        return shape.direction() == PolicyType.INGRESS
                ? houses.poke(peerPod, shape.protocol(), subjectPod, port, expected)
                : houses.poke(subjectPod, shape.protocol(), peerPod, port, expected);
    }

    private static SideVerdict side(Verdict verdict, Shape shape) {
        return shape.direction() == PolicyType.INGRESS ? verdict.ingress() : verdict.egress();
    }

    private static String fromTo(Shape shape) {
        return shape.direction() == PolicyType.INGRESS ? "from" : "to";
    }

    private static String policy(String version, boolean admin, String name, Shape shape) {
        boolean v2 = version.equals("v1alpha2");
        String kind = v2 ? "ClusterNetworkPolicy" : admin ? "AdminNetworkPolicy" : "BaselineAdminNetworkPolicy";
        String allow = v2 ? "Accept" : "Allow";
        String peers = shape.direction() == PolicyType.INGRESS ? "from" : "to";
        String word = fromTo(shape);
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: policy.networking.k8s.io/").append(version).append('\n')
                .append("kind: ").append(kind).append('\n')
                .append("metadata: {name: ").append(name).append("}\n")
                .append("spec:\n");
        if (v2) {
            yaml.append("  tier: ").append(admin ? "Admin" : "Baseline").append('\n')
                    .append("  priority: ").append(admin ? shape.priority() : 10).append('\n');
        } else if (admin) {
            yaml.append("  priority: ").append(shape.priority()).append('\n');
        }
        yaml.append("  subject: {namespaces: ").append(house(shape.subject())).append("}\n");
        yaml.append("  ").append(shape.direction().apiName().toLowerCase(Locale.ROOT)).append(":\n");
        rule(yaml, "allow-" + word + "-" + shape.everything() + "-everything", allow, peers, shape.everything(), null);
        rule(yaml, "deny-" + word + "-" + shape.everything() + "-everything", "Deny", peers, shape.everything(), null);
        if (admin) {
            rule(yaml, "pass-" + word + "-" + shape.everything() + "-everything", "Pass", peers, shape.everything(), null);
        }
        String deniedPort = ports(v2, shape.protocol(), shape.deniedPort());
        rule(yaml, "deny-" + word + "-" + shape.denied() + "-at-port-" + shape.deniedPort(), "Deny", peers, shape.denied(), deniedPort);
        if (admin) {
            rule(yaml, "pass-" + word + "-" + shape.denied() + "-at-port-" + shape.deniedPort(), "Pass", peers, shape.denied(), deniedPort);
        }
        rule(yaml, "allow-" + word + "-" + shape.allowed() + "-at-port-" + shape.allowedPort(), allow, peers, shape.allowed(),
                ports(v2, shape.protocol(), shape.allowedPort()));
        rule(yaml, "deny-" + word + "-" + shape.allowed() + "-everything-else", "Deny", peers, shape.allowed(), null);
        return yaml.toString();
    }

    private static void rule(StringBuilder yaml, String name, String action, String peers, String house, String ports) {
        yaml.append("  - {name: ").append(name).append(", action: ").append(action).append(", ").append(peers)
                .append(": [{namespaces: ").append(house(house)).append("}]").append(ports == null ? "" : ", " + ports).append("}\n");
    }

    private static String house(String house) {
        return "{matchLabels: {kubernetes.io/metadata.name: network-policy-conformance-" + house + "}}";
    }

    private static String ports(boolean v2, String protocol, int port) {
        return v2 ? "protocols: [{" + protocol + ": {destinationPort: {number: " + port + "}}}]"
                : "ports: [{portNumber: {protocol: " + protocol.toUpperCase(Locale.ROOT) + ", port: " + port + "}}]";
    }
}

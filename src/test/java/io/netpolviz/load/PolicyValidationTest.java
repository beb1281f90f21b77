package io.netpolviz.load;

import static io.netpolviz.load.Fixtures.assertAt;
import static io.netpolviz.load.Fixtures.policyIds;
import static io.netpolviz.load.Fixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invalid NetworkPolicies are reported where the problem is and left out, as the API server
 * would reject them, while the valid policy after them in the same file still loads.
 */
class PolicyValidationTest {

    /** Six lines: the spec body given to {@link #loadBad} starts on line 7. */
    private static final String HEADER = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: bad
              namespace: shop
            spec:
            """;

    private static final String GOOD = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: good
              namespace: shop
            spec:
              podSelector: {}
            """;

    @TempDir
    Path dir;

    private ClusterSnapshot loadBad(String specBody) {
        return Fixtures.load(Fixtures.write(dir, "policy.yaml", HEADER + specBody + GOOD));
    }

    private static Diagnostic assertRejected(ClusterSnapshot snapshot, int line, int column, String messagePart) {
        Diagnostic error = single(snapshot, Severity.ERROR, messagePart);
        assertAt(error, "policy.yaml", line, column);
        assertTrue(error.message().contains("left out"), error.message());
        assertEquals(List.of("shop/good"), policyIds(snapshot), "the bad policy is left out, the good one still loads");
        return error;
    }

    @Test
    void podSelectorWrittenAsAStringIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: "app"
                """);
        assertRejected(snapshot, 7, 16, "spec.podSelector must be a mapping");
    }

    @Test
    void portsThatAreNotAListAreRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports: 8080
                """);
        assertRejected(snapshot, 9, 12, "spec.ingress[0].ports must be a list");
    }

    @Test
    void lowercaseProtocolIsRejectedBecauseTheApiIsCaseSensitive() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - protocol: tcp
                      port: 80
                """);
        Diagnostic error = assertRejected(snapshot, 10, 17, "\"tcp\" is not a supported protocol");
        assertTrue(error.message().contains("TCP, UDP or SCTP"), error.message());
    }

    @Test
    void portOutOfRangeIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: 70000
                """);
        assertRejected(snapshot, 10, 13, "spec.ingress[0].ports[0].port is 70000");
    }

    @Test
    void endPortBelowPortIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: 9000
                      endPort: 8000
                """);
        assertRejected(snapshot, 11, 16, "endPort 8000 is smaller than port 9000");
    }

    @Test
    void endPortWithANamedPortIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: http
                      endPort: 9000
                """);
        assertRejected(snapshot, 11, 16, "cannot be combined with a named port");
    }

    @Test
    void endPortWithoutPortIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  egress:
                  - ports:
                    - endPort: 9000
                """);
        assertRejected(snapshot, 10, 16, "needs a numeric port");
    }

    @Test
    void quotedNumberIsAPortNameAndAnInvalidOne() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: "8080"
                """);
        Diagnostic error = assertRejected(snapshot, 10, 13, "\"8080\" is not a valid port name");
        assertTrue(error.message().contains("at least one letter"), error.message());
    }

    @Test
    void portNameLongerThanFifteenCharactersIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: webserver-metrics
                """);
        assertRejected(snapshot, 10, 13, "1 to 15 characters");
    }

    @Test
    void uppercasePortNameIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: HTTP
                """);
        assertRejected(snapshot, 10, 13, "only lowercase letters, digits and '-'");
    }

    @Test
    void invalidCidrIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock:
                        cidr: 10.0.0.0/33
                """);
        assertRejected(snapshot, 11, 15, "\"10.0.0.0/33\" is not a valid CIDR");
    }

    @Test
    void exceptOutsideTheCidrIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock:
                        cidr: 10.0.0.0/8
                        except:
                        - 11.0.0.0/16
                """);
        assertRejected(snapshot, 13, 11, "\"11.0.0.0/16\" is not strictly inside cidr 10.0.0.0/8");
    }

    @Test
    void exceptEqualToTheCidrIsRejectedAsNotStrictlyInside() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock:
                        cidr: 10.0.0.0/8
                        except: [10.0.0.0/8]
                """);
        assertRejected(snapshot, 12, 18, "is not strictly inside cidr");
    }

    @Test
    void ipBlockTogetherWithAPodSelectorInOnePeerIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - from:
                    - ipBlock:
                        cidr: 10.0.0.0/8
                      podSelector: {}
                """);
        assertRejected(snapshot, 10, 7, "combines ipBlock with a pod or namespace selector");
    }

    @Test
    void emptyPeerIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - from:
                    - {}
                """);
        Diagnostic error = assertRejected(snapshot, 10, 7, "spec.ingress[0].from[0] is empty");
        assertTrue(error.message().contains("leave out from altogether"), error.message());
    }

    @Test
    void unknownSelectorOperatorIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector:
                    matchExpressions:
                    - key: tier
                      operator: in
                      values: [web]
                """);
        assertRejected(snapshot, 10, 17, "\"in\" is not a selector operator");
    }

    @Test
    void inWithoutValuesIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector:
                    matchExpressions:
                    - key: tier
                      operator: In
                      values: []
                """);
        assertRejected(snapshot, 11, 15, "must not be empty for operator In");
    }

    @Test
    void existsWithValuesIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector:
                    matchExpressions:
                    - key: tier
                      operator: Exists
                      values: [web]
                """);
        assertRejected(snapshot, 11, 15, "must be empty for operator Exists");
    }

    @Test
    void unknownPolicyTypeIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  policyTypes:
                  - ingress
                """);
        assertRejected(snapshot, 9, 5, "\"ingress\" is not a policy type");
    }

    @Test
    void moreThanTwoPolicyTypesAreRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  policyTypes: [Ingress, Egress, Ingress]
                """);
        assertRejected(snapshot, 8, 16, "at most two");
    }

    @Test
    void misspeltFieldIsRejectedWithASuggestion() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingres:
                  - {}
                """);
        Diagnostic error = assertRejected(snapshot, 8, 3, "spec.ingres is not a field of a NetworkPolicy spec");
        assertTrue(error.message().contains("did you mean ingress?"), error.message());
    }

    @Test
    void unquotedNumberAsLabelValueIsRejected() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector:
                    matchLabels:
                      version: 1
                """);
        Diagnostic error = assertRejected(snapshot, 9, 16, "must have a string value, not the number 1");
        assertTrue(error.message().contains("quote it"), error.message());
    }

    @Test
    void missingNameIsRejected() {
        Path file = Fixtures.write(dir, "policy.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  namespace: shop
                spec:
                  podSelector: {}
                """ + GOOD);
        assertRejected(Fixtures.load(file), 4, 3, "metadata.name is missing");
    }

    @Test
    void oldApiVersionIsRejected() {
        Path file = Fixtures.write(dir, "policy.yaml", """
                apiVersion: extensions/v1beta1
                kind: NetworkPolicy
                metadata:
                  name: bad
                  namespace: shop
                spec:
                  podSelector: {}
                """ + GOOD);
        assertRejected(Fixtures.load(file), 1, 1, "change apiVersion to networking.k8s.io/v1");
    }

    @Test
    void everyProblemOfOnePolicyIsReported() {
        ClusterSnapshot snapshot = loadBad("""
                  podSelector: {}
                  ingress:
                  - ports:
                    - protocol: tcp
                      port: 70000
                """);
        assertEquals(2, Fixtures.withSeverity(snapshot, Severity.ERROR).size(), Fixtures.all(snapshot));
        assertEquals(List.of("shop/good"), policyIds(snapshot));
    }
}

package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clicked address block lists every rule that names it, of every kind: Cilium's CIDR, CIDRSet and
 * {@code world} rules (allow and deny) and ClusterNetworkPolicy {@code networks}, as Calico's are
 * listed ({@link CalicoAddressNodeTest}), each with the CIDR that holds the block.
 */
class AddressNodeRulesTest {

    @TempDir
    Path dir;

    private static final String CLUSTER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {containers: [{name: c, image: i, ports: [{containerPort: 8080}]}]}
            ---
            """;

    @Test
    void ciliumCidrSetAndWorldRulesAndTheirDenyNameTheBlock() throws Exception {
        // https://docs.cilium.io/en/stable/security/policy/language/ (Layer 3 Examples): "IP/CIDR based: This is used to
        // describe the relationship to or from external services if the remote peer is not an endpoint."
        Files.writeString(dir.resolve("cluster.yaml"), CLUSTER + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: web-out, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  egress:
                  - toCIDRSet: [{cidr: 192.0.2.0/24, except: [192.0.2.128/25]}]
                  - toEntities: [world]
                    toPorts: [{ports: [{port: "443"}]}]
                  egressDeny:
                  - toCIDR: [192.0.2.0/26]
                """);
        String text = pane("ext:192.0.2.0/26");

        assertTrue(text.contains("Rules that name it"), text);
        assertTrue(text.contains("egress rule 1 (by 192.0.2.0/24 except 192.0.2.128/25)"), text);
        assertTrue(text.contains("egress rule 2 (by 0.0.0.0/0)"), text);
        assertTrue(text.contains("egressDeny rule 1: denies (by 192.0.2.0/26)"), text);
    }

    @Test
    void aClusterNetworkPolicysNetworksNameTheBlock() throws Exception {
        // https://network-policy-api.sigs.k8s.io/reference/spec/ (egress peer networks): "Networks defines a way to select
        // peers via CIDR blocks. This is intended for representing entities that live outside the cluster".
        Files.writeString(dir.resolve("cluster.yaml"), CLUSTER + """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: no-partner}
                spec:
                  tier: Admin
                  priority: 5
                  subject: {namespaces: {}}
                  egress:
                  - {name: deny-partner, action: Deny, to: [{networks: [198.51.100.0/24]}]}
                """);
        String text = pane("ext:198.51.100.0/24");

        assertFalse(text.contains("No rule names it"), text);
        assertTrue(text.contains("rule `deny-partner`: denies (by 198.51.100.0/24)"), text);
    }

    private String pane(String node) throws Exception {
        Evaluated evaluated = TutorialSteps.open(dir, 0, false, Set.of(), node);
        return SelectionDetails.describe(new Selection.Node(node), evaluated).text();
    }
}

package io.netpolviz.graph;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every IPv4 address and every IPv6 address are two peers ("0.0.0.0/0" and "::/0" are both
 * valid ipBlock cidrs; Cilium's world entity names both). Drawn side by side, two boxes both
 * called "any address" read as one box drawn twice, so the IPv6 one says which it is.
 */
class AnyAddressNamesTest {

    @TempDir
    Path dir;

    @Test
    void everyIpv4AndEveryIpv6AddressAreNamedApart() throws Exception {
        Files.writeString(dir.resolve("web.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-from-anywhere, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}, {ipBlock: {cidr: 10.0.0.0/8}}]}]
                """);
        PolicyEngine engine = PolicyEngine.compile(new ManifestLoader().load(List.of(dir)));
        ReachabilityGraph graph = new ReachabilityGraphBuilder(engine).build(engine.evaluate(), null);

        Map<String, String> externalNames = graph.nodes().stream().filter(node -> node.type() == NodeType.EXTERNAL)
                .collect(Collectors.toMap(GraphNode::id, GraphNode::name));

        assertEquals(Map.of("ext:0.0.0.0/0", "any address", "ext:::/0", "any IPv6 address", "ext:10.0.0.0/8", "10.0.0.0/8"), externalNames);
    }
}

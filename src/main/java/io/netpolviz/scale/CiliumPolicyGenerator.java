package io.netpolviz.scale;

import java.util.List;
import java.util.Random;

/**
 * The Cilium policies of a generated cluster, written as {@code cilium.io/v2} manifests the way
 * teams that run Cilium write them: per namespace, database ingress from the API tier with a deny
 * from the world, web front ends open to the world on 443 with an L7 rule, deny rules against
 * staging; cluster-wide, a team's egress kept inside the cluster with a deny to a partner range,
 * and monitoring allowed in everywhere without putting anything into default deny
 * ({@code enableDefaultDeny: false}). Written as text: the benchmark reads them through the real
 * loader, as it does the rest.
 */
final class CiliumPolicyGenerator {

    private CiliumPolicyGenerator() {
    }

    /** {@code count} policies over the application namespaces {@code namespaces} of teams {@code teams}. */
    static String yaml(int count, List<String> namespaces, List<String> teams, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append("---\n");
            }
            String namespace = namespaces.get(random.nextInt(namespaces.size()));
            String team = teams.get(random.nextInt(teams.size()));
            switch (random.nextInt(5)) {
                case 0 -> out.append(namespaced("db-" + i, namespace)).append("""
                          endpointSelector: {matchLabels: {tier: db}}
                          ingress:
                          - fromEndpoints: [{matchLabels: {tier: api}}]
                            toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                          ingressDeny:
                          - fromEntities: [world]
                        """);
                case 1 -> out.append(namespaced("web-" + i, namespace)).append("""
                          endpointSelector: {matchLabels: {tier: web}}
                          ingress:
                          - fromEntities: [world]
                            toPorts:
                            - ports: [{port: "443", protocol: TCP}]
                              rules: {http: [{method: GET, path: "/.*"}]}
                          egress:
                          - toEndpoints: [{matchLabels: {tier: api}}]
                            toPorts: [{ports: [{port: http}]}]
                        """);
                case 2 -> out.append(clusterwide("team-inside-" + i)).append("""
                          endpointSelector: {matchLabels: {io.cilium.k8s.namespace.labels.team: %s}}
                          egress:
                          - toEntities: [cluster]
                          egressDeny:
                          - toCIDRSet: [{cidr: 203.0.113.0/24, except: [203.0.113.128/25]}]
                        """.formatted(team));
                case 3 -> out.append(clusterwide("monitoring-in-" + i)).append("""
                          endpointSelector: {matchLabels: {io.cilium.k8s.namespace.labels.team: %s}}
                          enableDefaultDeny: {ingress: false}
                          ingress:
                          - fromEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: monitoring}}]
                            toPorts: [{ports: [{port: "9090", endPort: 9100, protocol: TCP}]}]
                        """.formatted(team));
                default -> out.append(namespaced("no-staging-" + i, namespace)).append("""
                          endpointSelector: {}
                          ingressDeny:
                          - fromEndpoints: [{matchLabels: {io.cilium.k8s.namespace.labels.env: staging}}]
                            toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                        """);
            }
        }
        return out.toString();
    }

    private static String namespaced(String name, String namespace) {
        return "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: " + name + ", namespace: " + namespace + "}\nspec:\n";
    }

    private static String clusterwide(String name) {
        return "apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: " + name + "}\nspec:\n";
    }
}

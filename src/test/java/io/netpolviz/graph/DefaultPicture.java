package io.netpolviz.graph;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload picture as the app composes it by default, for tests and benchmarks that read its
 * edges: every workload and external peer, their pairs' verdicts, and the edges of "What matters".
 */
record DefaultPicture(ReachabilityGraph graph, PairVerdicts pairs, Map<String, GraphNode> nodes) {

    /** The default picture of a folder of manifests, every policy switched on. */
    static DefaultPicture of(Path folder) {
        PolicyEngine engine = PolicyEngine.compile(new ManifestLoader().load(List.of(folder)));
        return of(engine.evaluate());
    }

    static DefaultPicture of(Evaluation evaluation) {
        PairVerdicts pairs = PairVerdicts.of(evaluation, endpoints(evaluation.engine()));
        Map<String, GraphNode> nodes = nodes(evaluation.engine());
        return new DefaultPicture(compose(pairs, nodes).graph(), pairs, nodes);
    }

    static PictureComposer.Composed compose(PairVerdicts pairs, Map<String, GraphNode> nodes) {
        return PictureComposer.compose(pairs, null, nodes, List.of(), ViewFilter.NONE, null);
    }

    /** Every workload, then every external peer. */
    static List<Endpoint> endpoints(PolicyEngine engine) {
        List<Endpoint> endpoints = new ArrayList<>(engine.workloadEndpoints());
        endpoints.addAll(engine.externalPeers());
        return endpoints;
    }

    /** The node of every endpoint, by id. */
    static Map<String, GraphNode> nodes(PolicyEngine engine) {
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        endpoints(engine).forEach(endpoint -> nodes.put(endpoint.id(), ReachabilityGraphBuilder.node(endpoint)));
        return nodes;
    }

    /** A one-container Deployment labelled {@code app: NAME} with one container port ({@code {containerPort: 80}}, say). */
    static String deployment(String namespace, String name, String containerPort) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: c, image: x, ports: [%s]}]}
                ---
                """.formatted(name, namespace, name, name, containerPort);
    }
}

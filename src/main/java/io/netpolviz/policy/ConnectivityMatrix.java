package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Every ordered pair of workloads (a workload with itself too: its replicas talk to each other),
 * and each external peer a rule names in both directions, with what is allowed between them.
 */
public final class ConnectivityMatrix {

    private ConnectivityMatrix() {
    }

    public static List<Connection> of(Evaluation evaluation) {
        PolicyEngine engine = evaluation.engine();
        List<Connection> connections = new ArrayList<>();
        List<Endpoint.Pods> workloads = List.copyOf(engine.workloadEndpoints());
        for (Endpoint.Pods source : workloads) {
            for (Endpoint.Pods destination : workloads) {
                connections.add(new Connection(source, destination, evaluation.allowedPorts(source, destination)));
            }
            for (Endpoint.External external : engine.externalPeers()) {
                connections.add(new Connection(source, external, evaluation.allowedPorts(source, external)));
            }
        }
        for (Endpoint.External external : engine.externalPeers()) {
            for (Endpoint.Pods destination : workloads) {
                connections.add(new Connection(external, destination, evaluation.allowedPorts(external, destination)));
            }
        }
        return List.copyOf(connections);
    }
}

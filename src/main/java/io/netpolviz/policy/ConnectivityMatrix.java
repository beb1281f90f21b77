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
        Connectivity connectivity = evaluation.connectivity();
        List<Connection> connections = new ArrayList<>();
        List<Endpoint.Pods> workloads = List.copyOf(engine.workloadEndpoints());
        for (Endpoint.Pods source : workloads) {
            for (Endpoint.Pods destination : workloads) {
                connections.add(new Connection(source, destination, connectivity.allowed(source.podClass().index(), destination.podClass().index())));
            }
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                connections.add(new Connection(source, engine.externalPeers().get(x), connectivity.allowedToExternal(source.podClass().index(), x)));
            }
        }
        for (int x = 0; x < engine.externalPeers().size(); x++) {
            for (Endpoint.Pods destination : workloads) {
                connections.add(new Connection(engine.externalPeers().get(x), destination, connectivity.allowedFromExternal(x, destination.podClass().index())));
            }
        }
        return List.copyOf(connections);
    }
}

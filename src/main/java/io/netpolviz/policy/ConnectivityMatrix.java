package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every ordered pair of workloads (a workload with itself too: its replicas talk to each other;
 * a one-pod workload with itself is a pod reaching itself, always allowed), and each external
 * peer a rule names in both directions, with what is allowed between them.
 */
public final class ConnectivityMatrix {

    private ConnectivityMatrix() {
    }

    /**
     * Hands every connection over one at a time, without keeping them: workload to workload and
     * workload to external peer for each workload in order, then each external peer to every
     * workload. A cluster of 3,700 workloads has 13.7 million.
     */
    public static void forEach(Evaluation evaluation, Consumer<Connection> each) {
        PolicyEngine engine = evaluation.engine();
        Connectivity connectivity = evaluation.connectivity();
        List<Endpoint.Pods> workloads = List.copyOf(engine.workloadEndpoints());
        for (Endpoint.Pods source : workloads) {
            for (Endpoint.Pods destination : workloads) {
                // A one-pod workload with itself is a pod reaching itself, which no policy governs.
                PortSet allowed = Evaluation.isSelf(source, destination) ? PortSet.ALL
                        : connectivity.allowed(source.podClass().index(), destination.podClass().index());
                each.accept(new Connection(source, destination, allowed));
            }
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                each.accept(new Connection(source, engine.externalPeers().get(x), connectivity.allowedToExternal(source.podClass().index(), x)));
            }
        }
        for (int x = 0; x < engine.externalPeers().size(); x++) {
            for (Endpoint.Pods destination : workloads) {
                each.accept(new Connection(engine.externalPeers().get(x), destination, connectivity.allowedFromExternal(x, destination.podClass().index())));
            }
        }
    }

    /**
     * The endpoints the connections name, in the order they first appear: the workloads, then the
     * external peers (none when there is no workload, for then there is no connection).
     */
    public static List<Endpoint> endpoints(Evaluation evaluation) {
        PolicyEngine engine = evaluation.engine();
        List<Endpoint> endpoints = new ArrayList<>(engine.workloadEndpoints());
        if (!endpoints.isEmpty()) {
            endpoints.addAll(engine.externalPeers());
        }
        return List.copyOf(endpoints);
    }
}

package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The changes between two connectivity matrices, which may come from two snapshots of a
 * changing cluster: a pair that appears or disappears counts as allowing nothing on the side
 * where it is missing. Sorted by source, then destination.
 *
 * <p>The matrices are never built: each pair's ports are asked of both evaluations as the pairs
 * are walked, so two snapshots of 3,700 workloads (13.7 million pairs each) cost a walk, not
 * gigabytes.
 */
public final class ConnectivityDiff {

    private ConnectivityDiff() {
    }

    public static List<ConnectivityChange> between(Evaluation before, Evaluation after) {
        TreeSet<String> union = new TreeSet<>();
        union.addAll(Side.ids(before));
        union.addAll(Side.ids(after));
        // Ids hold no tab or control character, so walking sources, then destinations, in id order
        // is the order of "source<TAB>destination": sorted by source, then destination.
        String[] ids = union.toArray(String[]::new);
        Side old = new Side(before, ids);
        Side now = new Side(after, ids);
        List<ConnectivityChange> changes = new ArrayList<>();
        for (int source = 0; source < ids.length; source++) {
            for (int destination = 0; destination < ids.length; destination++) {
                PortSet was = old.allowed(source, destination);
                PortSet is = now.allowed(source, destination);
                if (was == null && is == null) {
                    continue;
                }
                PortSet beforeSet = was == null ? PortSet.NONE : was;
                PortSet afterSet = is == null ? PortSet.NONE : is;
                if (!beforeSet.equals(afterSet)) {
                    changes.add(new ConnectivityChange(ids[source], ids[destination], beforeSet, afterSet));
                }
            }
        }
        return List.copyOf(changes);
    }

    /** One evaluation's answers by position in the shared id order: a workload's class, an external peer's index, or absent. */
    private static final class Side {

        /** The kind of an id the matrix does not name stays 0. */
        private static final int WORKLOAD = 1;
        private static final int EXTERNAL = 2;

        private final Connectivity connectivity;
        private final byte[] kind;
        private final int[] index;
        private final boolean[] onePod;

        Side(Evaluation evaluation, String[] ids) {
            this.connectivity = evaluation.connectivity();
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                position.put(ids[i], i);
            }
            kind = new byte[ids.length];
            index = new int[ids.length];
            onePod = new boolean[ids.length];
            PolicyEngine engine = evaluation.engine();
            for (Endpoint.Pods workload : engine.workloadEndpoints()) {
                int at = position.get(workload.id());
                kind[at] = WORKLOAD;
                index[at] = workload.podClass().index();
                onePod[at] = workload.workload().replicas() == 1;
            }
            if (!engine.workloadEndpoints().isEmpty()) {
                for (int x = 0; x < engine.externalPeers().size(); x++) {
                    int at = position.get(engine.externalPeers().get(x).id());
                    kind[at] = EXTERNAL;
                    index[at] = x;
                }
            }
        }

        /** The ids of the endpoints the evaluation's matrix names ({@link ConnectivityMatrix#endpoints}). */
        static List<String> ids(Evaluation evaluation) {
            return ConnectivityMatrix.endpoints(evaluation).stream().map(Endpoint::id).toList();
        }

        /** What the matrix says for the pair, or null when the matrix has no such pair. */
        PortSet allowed(int source, int destination) {
            if (kind[source] == WORKLOAD && kind[destination] == WORKLOAD) {
                // As in the matrix: a one-pod workload with itself is a pod reaching itself.
                return source == destination && onePod[source] ? PortSet.ALL : connectivity.allowed(index[source], index[destination]);
            }
            if (kind[source] == WORKLOAD && kind[destination] == EXTERNAL) {
                return connectivity.allowedToExternal(index[source], index[destination]);
            }
            if (kind[source] == EXTERNAL && kind[destination] == WORKLOAD) {
                return connectivity.allowedFromExternal(index[source], index[destination]);
            }
            return null;
        }
    }
}

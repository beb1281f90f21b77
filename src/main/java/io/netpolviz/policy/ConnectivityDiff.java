package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changes between two connectivity matrices, which may come from two snapshots of a
 * changing cluster: a pair that appears or disappears counts as allowing nothing on the side
 * where it is missing. Sorted by source, then destination.
 */
public final class ConnectivityDiff {

    private ConnectivityDiff() {
    }

    public static List<ConnectivityChange> between(List<Connection> before, List<Connection> after) {
        Map<String, PortSet[]> pairs = new TreeMap<>();
        Map<String, String[]> ids = new TreeMap<>();
        for (Connection connection : before) {
            String key = key(connection);
            pairs.computeIfAbsent(key, k -> new PortSet[] {PortSet.NONE, PortSet.NONE})[0] = connection.allowed();
            ids.putIfAbsent(key, new String[] {connection.source().id(), connection.destination().id()});
        }
        for (Connection connection : after) {
            String key = key(connection);
            pairs.computeIfAbsent(key, k -> new PortSet[] {PortSet.NONE, PortSet.NONE})[1] = connection.allowed();
            ids.putIfAbsent(key, new String[] {connection.source().id(), connection.destination().id()});
        }
        List<ConnectivityChange> changes = new ArrayList<>();
        for (Map.Entry<String, PortSet[]> pair : pairs.entrySet()) {
            PortSet[] sets = pair.getValue();
            if (!sets[0].equals(sets[1])) {
                String[] endpoints = ids.get(pair.getKey());
                changes.add(new ConnectivityChange(endpoints[0], endpoints[1], sets[0], sets[1]));
            }
        }
        return List.copyOf(changes);
    }

    private static String key(Connection connection) {
        // A tab cannot occur in an id, so the pair's key sorts by source, then destination.
        return connection.source().id() + "\t" + connection.destination().id();
    }
}

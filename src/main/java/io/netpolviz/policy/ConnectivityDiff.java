package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The changes between two connectivity matrices, which may come from two snapshots (a changing
 * cluster, a folder before and after a pull request): a workload that appears or disappears counts
 * as allowing nothing on the side where it is missing. An address block that only one side's
 * rules name is asked of the other side too, address by address as {@link Evaluation#allowedPorts}
 * answers it: addresses exist on both sides, so a rule that starts naming {@code 0.0.0.0/1} does
 * not make those addresses new. Sorted by source, then destination.
 *
 * <p>The matrices are never built: each pair's ports are asked of both evaluations as the pairs
 * are walked, and each change is handed over as it is found, so two snapshots of 3,700 workloads
 * (13.7 million pairs each) cost a walk, not gigabytes.
 */
public final class ConnectivityDiff {

    /** The most pairs one bitset of changed pairs holds (a bit each: 256 MB at most). */
    private static final long MAX_PAIR_BITS = Integer.MAX_VALUE;

    private ConnectivityDiff() {
    }

    public static List<ConnectivityChange> between(Evaluation before, Evaluation after) {
        List<ConnectivityChange> changes = new ArrayList<>();
        forEach(before, after, changes::add);
        return List.copyOf(changes);
    }

    /** Hands every change of the two matrices over as it is found, in source then destination order, without keeping them. */
    public static void forEach(Evaluation before, Evaluation after, Consumer<ConnectivityChange> each) {
        forEach(before, after, false, MAX_PAIR_BITS, each);
    }

    /**
     * The changes between two snapshots as a reader of a pull request wants them: the address
     * blocks either side's rules name and every address ({@code ext:0.0.0.0/0}, asked of both sides even
     * where no rule admits all peers), and a named block's change left out where it is the same
     * as every address's, which already says it (netpol-analyzer merges such ranges into one line).
     * Pairs join two different endpoints: a workload with itself is left out, as netpol-analyzer does.
     */
    public static void forEachBetweenSnapshots(Evaluation before, Evaluation after, Consumer<ConnectivityChange> each) {
        forEach(before, after, true, MAX_PAIR_BITS, each);
    }

    /**
     * The changes as {@code diff} writes them, in source then destination order: between
     * workloads as {@link #forEachBetweenSnapshots} finds them, and between workloads and the
     * addresses outside the cluster range by range, as netpol-analyzer names them
     * ({@link AddressRangeChanges}), not by the blocks the rules happen to name.
     */
    public static void forEachByAddressRange(Evaluation before, Evaluation after, Consumer<ConnectivityChange> each) {
        List<ConnectivityChange> ranged = AddressRangeChanges.between(before, after);
        int[] next = {0};
        forEach(before, after, false, false, MAX_PAIR_BITS, change -> {
            while (next[0] < ranged.size() && AddressRangeChanges.ORDER.compare(ranged.get(next[0]), change) < 0) {
                each.accept(ranged.get(next[0]++));
            }
            each.accept(change);
        });
        while (next[0] < ranged.size()) {
            each.accept(ranged.get(next[0]++));
        }
    }

    /** @param maxPairBits above this many pairs, every pair is asked in order instead of marking the changed ones first */
    static void forEach(Evaluation before, Evaluation after, boolean everyAddress, long maxPairBits, Consumer<ConnectivityChange> each) {
        forEach(before, after, true, everyAddress, maxPairBits, each);
    }

    /**
     * @param externals whether address blocks take part (else only pairs of workloads, without a workload with itself)
     * @param maxPairBits above this many pairs, every pair is asked in order instead of marking the changed ones first
     */
    private static void forEach(Evaluation before, Evaluation after, boolean externals, boolean everyAddress, long maxPairBits,
            Consumer<ConnectivityChange> each) {
        boolean withoutSelf = everyAddress || !externals;
        TreeSet<String> union = new TreeSet<>();
        Map<String, Endpoint.External> externalsById = new HashMap<>();
        boolean anyWorkload = false;
        for (Evaluation evaluation : List.of(before, after)) {
            anyWorkload |= !evaluation.engine().workloadEndpoints().isEmpty();
            for (Endpoint endpoint : ConnectivityMatrix.endpoints(evaluation)) {
                if (!externals && endpoint instanceof Endpoint.External) {
                    continue;
                }
                union.add(endpoint.id());
                if (endpoint instanceof Endpoint.External external) {
                    externalsById.putIfAbsent(external.id(), external);
                }
            }
        }
        Endpoint.External anyAddress = Endpoint.External.anyIpv4();
        if (everyAddress && anyWorkload) {
            union.add(anyAddress.id());
            externalsById.putIfAbsent(anyAddress.id(), anyAddress);
        }
        // Ids hold no tab or control character, so walking sources, then destinations, in id order
        // is the order of "source<TAB>destination": sorted by source, then destination.
        String[] ids = union.toArray(String[]::new);
        Side old = new Side(before, ids, externalsById, externals);
        Side now = new Side(after, ids, externalsById, externals);
        int any = everyAddress ? java.util.Arrays.binarySearch(ids, anyAddress.id()) : -1;
        int n = ids.length;
        if ((long) n * n <= maxPairBits) {
            BitSet changed = changedPairs(old, now, n, withoutSelf);
            for (int bit = changed.nextSetBit(0); bit >= 0; bit = changed.nextSetBit(bit + 1)) {
                emit(old, now, ids, bit / n, bit % n, any, each);
            }
            return;
        }
        // Too many pairs for one bitset (over 46,000 endpoints): ask every pair in order instead.
        for (int source = 0; source < n; source++) {
            for (int destination = 0; destination < n; destination++) {
                if (!(withoutSelf && source == destination)) {
                    emit(old, now, ids, source, destination, any, each);
                }
            }
        }
    }

    /** Hands over the pair's change, if it changed and says something the line of every address does not. */
    private static void emit(Side old, Side now, String[] ids, int source, int destination, int any, Consumer<ConnectivityChange> each) {
        PortSet beforeSet = orNone(old.allowed(source, destination));
        PortSet afterSet = orNone(now.allowed(source, destination));
        if (beforeSet.equals(afterSet)) {
            return;
        }
        if (any >= 0 && source != any && destination != any && (old.isExternal(source) || old.isExternal(destination))) {
            // A named block whose change is every address's change adds nothing to that line.
            int anySource = old.isExternal(source) ? any : source;
            int anyDestination = old.isExternal(destination) ? any : destination;
            if (beforeSet.equals(orNone(old.allowed(anySource, anyDestination))) && afterSet.equals(orNone(now.allowed(anySource, anyDestination)))) {
                return;
            }
        }
        each.accept(new ConnectivityChange(ids[source], ids[destination], beforeSet, afterSet));
    }

    /**
     * The pairs whose answers differ, as bits {@code source * n + destination} (so walking the set
     * bits is walking sources, then destinations). Found column by column: each side's column is
     * spread once into an array by source class, so a pair costs two array reads, not a search of
     * its column's groups; only the pairs found here are asked again, in order, for the changes.
     */
    private static BitSet changedPairs(Side old, Side now, int n, boolean withoutSelf) {
        BitSet changed = new BitSet(n * n);
        for (int destination = 0; destination < n; destination++) {
            if (!old.present(destination) && !now.present(destination)) {
                continue;
            }
            PortSet[] oldColumn = old.column(destination);
            PortSet[] newColumn = now.column(destination);
            for (int source = 0; source < n; source++) {
                if (withoutSelf && source == destination) {
                    continue;
                }
                PortSet was = old.fromColumn(oldColumn, source, destination);
                PortSet is = now.fromColumn(newColumn, source, destination);
                if (was != is && !orNone(was).equals(orNone(is))) {
                    changed.set(source * n + destination);
                }
            }
        }
        return changed;
    }

    private static PortSet orNone(PortSet ports) {
        return ports == null ? PortSet.NONE : ports;
    }

    /**
     * One evaluation's answers by position in the shared id order: a workload's class, an external
     * peer's index in the matrix, an address block only the other side names (asked), or absent.
     */
    private static final class Side {

        /** The kind of an id this side has no workload for stays 0. */
        private static final byte WORKLOAD = 1;
        private static final byte EXTERNAL = 2;
        private static final byte ASKED_EXTERNAL = 3;

        private final Evaluation evaluation;
        private final Connectivity connectivity;
        private final byte[] kind;
        private final int[] index;
        private final boolean[] onePod;
        private final Endpoint[] endpoint;
        /** One column spread by source class, reused from destination to destination. */
        private final PortSet[] spread;
        private int spreadColumn = -1;

        Side(Evaluation evaluation, String[] ids, Map<String, Endpoint.External> externals, boolean withExternals) {
            this.evaluation = evaluation;
            this.connectivity = evaluation.connectivity();
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                position.put(ids[i], i);
            }
            kind = new byte[ids.length];
            index = new int[ids.length];
            onePod = new boolean[ids.length];
            endpoint = new Endpoint[ids.length];
            spread = new PortSet[connectivity.classCount()];
            PolicyEngine engine = evaluation.engine();
            for (Endpoint.Pods workload : engine.workloadEndpoints()) {
                int at = position.get(workload.id());
                kind[at] = WORKLOAD;
                index[at] = workload.podClass().index();
                onePod[at] = workload.workload().replicas() == 1;
                endpoint[at] = workload;
            }
            if (engine.workloadEndpoints().isEmpty() || !withExternals) {
                return;
            }
            for (Map.Entry<String, Endpoint.External> external : externals.entrySet()) {
                int at = position.get(external.getKey());
                kind[at] = ASKED_EXTERNAL;
                endpoint[at] = external.getValue();
            }
            for (int x = 0; x < engine.externalPeers().size(); x++) {
                int at = position.get(engine.externalPeers().get(x).id());
                kind[at] = EXTERNAL;
                index[at] = x;
            }
        }

        /** The column of a destination spread by source class (null: allowed nothing), or null when the matrix has no column for it. */
        PortSet[] column(int destination) {
            int column = kind[destination] == WORKLOAD ? index[destination]
                    : kind[destination] == EXTERNAL ? connectivity.classCount() + index[destination] : -1;
            if (column < 0) {
                return null;
            }
            if (column != spreadColumn) {
                java.util.Arrays.fill(spread, null);
                for (PortGroup group : connectivity.columns[column]) {
                    PortSet ports = group.ports();
                    group.classes().forEach(member -> spread[member] = ports);
                }
                spreadColumn = column;
            }
            return spread;
        }

        /** {@link #allowed}, read from the destination's spread column where the source is a workload. */
        PortSet fromColumn(PortSet[] column, int source, int destination) {
            if (column != null && kind[source] == WORKLOAD && !(source == destination && onePod[source])) {
                PortSet ports = column[index[source]];
                return ports == null ? PortSet.NONE : ports;
            }
            return allowed(source, destination);
        }

        /** Whether the id is an address block (named by this side's rules or asked). */
        boolean isExternal(int at) {
            return kind[at] == EXTERNAL || kind[at] == ASKED_EXTERNAL;
        }

        boolean present(int at) {
            return kind[at] != 0;
        }

        /** What the matrix says for the pair, or null when this side has no such pair. */
        PortSet allowed(int source, int destination) {
            byte from = kind[source];
            byte to = kind[destination];
            if (from == WORKLOAD) {
                if (to == WORKLOAD) {
                    // As in the matrix: a one-pod workload with itself is a pod reaching itself.
                    return source == destination && onePod[source] ? PortSet.ALL : connectivity.allowed(index[source], index[destination]);
                }
                if (to == EXTERNAL) {
                    return connectivity.allowedToExternal(index[source], index[destination]);
                }
                return to == ASKED_EXTERNAL ? evaluation.allowedPorts(endpoint[source], endpoint[destination]) : null;
            }
            if (to == WORKLOAD) {
                if (from == EXTERNAL) {
                    return connectivity.allowedFromExternal(index[source], index[destination]);
                }
                return from == ASKED_EXTERNAL ? evaluation.allowedPorts(endpoint[source], endpoint[destination]) : null;
            }
            return null;
        }
    }
}

package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The walks through the ordered tiers that evaluations share (see {@link ChainKeys}): one side
 * per distinct key, one column per distinct pair of sides, one external peer's ingress per
 * distinct ingress side. An ingress side depends on its key alone, so those live as long as the
 * engine's evaluations hand the memo on; an egress side also depends on which sources each
 * tier's default action reaches, so a toggle that changes that starts a new generation of egress
 * sides and columns ({@link #following}). Synchronized: evaluations of one engine may be computed
 * from several threads.
 */
final class ChainMemo {

    /** Past this many entries a map is dropped rather than grown: memory stays bounded over long toggle sessions. */
    private static final int LIMIT = 200_000;

    private final Sides ingress;
    private final Sides egress;
    private final Map<Long, PortGroup[]> columns;
    /** Columns on a window of source blocks, as toggles with windows ({@link ChainToggleWindows}) recompute them. */
    private final Map<Window, PortGroup[]> windows;
    private final Map<Long, PortSet> fromExternal;
    private final Map<Window, WindowPartition> ingressWindows;
    /** Per tier: the sources its default action reaches, which every egress side of this generation assumed. */
    private final ClassSet[] egressSelected;
    /** Ingress walks' states at tier crossings, for classes and for external peers: like ingress sides, they depend on keys alone. */
    final WalkPrefixes<TierPartition> ingressPrefixes;
    final WalkPrefixes<ChainExternalIngress.State> externalPrefixes;

    ChainMemo(ClassSet[] egressSelected) {
        this(new Sides(), new Sides(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), egressSelected,
                new WalkPrefixes<>(), new WalkPrefixes<>());
    }

    private ChainMemo(Sides ingress, Sides egress, Map<Long, PortGroup[]> columns, Map<Window, PortGroup[]> windows,
            Map<Long, PortSet> fromExternal, Map<Window, WindowPartition> ingressWindows, ClassSet[] egressSelected,
            WalkPrefixes<TierPartition> ingressPrefixes,
            WalkPrefixes<ChainExternalIngress.State> externalPrefixes) {
        this.ingress = ingress;
        this.egress = egress;
        this.columns = columns;
        this.windows = windows;
        this.fromExternal = fromExternal;
        this.ingressWindows = ingressWindows;
        this.egressSelected = egressSelected;
        this.ingressPrefixes = ingressPrefixes;
        this.externalPrefixes = externalPrefixes;
    }

    /** This memo for an evaluation whose tiers' default actions reach {@code selected}: itself when they reach the same sources. */
    ChainMemo following(ClassSet[] selected) {
        if (Arrays.equals(selected, egressSelected)) {
            return this;
        }
        return new ChainMemo(ingress, egress.forgotten(), new HashMap<>(), new HashMap<>(), fromExternal, ingressWindows, selected,
                ingressPrefixes, externalPrefixes);
    }

    synchronized int egressId(ChainKeys.Key key) {
        return egress.id(key);
    }

    synchronized int ingressId(ChainKeys.Key key) {
        return key == null ? -1 : ingress.id(key);
    }

    WindowPartition egressSide(int id, Supplier<WindowPartition> compute) {
        return side(egress, id, compute);
    }

    WindowPartition ingressSide(int id, Supplier<WindowPartition> compute) {
        return side(ingress, id, compute);
    }

    /** The ingress side with id {@code id} on every block, if some column has walked it yet. */
    synchronized WindowPartition knownIngressSide(int id) {
        return id < ingress.values.size() ? ingress.values.get(id) : null;
    }

    /** The ingress side with id {@code id} on source blocks {@code [from, to)}: like ingress sides, it depends on the id alone. */
    WindowPartition ingressWindow(int id, int from, int to, Supplier<WindowPartition> compute) {
        return remembered(ingressWindows, new Window(-1, id, from, to), compute);
    }

    private WindowPartition side(Sides sides, int id, Supplier<WindowPartition> compute) {
        synchronized (this) {
            WindowPartition known = id < sides.values.size() ? sides.values.get(id) : null;
            if (known != null) {
                return known;
            }
        }
        WindowPartition computed = compute.get();
        synchronized (this) {
            while (sides.values.size() <= id) {
                sides.values.add(null); // an id numbered by a later generation, asked for by an earlier evaluation
            }
            sides.values.set(id, computed);
        }
        return computed;
    }

    PortGroup[] column(int egressId, int ingressId, Supplier<PortGroup[]> compute) {
        return remembered(columns, ((long) egressId << 32) | (ingressId + 1L), compute);
    }

    /** The column of these sides on source blocks {@code [from, to)}. */
    PortGroup[] window(int egressId, int ingressId, int from, int to, Supplier<PortGroup[]> compute) {
        return remembered(windows, new Window(egressId, ingressId, from, to), compute);
    }

    private record Window(int egressId, int ingressId, int from, int to) {
    }

    PortSet fromExternal(int external, int ingressId, Supplier<PortSet> compute) {
        return remembered(fromExternal, ((long) external << 32) | (ingressId + 1L), compute);
    }

    private <K, T> T remembered(Map<K, T> map, K key, Supplier<T> compute) {
        synchronized (this) {
            T known = map.get(key);
            if (known != null) {
                return known;
            }
        }
        T computed = compute.get();
        synchronized (this) {
            if (map.size() >= LIMIT) {
                map.clear();
            }
            map.put(key, computed);
        }
        return computed;
    }

    /** Distinct keys numbered in order of first use, with the side computed for each. */
    private static final class Sides {
        final Map<ChainKeys.Key, Integer> ids;
        final List<WindowPartition> values;

        Sides() {
            this(new HashMap<>(), new ArrayList<>());
        }

        private Sides(Map<ChainKeys.Key, Integer> ids, List<WindowPartition> values) {
            this.ids = ids;
            this.values = values;
        }

        /** The same numbering with no side computed: a key keeps its id, so unchanged columns keep theirs. */
        Sides forgotten() {
            List<WindowPartition> none = new ArrayList<>(java.util.Collections.nCopies(values.size(), (WindowPartition) null));
            return new Sides(ids, none);
        }

        int id(ChainKeys.Key key) {
            Integer known = ids.get(key);
            if (known != null) {
                return known;
            }
            // The numbering is shared by every generation: count it, not this generation's list.
            int id = ids.size();
            ids.put(key, id);
            return id;
        }
    }
}

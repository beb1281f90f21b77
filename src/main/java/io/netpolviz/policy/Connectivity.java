package io.netpolviz.policy;

import io.netpolviz.model.IpBlock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The complete class-level connectivity of one evaluation: for every ordered pair of pod
 * classes, and between every pod class and every external peer the rules name, the ports on
 * which a new connection is allowed (both the source's egress and the destination's ingress
 * agree). It is kept per destination as a short list of {@link PortGroup}s — the source classes
 * that share one allowed port set; a source in no group is allowed nothing — and per external
 * peer as groups of the destination classes it may reach. Any pair's answer is a lookup, and a
 * toggle's changed pairs come from comparing two of these, never from evaluating again.
 * Immutable; an evaluation made by a toggle shares every column and block the toggle did not touch.
 */
public final class Connectivity {

    private final PolicyEngine engine;
    private final int classCount;
    /** Per destination column (pod classes, then external peers): allowed source classes per port set. */
    final PortGroup[][] columns;
    /** Per external peer: the destination classes it may reach, per port set. */
    final PortGroup[][] externalRows;
    private final Map<IpBlock, Integer> externalIndex = new HashMap<>();

    Connectivity(PolicyEngine engine, PortGroup[][] columns, PortGroup[][] externalRows) {
        this.engine = engine;
        this.classCount = engine.classes().size();
        this.columns = columns;
        this.externalRows = externalRows;
        List<Endpoint.External> externals = engine.externalPeers();
        for (int x = 0; x < externals.size(); x++) {
            externalIndex.put(externals.get(x).block(), x);
        }
    }

    public int classCount() {
        return classCount;
    }

    /** The external peers with a column and a row, in the engine's order ({@link PolicyEngine#externalPeers()}). */
    public List<Endpoint.External> externals() {
        return engine.externalPeers();
    }

    /** The ports on which pods of {@code sourceClass} may open connections to pods of {@code destinationClass}. */
    public PortSet allowed(int sourceClass, int destinationClass) {
        return lookup(columns[destinationClass], sourceClass);
    }

    /** The ports on which pods of {@code sourceClass} may open connections to external peer {@code external}. */
    public PortSet allowedToExternal(int sourceClass, int external) {
        return lookup(columns[classCount + external], sourceClass);
    }

    /** The ports on which external peer {@code external} may open connections to pods of {@code destinationClass}. */
    public PortSet allowedFromExternal(int external, int destinationClass) {
        return lookup(externalRows[external], destinationClass);
    }

    private static PortSet lookup(PortGroup[] groups, int member) {
        for (PortGroup group : groups) {
            if (group.classes().contains(member)) {
                return group.ports();
            }
        }
        return PortSet.NONE;
    }

    /** The source classes allowed to reach {@code destinationClass}, grouped by their allowed ports. */
    public List<PortGroup> sourcesOf(int destinationClass) {
        return List.of(columns[destinationClass]);
    }

    /**
     * The allowed ports between two endpoints when this connectivity covers the pair: pods to
     * pods, and pods to or from an external peer of {@link #externals()}. Other external
     * addresses (a single IP, say) are not precomputed; ask {@link Evaluation#allowedPorts}. A pod
     * reaching itself (a one-pod workload with itself) is always allowed: loopback follows no policy.
     */
    public Optional<PortSet> allowed(Endpoint source, Endpoint destination) {
        if (source instanceof Endpoint.Pods from) {
            if (destination instanceof Endpoint.Pods to) {
                // Class pairs stand for distinct pods; a one-pod workload with itself is a pod reaching itself.
                return Optional.of(Evaluation.isSelf(from, to) ? PortSet.ALL : allowed(from.podClass().index(), to.podClass().index()));
            }
            Integer external = externalIndex.get(((Endpoint.External) destination).block());
            return external == null ? Optional.empty() : Optional.of(allowedToExternal(from.podClass().index(), external));
        }
        if (destination instanceof Endpoint.Pods to) {
            Integer external = externalIndex.get(((Endpoint.External) source).block());
            return external == null ? Optional.empty() : Optional.of(allowedFromExternal(external, to.podClass().index()));
        }
        return Optional.empty();
    }

    /** How many groups the compact form holds: a measure of its size. */
    public long groupCount() {
        long count = 0;
        for (PortGroup[] column : columns) {
            count += column.length;
        }
        for (PortGroup[] row : externalRows) {
            count += row.length;
        }
        return count;
    }
}

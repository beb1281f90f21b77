package io.netpolviz.policy;

import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a toggle (or any switch from one evaluation to another) changed: every ordered pair
 * whose allowed ports differ, with the ports before and after. Kept grouped the way
 * {@link Connectivity} is — per destination, the source classes that went from one port set
 * to the same other — so that a toggle that touches a whole namespace stays small;
 * {@link #edges()} expands it to workload pairs for a view.
 */
public final class Changes {

    /**
     * Source classes whose allowed ports toward one destination went from {@code before} to
     * {@code after}. The destination is a pod class ({@code destinationExternal} is -1) or an
     * external peer ({@code destinationClass} is -1).
     */
    public record TowardDestination(int destinationClass, int destinationExternal, PortSet before, PortSet after, ClassSet sourceClasses) {
    }

    /** Destination classes whose allowed ports from external peer {@code external} went from {@code before} to {@code after}. */
    public record FromExternal(int external, PortSet before, PortSet after, ClassSet destinationClasses) {
    }

    /**
     * Receives changed pairs one at a time. An end below {@link PolicyEngine#classes()}'s size
     * is a pod class index; any other is an external peer, at {@code end - classCount} in
     * {@link PolicyEngine#externalPeers()}.
     */
    @FunctionalInterface
    public interface PairVisitor {
        void visit(int source, int destination, PortSet before, PortSet after);
    }

    /** One changed pair of endpoints, as a view shows it. */
    public record ChangedEdge(Endpoint source, Endpoint destination, PortSet before, PortSet after) {
    }

    private final PolicyEngine engine;
    private final List<TowardDestination> towardDestinations;
    private final List<FromExternal> fromExternals;

    Changes(PolicyEngine engine, List<TowardDestination> towardDestinations, List<FromExternal> fromExternals) {
        this.engine = engine;
        this.towardDestinations = List.copyOf(towardDestinations);
        this.fromExternals = List.copyOf(fromExternals);
    }

    static Changes none(PolicyEngine engine) {
        return new Changes(engine, List.of(), List.of());
    }

    public List<TowardDestination> towardDestinations() {
        return towardDestinations;
    }

    public List<FromExternal> fromExternals() {
        return fromExternals;
    }

    public boolean isEmpty() {
        return towardDestinations.isEmpty() && fromExternals.isEmpty();
    }

    /** How many ordered class pairs (class/external pairs included) changed. */
    public long pairCount() {
        long count = 0;
        for (TowardDestination change : towardDestinations) {
            count += change.sourceClasses().cardinality();
        }
        for (FromExternal change : fromExternals) {
            count += change.destinationClasses().cardinality();
        }
        return count;
    }

    /** Calls {@code visitor} with every changed class pair (class/external pairs included), without building a list. */
    public void forEachPair(PairVisitor visitor) {
        int classCount = engine.classes().size();
        for (TowardDestination change : towardDestinations) {
            int destination = change.destinationClass() >= 0 ? change.destinationClass() : classCount + change.destinationExternal();
            visit(change.sourceClasses(), destination, true, change.before(), change.after(), visitor);
        }
        for (FromExternal change : fromExternals) {
            int source = classCount + change.external();
            visit(change.destinationClasses(), source, false, change.before(), change.after(), visitor);
        }
    }

    /*
     * The bits are walked here rather than through ClassSet.forEach: a toggle can change a million
     * pairs, and one visitor call per pair (instead of a lambda calling a lambda) is what keeps
     * reading them cheap.
     */
    private static void visit(ClassSet members, int other, boolean membersAreSources, PortSet before, PortSet after, PairVisitor visitor) {
        for (int b = members.firstBlock(); b < members.endBlock(); b++) {
            long[] block = members.block(b);
            if (block == null) {
                continue;
            }
            int base = b << ClassSet.BLOCK_SHIFT;
            for (int w = 0; w < block.length; w++) {
                for (long word = block[w]; word != 0; word &= word - 1) {
                    int member = base + (w << 6) + Long.numberOfTrailingZeros(word);
                    if (membersAreSources) {
                        visitor.visit(member, other, before, after);
                    } else {
                        visitor.visit(other, member, before, after);
                    }
                }
            }
        }
    }

    /**
     * Every changed pair of workloads (and workload/external peer), sorted by source then
     * destination id. A class pair stands for every pair of their workloads, so this can be
     * large on a big cluster; the grouped form above is what scales.
     */
    public List<ChangedEdge> edges() {
        List<PodClass> classes = engine.classes();
        List<Endpoint.External> externals = engine.externalPeers();
        List<ChangedEdge> edges = new ArrayList<>();
        for (TowardDestination change : towardDestinations) {
            List<Endpoint> destinations = change.destinationClass() >= 0
                    ? endpointsOf(classes.get(change.destinationClass()))
                    : List.of(externals.get(change.destinationExternal()));
            change.sourceClasses().forEach(source -> {
                for (Endpoint from : endpointsOf(classes.get(source))) {
                    for (Endpoint to : destinations) {
                        edges.add(new ChangedEdge(from, to, change.before(), change.after()));
                    }
                }
            });
        }
        for (FromExternal change : fromExternals) {
            Endpoint from = externals.get(change.external());
            change.destinationClasses().forEach(destination -> {
                for (Endpoint to : endpointsOf(classes.get(destination))) {
                    edges.add(new ChangedEdge(from, to, change.before(), change.after()));
                }
            });
        }
        edges.sort(Comparator.comparing((ChangedEdge edge) -> edge.source().id()).thenComparing(edge -> edge.destination().id()));
        return edges;
    }

    private static List<Endpoint> endpointsOf(PodClass podClass) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Workload workload : podClass.workloads()) {
            endpoints.add(new Endpoint.Pods(workload, podClass));
        }
        return endpoints;
    }
}

package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The edges of pairs, with their label ports: one pair's own edge, or the edge of a group of pairs
 * with one verdict; each port marked changed where the verdicts shown before differ.
 */
public final class PairEdges {

    private final PairVerdicts before;
    private final boolean everyPort;

    /**
     * @param before the verdicts shown before, for the change marks; null for none
     * @param everyPort whether labels name every declared port that is blocked ("all edges"), not only those rules name
     */
    public PairEdges(PairVerdicts before, boolean everyPort) {
        this.before = before;
        this.everyPort = everyPort;
    }

    /**
     * The edge from {@code source} to {@code target} that stands for {@code covered}, all with
     * {@code verdict}: its allowed ports, and the ports worth naming every one of them has blocked.
     */
    public GraphEdge group(String source, String target, PortSet verdict, List<PairVerdicts.Pair> covered) {
        List<PortVerdict> ports = new ArrayList<>();
        boolean allowed = !verdict.isEmpty();
        if (allowed) {
            // A group edge marks a run-time filter only where it holds for every pair it stands for.
            PortSet filtered = verdict;
            for (PairVerdicts.Pair pair : covered) {
                filtered = filtered.intersect(pair.filtered());
            }
            addAllowed(ports, verdict, covered.isEmpty() ? PortSet.NONE : filtered, covered);
        } else {
            for (PortRange range : PortSet.ALL.ranges()) {
                ports.add(new PortVerdict(range, false, false, covered.stream().anyMatch(pair -> changedOn(pair, range, false))));
            }
        }
        if (allowed) {
            // Ports worth naming that every pair of the group has blocked: the lesson's mistakes show on the group edge too.
            for (PortRange candidate : commonBlockedCandidates(covered)) {
                ports.add(new PortVerdict(candidate, false, verdict.overlaps(candidate),
                        covered.stream().anyMatch(pair -> changedOn(pair, candidate, false))));
            }
        }
        return new GraphEdge(source, target, ports, Math.max(1, covered.size()));
    }

    private List<PortRange> commonBlockedCandidates(List<PairVerdicts.Pair> covered) {
        if (covered.isEmpty()) {
            return List.of();
        }
        List<PortRange> common = new ArrayList<>(covered.get(0).blockedToShow(everyPort));
        for (PairVerdicts.Pair pair : covered) {
            common.retainAll(pair.blockedToShow(everyPort));
        }
        PortSet allowed = covered.get(0).allowed();
        return common.stream().filter(range -> !allowed.containsAll(range)).toList();
    }

    /** One pair's edge: the allowed ports, then the ports worth naming that are not (all) allowed. */
    public GraphEdge single(PairVerdicts.Pair pair) {
        List<PortVerdict> ports = new ArrayList<>();
        addAllowed(ports, pair.allowed(), pair.filtered(), List.of(pair));
        for (PortRange candidate : pair.blockedToShow(everyPort)) {
            ports.add(new PortVerdict(candidate, false, pair.allowed().overlaps(candidate), changedOn(pair, candidate, false)));
        }
        if (ports.isEmpty()) {
            for (PortRange range : PortSet.ALL.ranges()) {
                ports.add(new PortVerdict(range, false, false, changedOn(pair, range, false)));
            }
        }
        return new GraphEdge(pair.source().id(), pair.destination().id(), ports);
    }

    /** The allowed ports, those a run-time filter narrows ({@code filtered}) apart from the rest. */
    private void addAllowed(List<PortVerdict> ports, PortSet allowed, PortSet filtered, List<PairVerdicts.Pair> covered) {
        for (PortRange range : allowed.minus(filtered).ranges()) {
            ports.add(new PortVerdict(range, true, false, covered.stream().anyMatch(pair -> changedOn(pair, range, true))));
        }
        for (PortRange range : allowed.intersect(filtered).ranges()) {
            ports.add(new PortVerdict(range, true, false, covered.stream().anyMatch(pair -> changedOn(pair, range, true)), true));
        }
    }

    /** Whether a port's verdict for the pair differs from the verdict shown before. */
    private boolean changedOn(PairVerdicts.Pair pair, PortRange range, boolean allowedNow) {
        if (before == null) {
            return false;
        }
        PairVerdicts.Pair earlier = before.pair(pair.key());
        if (earlier == null) {
            return false;
        }
        boolean allowedBefore = earlier.allowed().containsAll(range);
        return allowedBefore != allowedNow || !allowedNow && earlier.allowed().overlaps(range) != pair.allowed().overlaps(range);
    }
}

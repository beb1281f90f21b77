package io.netpolviz.graph;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compared picture says of an edge: how the pair's allowed ports differ from the side it is
 * compared with. Its label replaces the port verdicts: {@code + 9090} (added), {@code − 5432}
 * (removed, the edge kept and drawn blocked), {@code 6379 → 6379–6380} (changed). On a summed-up
 * picture one edge stands for several changed pairs: their ports together, and how many they are
 * ({@code 3 pairs: − 8080}); the kind is added or removed when every pair's is, else changed.
 *
 * @param pairs how many changed pairs the edge stands for: 1 on a picture of workloads
 */
public record DiffMark(ConnectivityChange.Kind kind, PortSet before, PortSet after, int pairs) {

    public static DiffMark of(ConnectivityChange change) {
        return new DiffMark(change.kind(), change.before(), change.after(), 1);
    }

    /** The mark of an edge that stands for all of {@code changes}. */
    static DiffMark together(List<ConnectivityChange> changes) {
        PortSet before = PortSet.NONE;
        PortSet after = PortSet.NONE;
        ConnectivityChange.Kind kind = changes.get(0).kind();
        for (ConnectivityChange change : changes) {
            before = before.union(change.before());
            after = after.union(change.after());
            if (change.kind() != kind) {
                kind = ConnectivityChange.Kind.CHANGED;
            }
        }
        return new DiffMark(kind, before, after, changes.size());
    }

    /** The label's one entry, ringed as changed; its verdict is the after side's. */
    LabelPort label() {
        String text = switch (kind) {
            case ADDED -> "+ " + ports(after);
            case REMOVED -> "\u2212 " + ports(before);
            case CHANGED -> ports(before) + " \u2192 " + ports(after);
        };
        List<io.netpolviz.policy.PortRange> ranges = new ArrayList<>(before.union(after).ranges());
        String counted = pairs > 1 ? String.format(java.util.Locale.ROOT, "%,d pairs: %s", pairs, text) : text;
        return new LabelPort(counted, !after.isEmpty(), false, true, ranges);
    }

    /** The ports as a label writes them ({@code 8080, UDP 53}, {@code all ports}). */
    static String ports(PortSet set) {
        if (set.isEmpty()) {
            return "none";
        }
        List<PortVerdict> verdicts = set.ranges().stream().map(range -> new PortVerdict(range, true, false, false)).toList();
        return String.join(", ", LabelPort.of(verdicts).stream().map(LabelPort::text).toList());
    }
}

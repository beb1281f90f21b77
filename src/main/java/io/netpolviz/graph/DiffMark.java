package io.netpolviz.graph;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compared picture says of an edge: how the pair's allowed ports differ from the side it is
 * compared with. Its label replaces the port verdicts: {@code + 9090} (added), {@code − 5432}
 * (removed, the edge kept and drawn blocked), {@code 6379 → 6379–6380} (changed).
 */
public record DiffMark(ConnectivityChange.Kind kind, PortSet before, PortSet after) {

    public static DiffMark of(ConnectivityChange change) {
        return new DiffMark(change.kind(), change.before(), change.after());
    }

    /** The label's one entry, ringed as changed; its verdict is the after side's. */
    LabelPort label() {
        String text = switch (kind) {
            case ADDED -> "+ " + ports(after);
            case REMOVED -> "\u2212 " + ports(before);
            case CHANGED -> ports(before) + " \u2192 " + ports(after);
        };
        List<io.netpolviz.policy.PortRange> ranges = new ArrayList<>(before.union(after).ranges());
        return new LabelPort(text, !after.isEmpty(), false, true, ranges);
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

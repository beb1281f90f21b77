package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.AddressRanges;
import io.netpolviz.policy.ChangeCauses;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.ConnectivityDiff;
import io.netpolviz.policy.IngressControllerChanges;
import io.netpolviz.policy.IngressControllerReach;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What {@code diff} reports: the two sides' evaluations, the endpoints only one side has, and
 * every pair whose allowed connections differ, handed over change by change as the walk finds
 * them (never held: two large clusters may differ in millions of pairs). It counts what it hands
 * over, so the summary and the exit code come after the last change.
 */
final class DiffReport {

    /** A workload that only one side has. */
    record OneSided(String id, boolean inAfter) {

        /** {@code workload default/unicorn added}. */
        String sentence() {
            return "workload " + id + (inAfter ? " added" : " removed");
        }
    }

    private final String beforeName;
    private final String afterName;
    private final Evaluation before;
    private final Evaluation after;
    private final ChangeCauses causes;
    private final Map<ConnectivityChange.Kind, Long> counts = new EnumMap<>(ConnectivityChange.Kind.class);
    private boolean opened;
    private boolean closed;

    DiffReport(String beforeName, String afterName, Evaluation before, Evaluation after, boolean explain) {
        this.beforeName = beforeName;
        this.afterName = afterName;
        this.before = before;
        this.after = after;
        this.causes = explain ? new ChangeCauses(before, after) : null;
        for (ConnectivityChange.Kind kind : ConnectivityChange.Kind.values()) {
            counts.put(kind, 0L);
        }
    }

    String beforeName() {
        return beforeName;
    }

    String afterName() {
        return afterName;
    }

    ClusterSnapshot beforeSnapshot() {
        return before.engine().snapshot();
    }

    ClusterSnapshot afterSnapshot() {
        return after.engine().snapshot();
    }

    boolean explains() {
        return causes != null;
    }

    /** The causes of a change (only with {@code --explain}). */
    List<String> causesOf(ConnectivityChange change) {
        if (causes != null && change.sourceId().equals(IngressControllerReach.ID)) {
            return IngressControllerChanges.causes(before, after, change);
        }
        return causes == null ? List.of() : causes.of(change);
    }

    /**
     * Workloads that one side has and the other has not, sorted by id. Addresses are never one
     * side's: the diff names them by range, and every range exists on both sides.
     */
    List<OneSided> oneSided() {
        Set<String> then = workloadIds(before);
        Set<String> now = workloadIds(after);
        List<OneSided> workloads = new ArrayList<>();
        Set<String> all = new TreeSet<>(then);
        all.addAll(now);
        for (String id : all) {
            if (then.contains(id) != now.contains(id)) {
                workloads.add(new OneSided(id, now.contains(id)));
            }
        }
        return workloads;
    }

    private static Set<String> workloadIds(Evaluation evaluation) {
        Set<String> ids = new TreeSet<>();
        evaluation.engine().workloadEndpoints().forEach(workload -> ids.add(workload.id()));
        return ids;
    }

    /** The longest endpoint id of either side (workloads, and the address ranges their rules cut), at least {@code minimum}: the width of a text column. */
    int idWidth(int minimum) {
        int width = minimum;
        List<io.netpolviz.model.IpBlock> blocks = new ArrayList<>();
        for (Evaluation evaluation : List.of(before, after)) {
            for (Endpoint endpoint : evaluation.engine().workloadEndpoints()) {
                width = Math.max(width, endpoint.id().length());
            }
            evaluation.engine().externalPeers().forEach(external -> blocks.add(external.block()));
        }
        for (AddressRanges.Range range : AddressRanges.cut(blocks)) {
            width = Math.max(width, range.id().length());
        }
        return width;
    }

    /** Walks the two sides and hands every change over, counting them. */
    void forEachChange(Consumer<ConnectivityChange> each) {
        Consumer<ConnectivityChange> counted = change -> {
            counts.merge(change.kind(), 1L, Long::sum);
            opened |= !change.opened().isEmpty();
            closed |= !change.closed().isEmpty();
            each.accept(change);
        };
        ConnectivityDiff.forEachByAddressRange(before, after, counted);
        // {ingress-controller} sorts after every workload and address, so its lines come last.
        IngressControllerChanges.between(before, after).forEach(counted);
    }

    /** How many changes of this kind the walk handed over. */
    long count(ConnectivityChange.Kind kind) {
        return counts.get(kind);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code 2 added, 1 changed, 1 removed} or {@code no connectivity changed}. */
    String summary() {
        if (total() == 0) {
            return "no connectivity changed";
        }
        return count(ConnectivityChange.Kind.ADDED) + " added, " + count(ConnectivityChange.Kind.CHANGED) + " changed, "
                + count(ConnectivityChange.Kind.REMOVED) + " removed";
    }

    /** Whether some pair gained a port (an added pair, or a changed one that allows more). */
    boolean anyOpened() {
        return opened;
    }

    /** Whether some pair lost a port. */
    boolean anyClosed() {
        return closed;
    }
}

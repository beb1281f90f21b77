package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.ChangeCauses;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.ConnectivityDiff;
import io.netpolviz.policy.ConnectivityMatrix;
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

    /** An endpoint (workload or address block) that only one side has. */
    record OneSided(String id, boolean workload, boolean inAfter) {

        /** {@code workload default/unicorn added} or {@code external peer ext:10.0.0.0/8 removed}. */
        String sentence() {
            return (workload ? "workload " : "external peer ") + id + (inAfter ? " added" : " removed");
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
        return causes == null ? List.of() : causes.of(change);
    }

    /** Workloads, then external peers, that one side has and the other has not, each sorted by id. */
    List<OneSided> oneSided() {
        Set<String> then = ids(before);
        Set<String> now = ids(after);
        List<OneSided> workloads = new ArrayList<>();
        List<OneSided> externals = new ArrayList<>();
        Set<String> all = new TreeSet<>(then);
        all.addAll(now);
        for (String id : all) {
            if (then.contains(id) != now.contains(id)) {
                boolean workload = !id.startsWith("ext:");
                (workload ? workloads : externals).add(new OneSided(id, workload, now.contains(id)));
            }
        }
        workloads.addAll(externals);
        return workloads;
    }

    private static Set<String> ids(Evaluation evaluation) {
        Set<String> ids = new TreeSet<>();
        evaluation.engine().workloadEndpoints().forEach(workload -> ids.add(workload.id()));
        evaluation.engine().externalPeers().forEach(external -> ids.add(external.id()));
        return ids;
    }

    /** The longest endpoint id of either side, at least {@code minimum}: the width of a text column. */
    int idWidth(int minimum) {
        int width = minimum;
        for (Evaluation evaluation : List.of(before, after)) {
            for (Endpoint endpoint : ConnectivityMatrix.endpoints(evaluation)) {
                width = Math.max(width, endpoint.id().length());
            }
        }
        return width;
    }

    /** Walks the two sides and hands every change over, counting them. */
    void forEachChange(Consumer<ConnectivityChange> each) {
        ConnectivityDiff.forEachBetweenSnapshots(before, after, change -> {
            counts.merge(change.kind(), 1L, Long::sum);
            opened |= !change.opened().isEmpty();
            closed |= !change.closed().isEmpty();
            each.accept(change);
        });
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

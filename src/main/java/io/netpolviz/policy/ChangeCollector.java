package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares old and new groups of one column or row on a block window and records what moved.
 * Columns alike share their arrays ({@link AlikeColumns}), so one comparison of two arrays on a
 * window serves every column that went from the one to the other.
 */
final class ChangeCollector {

    private final PolicyEngine engine;
    private final int classCount;
    private final List<Changes.TowardDestination> toward = new ArrayList<>();
    private final List<Changes.FromExternal> fromExternal = new ArrayList<>();
    private final Map<Compared, List<Moved>> compared = new HashMap<>();

    ChangeCollector(PolicyEngine engine) {
        this.engine = engine;
        this.classCount = engine.classes().size();
    }

    void column(int column, PortGroup[] before, PortGroup[] after, int from, int to) {
        if (before == after) {
            return;
        }
        List<Moved> moved = compared.computeIfAbsent(new Compared(before, after, from, to), key -> {
            List<Moved> found = new ArrayList<>();
            diff(before, after, from, to, (was, now, members) -> found.add(new Moved(was, now, members)));
            return found;
        });
        for (Moved m : moved) {
            toward.add(column < classCount ? new Changes.TowardDestination(column, -1, m.before(), m.after(), m.members())
                    : new Changes.TowardDestination(-1, column - classCount, m.before(), m.after(), m.members()));
        }
    }

    void row(int external, PortGroup[] before, PortGroup[] after, int from, int to) {
        diff(before, after, from, to, (was, now, members) -> fromExternal.add(new Changes.FromExternal(external, was, now, members)));
    }

    /** Every pair whose ports differ between two connectivities of {@code engine}. */
    static Changes between(PolicyEngine engine, Connectivity before, Connectivity after) {
        int blocks = ClassSet.blockCount(engine.classes().size());
        ChangeCollector collector = new ChangeCollector(engine);
        for (int column = 0; column < after.columns.length; column++) {
            collector.column(column, before.columns[column], after.columns[column], 0, blocks);
        }
        for (int external = 0; external < after.externalRows.length; external++) {
            collector.row(external, before.externalRows[external], after.externalRows[external], 0, blocks);
        }
        return collector.changes();
    }

    Changes changes() {
        return new Changes(engine, toward, fromExternal);
    }

    private record Moved(PortSet before, PortSet after, ClassSet members) {
    }

    /** Two arrays compared on a window: the arrays by identity. */
    private record Compared(PortGroup[] before, PortGroup[] after, int from, int to) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Compared c && c.before == before && c.after == after && c.from == from && c.to == to;
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(before) * 31 + System.identityHashCode(after)) * 31 + from) * 31 + to;
        }
    }

    private interface Sink {
        void accept(PortSet before, PortSet after, ClassSet members);
    }

    /** Members not in any group have no allowed port, so "none" is a side of a change too. */
    private static void diff(PortGroup[] before, PortGroup[] after, int from, int to, Sink sink) {
        if (before == after) {
            return;
        }
        int universe = before.length > 0 ? before[0].classes().universe() : after.length > 0 ? after[0].classes().universe() : 0;
        ClassSet coveredBefore = ClassSet.empty(universe);
        ClassSet coveredAfter = ClassSet.empty(universe);
        for (PortGroup was : before) {
            coveredBefore = coveredBefore.or(was.classes(), from, to);
            for (PortGroup now : after) {
                if (was.ports().equals(now.ports())) {
                    continue;
                }
                ClassSet moved = was.classes().and(now.classes(), from, to);
                if (!moved.isEmpty()) {
                    sink.accept(was.ports(), now.ports(), moved);
                }
            }
        }
        for (PortGroup now : after) {
            coveredAfter = coveredAfter.or(now.classes(), from, to);
            ClassSet opened = now.classes().andNot(coveredBefore, from, to);
            if (!opened.isEmpty()) {
                sink.accept(PortSet.NONE, now.ports(), opened);
            }
        }
        for (PortGroup was : before) {
            ClassSet closed = was.classes().andNot(coveredAfter, from, to);
            if (!closed.isEmpty()) {
                sink.accept(was.ports(), PortSet.NONE, closed);
            }
        }
    }
}

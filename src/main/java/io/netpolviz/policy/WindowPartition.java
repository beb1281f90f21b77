package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition under construction: disjoint (ports, classes) groups on one block window,
 * merged whenever two get the same ports. Contributions are first collected per port set
 * in {@link ClassSetUnion}s (they may overlap until {@link #refine}).
 */
final class WindowPartition {
    final int from;
    final int to;
    private final int universe;
    final List<PortSet> ports = new ArrayList<>(4);
    final List<ClassSet> sets = new ArrayList<>(4);
    private List<ClassSetUnion> unions;

    WindowPartition(int universe, int from, int to) {
        this.universe = universe;
        this.from = from;
        this.to = to;
    }

    /** Adds a contribution: {@code classes} are allowed at least {@code allowed}. */
    void add(PortSet allowed, ClassSet classes) {
        if (allowed.isEmpty() || classes.isEmpty(from, to)) {
            return;
        }
        if (unions == null) {
            unions = new ArrayList<>(4);
        }
        for (int i = 0; i < ports.size(); i++) {
            PortSet existing = ports.get(i);
            if (existing == allowed || existing.equals(allowed)) {
                unions.get(i).add(classes);
                return;
            }
        }
        ClassSetUnion union = new ClassSetUnion(universe, from, to);
        union.add(classes);
        ports.add(allowed);
        sets.add(null);
        unions.add(union);
    }

    /**
     * Adds a group, merging it into the one with the same ports. A class in no group is allowed
     * nothing, so a group allowed nothing (a Baseline tier that denies every port) is not kept:
     * kept, it would differ from "no group" only in form, and a toggle's comparison of columns
     * would report its classes as changed from nothing to nothing.
     */
    void merge(PortSet allowed, ClassSet classes) {
        if (allowed.isEmpty() || classes.isEmpty(from, to)) {
            return;
        }
        for (int i = 0; i < ports.size(); i++) {
            PortSet existing = ports.get(i);
            if (existing == allowed || existing.equals(allowed)) {
                sets.set(i, sets.get(i).or(classes, from, to));
                return;
            }
        }
        ports.add(allowed);
        sets.add(classes.window(from, to));
    }

    private void collect() {
        if (unions != null) {
            for (int i = 0; i < unions.size(); i++) {
                sets.set(i, unions.get(i).build());
            }
            unions = null;
        }
    }

    /**
     * The partition these overlapping contributions make: each class ends in the group of
     * the union of the ports of every contribution that holds it.
     */
    WindowPartition refine() {
        collect();
        WindowPartition pieces = new WindowPartition(universe, from, to);
        for (int g = 0; g < ports.size(); g++) {
            PortSet allowed = ports.get(g);
            ClassSet members = sets.get(g);
            if (pieces.ports.isEmpty()) {
                pieces.ports.add(allowed);
                pieces.sets.add(members);
                continue;
            }
            WindowPartition next = new WindowPartition(universe, from, to);
            ClassSet rest = members;
            for (int i = 0; i < pieces.ports.size(); i++) {
                PortSet existing = pieces.ports.get(i);
                ClassSet piece = pieces.sets.get(i);
                PortSet union = existing.union(allowed);
                if (union.equals(existing)) {
                    next.merge(existing, piece);
                } else {
                    next.merge(union, piece.and(members, from, to));
                    next.merge(existing, piece.andNot(members, from, to));
                }
                rest = rest.andNot(piece, from, to);
            }
            next.merge(allowed, rest);
            pieces = next;
        }
        return pieces;
    }

    /** This finished partition kept to the classes in blocks {@code [first, end)} (within its own window). */
    WindowPartition window(int first, int end) {
        WindowPartition out = new WindowPartition(universe, Math.max(from, first), Math.max(Math.max(from, first), Math.min(to, end)));
        for (int g = 0; g < ports.size(); g++) {
            out.merge(ports.get(g), sets.get(g));
        }
        return out;
    }

    /** The pairwise intersection of two partitions: ports and classes both intersected. */
    WindowPartition cross(WindowPartition other) {
        WindowPartition out = new WindowPartition(universe, from, to);
        for (int i = 0; i < ports.size(); i++) {
            PortSet mine = ports.get(i);
            for (int j = 0; j < other.ports.size(); j++) {
                PortSet theirs = other.ports.get(j);
                PortSet both = mine.isAll() ? theirs : theirs.isAll() ? mine : mine.intersect(theirs);
                if (both.isEmpty()) {
                    continue;
                }
                out.merge(both, sets.get(i).and(other.sets.get(j), from, to));
            }
        }
        return out;
    }

    /**
     * Per class: what the ordered {@code tier} before these layers allowed, plus what it left
     * that these layers allow. A finished partition; so is the result.
     */
    WindowPartition behind(TierPartition tier) {
        WindowPartition out = new WindowPartition(universe, from, to);
        for (int g = 0; g < tier.size(); g++) {
            ClassSet members = tier.classes(g);
            if (members.isEmpty(from, to)) {
                continue;
            }
            PortSet allowed = tier.allowed(g);
            PortSet undecided = tier.undecided(g);
            ClassSet rest = members;
            for (int b = 0; b < ports.size(); b++) {
                ClassSet both = members.and(sets.get(b), from, to);
                if (both.isEmpty(from, to)) {
                    continue;
                }
                if (!allowed.isEmpty()) {
                    rest = rest.andNot(both, from, to);
                }
                PortSet belowPorts = ports.get(b);
                PortSet passed = undecided == PortSet.ALL ? belowPorts : undecided.intersect(belowPorts);
                PortSet ports = allowed.isEmpty() ? passed : allowed.union(passed);
                if (!ports.isEmpty()) {
                    out.merge(ports, both);
                }
            }
            if (!allowed.isEmpty()) {
                out.merge(allowed, rest);
            }
        }
        return out;
    }

    /** Whether both hold the same groups: each port set with the same classes (groups never share ports). */
    boolean sameAs(WindowPartition other) {
        if (other == this) {
            return true;
        }
        if (other.ports.size() != ports.size()) {
            return false;
        }
        for (int i = 0; i < ports.size(); i++) {
            int j = other.ports.indexOf(ports.get(i));
            if (j < 0 || !sets.get(i).sameOn(other.sets.get(j), from, to)) {
                return false;
            }
        }
        return true;
    }

    PortGroup[] toArray() {
        PortGroup[] out = new PortGroup[ports.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new PortGroup(ports.get(i), sets.get(i));
        }
        return out;
    }
}

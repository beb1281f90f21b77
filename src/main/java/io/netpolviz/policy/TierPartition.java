package io.netpolviz.policy;

import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.List;

/**
 * One ordered tier's decisions for one side of one destination column: the peer classes (on a
 * block window) split into groups that the tier's rules treat alike. Each group keeps the ports
 * the tier allowed, denied, and left open; a rule decides only ports still open, so "first match
 * wins" is a few set operations per rule. Pass closes ports without deciding them: they go on
 * to the next tier, as ports no rule matched do.
 */
final class TierPartition {

    private final int from;
    private final int to;
    private final List<PortSet> allowed = new ArrayList<>(4);
    private final List<PortSet> denied = new ArrayList<>(4);
    private final List<PortSet> open = new ArrayList<>(4);
    private final List<ClassSet> sets = new ArrayList<>(4);
    private boolean decidedAny;
    /** What each group leaves to the next layer, and allows with the default after it: computed once the rules are applied. */
    private PortSet[] undecided;
    private PortSet[] withDefault;

    /** Every class of {@code everything} on blocks {@code [from, to)}, nothing decided. */
    TierPartition(ClassSet everything, int from, int to) {
        this.from = from;
        this.to = to;
        add(PortSet.NONE, PortSet.NONE, PortSet.ALL, everything.window(from, to));
    }

    /** Applies the next rule in decision order: {@code members} are the classes it matches on this side. */
    void apply(ClassSet members, PortSet ports, RuleAction action) {
        if (ports.isEmpty() || members.isEmpty(from, to)) {
            return;
        }
        undecided = null;
        withDefault = null;
        int groups = sets.size();
        for (int g = 0; g < groups; g++) {
            // Most rules match few of a group's classes, or none: ask that without building the intersection.
            if (!sets.get(g).intersects(members, from, to)) {
                continue;
            }
            PortSet hit = open.get(g).intersect(ports);
            if (hit.isEmpty()) {
                continue;
            }
            ClassSet inside = sets.get(g).and(members, from, to);
            decidedAny = true;
            PortSet nowAllowed = action == RuleAction.ALLOW ? allowed.get(g).union(hit) : allowed.get(g);
            PortSet nowDenied = action == RuleAction.DENY ? denied.get(g).union(hit) : denied.get(g);
            PortSet nowOpen = open.get(g).minus(hit);
            sets.set(g, sets.get(g).andNot(members, from, to));
            add(nowAllowed, nowDenied, nowOpen, inside);
        }
        for (int g = sets.size() - 1; g >= 0; g--) {
            if (sets.get(g).isEmpty(from, to)) {
                remove(g);
            }
        }
    }

    /**
     * Denies every port still open, for every class: the default action of a denying tier that applies to the
     * destination, as {@code apply(everything, ALL, DENY)} would, without a class set operation per group.
     */
    void denyOpen() {
        regroup((allowedPorts, deniedPorts, openPorts) -> {
            decidedAny |= !openPorts.isEmpty();
            return new PortSet[] {allowedPorts, deniedPorts.union(openPorts), PortSet.NONE};
        });
    }

    /**
     * The same for a side that no rule and no tier follows: only {@link #allowedWithDefault} is read after it, so the
     * groups keep their classes as they are instead of merging those that now agree, which the caller's sides do.
     */
    void denyOpenLast() {
        undecided = null;
        withDefault = null;
        for (int g = 0; g < sets.size(); g++) {
            if (!open.get(g).isEmpty()) {
                decidedAny = true;
                denied.set(g, denied.get(g).union(open.get(g)));
                open.set(g, PortSet.NONE);
            }
        }
    }

    /**
     * Crosses into the next tier: ports a rule passed were closed for the rest of this tier and
     * are open again, like every port no rule decided. Groups that now agree merge.
     */
    void reopen() {
        regroup((allowedPorts, deniedPorts, openPorts) -> {
            PortSet decided = allowedPorts.union(deniedPorts);
            return new PortSet[] {allowedPorts, deniedPorts, decided.isEmpty() ? PortSet.ALL : PortSet.ALL.minus(decided)};
        });
    }

    /** What a group's allowed, denied and open ports become, as one array of the three. */
    private interface Regrouping {
        PortSet[] of(PortSet allowedPorts, PortSet deniedPorts, PortSet openPorts);
    }

    /** Rebuilds the groups with their ports changed by {@code change}: groups that now agree merge. */
    private void regroup(Regrouping change) {
        List<PortSet> oldAllowed = new ArrayList<>(allowed);
        List<PortSet> oldDenied = new ArrayList<>(denied);
        List<PortSet> oldOpen = new ArrayList<>(open);
        List<ClassSet> oldSets = new ArrayList<>(sets);
        allowed.clear();
        denied.clear();
        open.clear();
        sets.clear();
        undecided = null;
        withDefault = null;
        for (int g = 0; g < oldSets.size(); g++) {
            PortSet[] ports = change.of(oldAllowed.get(g), oldDenied.get(g), oldOpen.get(g));
            add(ports[0], ports[1], ports[2], oldSets.get(g));
        }
    }

    /** Whether some rule allowed or denied some port for some class: otherwise the tier changes nothing. */
    boolean decidedAny() {
        return decidedAny;
    }

    /**
     * The partition once every rule is applied: groups that allow and deny the same ports merge,
     * whatever they passed, since the layers below see only what is left undecided.
     */
    TierPartition settled() {
        TierPartition out = new TierPartition(from, to);
        for (int g = 0; g < sets.size(); g++) {
            out.add(allowed.get(g), denied.get(g), PortSet.NONE, sets.get(g));
            out.decidedAny |= !allowed.get(g).isEmpty() || !denied.get(g).isEmpty();
        }
        return out;
    }

    /**
     * This settled partition with the settled partition {@code denials} of rules that only deny
     * decided before it, on the same window. First match wins and a denial only closes ports, so
     * a port those rules deny is denied, and every other port is decided as this partition
     * decided it: per pair of groups, allowed is this one's allowed minus the denied, denied the
     * union of both.
     */
    TierPartition behind(TierPartition denials) {
        if (denials.from != from || denials.to != to) {
            throw new IllegalArgumentException("partitions of different windows");
        }
        TierPartition out = new TierPartition(from, to);
        for (int g = 0; g < denials.size(); g++) {
            ClassSet members = denials.sets.get(g);
            PortSet denied = denials.denied.get(g);
            for (int h = 0; h < sets.size(); h++) {
                if (!sets.get(h).intersects(members, from, to)) {
                    continue;
                }
                PortSet nowAllowed = allowed.get(h).minus(denied);
                PortSet nowDenied = denied.union(denied(h));
                out.add(nowAllowed, nowDenied, PortSet.NONE, sets.get(h).and(members, from, to));
                out.decidedAny |= !nowAllowed.isEmpty() || !nowDenied.isEmpty();
            }
        }
        return out;
    }

    /** This settled partition kept to the classes in blocks {@code [from, to)} (within its own window). */
    TierPartition window(int windowFrom, int windowTo) {
        int first = Math.max(from, windowFrom);
        int end = Math.min(to, windowTo);
        TierPartition out = new TierPartition(first, Math.max(first, end));
        for (int g = 0; g < sets.size(); g++) {
            ClassSet kept = sets.get(g).window(first, end);
            if (!kept.isEmpty()) {
                out.add(allowed.get(g), denied.get(g), open.get(g), kept);
                out.decidedAny |= !allowed.get(g).isEmpty() || !denied.get(g).isEmpty();
            }
        }
        return out;
    }

    private TierPartition(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Whether this partition and {@code other}, on the same window, put every class in a group with the same allowed,
     * denied and open ports. Groups with the same three sets merge as they are made, so each side has one per triple.
     */
    boolean sameAs(TierPartition other) {
        if (other.from != from || other.to != to || other.sets.size() != sets.size()) {
            return false;
        }
        for (int g = 0; g < sets.size(); g++) {
            int h = 0;
            while (h < sets.size() && !(allowed.get(g).equals(other.allowed.get(h)) && denied.get(g).equals(other.denied.get(h))
                    && open.get(g).equals(other.open.get(h)))) {
                h++;
            }
            if (h == sets.size() || !sets.get(g).sameOn(other.sets.get(h), from, to)) {
                return false;
            }
        }
        return true;
    }

    /** A copy to go on applying rules to while this partition stays as it is (a walk's state kept by {@link WalkPrefixes}). */
    TierPartition copy() {
        TierPartition out = new TierPartition(from, to);
        out.allowed.addAll(allowed);
        out.denied.addAll(denied);
        out.open.addAll(open);
        out.sets.addAll(sets);
        out.decidedAny = decidedAny;
        return out;
    }

    int size() {
        return sets.size();
    }

    ClassSet classes(int group) {
        return sets.get(group);
    }

    /** The ports the tier allowed for the group. */
    PortSet allowed(int group) {
        return allowed.get(group);
    }

    /** The ports the tier denied for the group. */
    PortSet denied(int group) {
        return denied.get(group);
    }

    /** The ports the tier left to the next one: neither allowed nor denied (passed, or matched by no rule). */
    PortSet undecided(int group) {
        if (undecided == null) {
            PortSet[] computed = new PortSet[sets.size()];
            for (int g = 0; g < computed.length; g++) {
                computed[g] = allowed.get(g).isEmpty() && denied.get(g).isEmpty() ? PortSet.ALL
                        : PortSet.ALL.minus(allowed.get(g)).minus(denied.get(g));
            }
            undecided = computed;
        }
        return undecided[group];
    }

    /** The ports allowed when no tier follows but the default: the tier's allows and whatever it left. */
    PortSet allowedWithDefault(int group) {
        if (withDefault == null) {
            PortSet[] computed = new PortSet[sets.size()];
            for (int g = 0; g < computed.length; g++) {
                computed[g] = denied.get(g).isEmpty() ? PortSet.ALL : PortSet.ALL.minus(denied.get(g));
            }
            withDefault = computed;
        }
        return withDefault[group];
    }

    private void add(PortSet nowAllowed, PortSet nowDenied, PortSet nowOpen, ClassSet classes) {
        for (int g = 0; g < sets.size(); g++) {
            if (allowed.get(g).equals(nowAllowed) && denied.get(g).equals(nowDenied) && open.get(g).equals(nowOpen)) {
                sets.set(g, sets.get(g).or(classes, from, to));
                return;
            }
        }
        allowed.add(nowAllowed);
        denied.add(nowDenied);
        open.add(nowOpen);
        sets.add(classes);
    }

    private void remove(int group) {
        allowed.remove(group);
        denied.remove(group);
        open.remove(group);
        sets.remove(group);
    }
}

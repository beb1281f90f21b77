package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A column (or row) of port groups is recomputed on a window of class blocks at a time: whether
 * the new groups of a window are what the column already holds there, and the column with them
 * spliced in. Used by {@link ConnectivityBuilder} for incremental toggles.
 */
final class ColumnWindows {

    private ColumnWindows() {
    }

    /** Whether {@code old} already holds exactly {@code window}'s groups on blocks {@code [from, to)}. */
    static boolean sameOnWindow(PortGroup[] old, PortGroup[] window, int from, int to) {
        int oldGroupsInWindow = 0;
        for (PortGroup group : old) {
            if (!group.classes().isEmpty(from, to)) {
                oldGroupsInWindow++;
            }
        }
        if (oldGroupsInWindow != window.length) {
            return false;
        }
        for (PortGroup fresh : window) {
            boolean found = false;
            for (PortGroup group : old) {
                if (group.ports().equals(fresh.ports())) {
                    if (!group.classes().sameOn(fresh.classes(), from, to)) {
                        return false;
                    }
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** {@code old} with blocks {@code [from, to)} replaced by {@code window}'s groups. */
    static PortGroup[] splice(PortGroup[] old, PortGroup[] window, int from, int to) {
        List<PortGroup> out = new ArrayList<>(old.length + window.length);
        boolean[] used = new boolean[window.length];
        for (PortGroup group : old) {
            ClassSet replacement = null;
            for (int i = 0; i < window.length; i++) {
                if (window[i].ports().equals(group.ports())) {
                    replacement = window[i].classes();
                    used[i] = true;
                    break;
                }
            }
            ClassSet merged = group.classes().splice(replacement == null ? ClassSet.empty(group.classes().universe()) : replacement, from, to);
            if (!merged.isEmpty()) {
                out.add(merged.equals(group.classes()) ? group : new PortGroup(group.ports(), merged));
            }
        }
        for (int i = 0; i < window.length; i++) {
            if (!used[i]) {
                out.add(window[i]);
            }
        }
        return out.toArray(new PortGroup[0]);
    }
}

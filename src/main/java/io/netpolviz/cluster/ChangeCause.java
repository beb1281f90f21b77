package io.netpolviz.cluster;

import java.util.List;

/**
 * Why a new snapshot was published: the first complete read, the objects a burst of watch
 * events changed (in the order they arrived), or a re-read after the connection came back,
 * with the differences it found.
 */
public record ChangeCause(Origin origin, List<ObjectChange> changes) {

    /** What made the source read the cluster again. */
    public enum Origin {
        /** The first complete read after connecting. */
        INITIAL_READ,
        /** Watch events for the objects in {@code changes}. */
        WATCH_EVENTS,
        /** A fresh read after a lost connection or a change of access rights. */
        RESYNC
    }

    public ChangeCause {
        changes = List.copyOf(changes);
    }

    /** The first change, which is the one a single event names; null for an initial read. */
    public ObjectChange first() {
        return changes.isEmpty() ? null : changes.get(0);
    }

    /** {@code Pod shop/web-1 ADDED (+2 more)}, {@code initial read} or {@code resync: ...}. */
    public String display() {
        String prefix = switch (origin) {
            case INITIAL_READ -> "initial read";
            case WATCH_EVENTS -> "";
            case RESYNC -> "resync";
        };
        if (changes.isEmpty()) {
            return prefix.isEmpty() ? "no object changes" : prefix;
        }
        String what = changes.get(0).display() + (changes.size() > 1 ? " (+" + (changes.size() - 1) + " more)" : "");
        return prefix.isEmpty() ? what : prefix + ": " + what;
    }
}

package io.netpolviz.view;

import io.netpolviz.model.PolicyId;

/** What the user clicked last: nothing, an edge, a node or a policy. */
public sealed interface Selection permits Selection.Nothing, Selection.Edge, Selection.Node, Selection.Policy {

    Selection NOTHING = new Nothing();

    /** No selection: the panel shows the step's notes or a hint. */
    public record Nothing() implements Selection {
    }

    /** An edge, by {@code GraphEdge.key()}. */
    public record Edge(String key) implements Selection {
    }

    /** A node, by id. */
    public record Node(String id) implements Selection {
    }

    /** A policy. */
    public record Policy(PolicyId id) implements Selection {
    }
}

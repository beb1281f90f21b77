package io.netpolviz.ui;

import io.netpolviz.model.PolicyId;

/** What the user clicked last: nothing, an edge, a node or a policy. */
public sealed interface Selection permits Selection.Nothing, Selection.Edge, Selection.Node, Selection.Policy {

    Selection NOTHING = new Nothing();

    /** No selection: the panel shows the step's notes or a hint. */
    record Nothing() implements Selection {
    }

    /** An edge, by {@code GraphEdge.key()}. */
    record Edge(String key) implements Selection {
    }

    /** A node, by id. */
    record Node(String id) implements Selection {
    }

    /** A policy. */
    record Policy(PolicyId id) implements Selection {
    }
}

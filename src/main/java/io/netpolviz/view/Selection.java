package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.LabelPort;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.PortRange;
import java.util.List;

/** What the user clicked last: nothing, an edge (or some of its ports), a node or a policy. */
public sealed interface Selection permits Selection.Nothing, Selection.Edge, Selection.Node, Selection.Policy {

    Selection NOTHING = new Nothing();

    /** No selection: the panel shows the step's notes or a hint. */
    public record Nothing() implements Selection {
    }

    /**
     * An edge, by {@code GraphEdge.key()}; {@code ports} are the ports of it to explain (those of
     * one entry of its label, when that entry was clicked), empty for all of them. Ports rather than
     * an entry's position, so the choice survives a toggle that regroups the label.
     */
    public record Edge(String key, List<PortRange> ports) implements Selection {

        public Edge {
            ports = List.copyOf(ports);
        }

        /** The whole edge. */
        public Edge(String key) {
            this(key, List.of());
        }

        /** Whether only some ports of the edge are asked about. */
        public boolean onePort() {
            return !ports.isEmpty();
        }

        /**
         * The selection a click on entry {@code index} of the edge's label makes: that entry's ports,
         * or the whole edge when the label has just that one entry.
         */
        public static Edge ofLabel(GraphEdge edge, int index) {
            List<LabelPort> entries = edge.labelPorts();
            if (entries.size() <= 1 || index < 0 || index >= entries.size()) {
                return new Edge(edge.key());
            }
            return new Edge(edge.key(), entries.get(index).ranges());
        }
    }

    /** A node, by id. */
    public record Node(String id) implements Selection {
    }

    /** A policy. */
    public record Policy(PolicyId id) implements Selection {
    }
}

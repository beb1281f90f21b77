package io.netpolviz.layout;

import io.netpolviz.graph.GraphEdge;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds edges to a laid-out diagram without laying it out again: each is a straight line between
 * the borders of its two nodes with its label chip at the middle. For what is shown only for a
 * moment — the blocked pairs of the selected node — so that selecting never moves the picture.
 */
public final class StraightEdges {

    private StraightEdges() {
    }

    /** The diagram with {@code edges} drawn on top, each between two of its nodes; edges whose ends it lacks are left out. */
    public static Diagram added(Diagram diagram, List<GraphEdge> edges, LayoutOptions options) {
        if (edges.isEmpty()) {
            return diagram;
        }
        EdgeLabelDesigner chips = new EdgeLabelDesigner(options);
        List<EdgePath> all = new ArrayList<>(diagram.edges());
        Rect bounds = diagram.bounds();
        for (GraphEdge edge : edges) {
            var source = diagram.node(edge.sourceId());
            var target = diagram.node(edge.targetId());
            if (source.isEmpty() || target.isEmpty() || diagram.edge(edge.key()).isPresent()) {
                continue;
            }
            Rect from = source.get().bounds();
            Rect to = target.get().bounds();
            Point start = NodeDrag.borderPoint(from, to.center());
            Point end = NodeDrag.borderPoint(to, from.center());
            EdgeLabelDesigner.Chip chip = chips.design(edge.labelPorts(), 0, 0);
            chip = chip.movedTo((start.x() + end.x() - chip.bounds().width()) / 2, (start.y() + end.y() - chip.bounds().height()) / 2);
            List<PortStyle> styles = chip.entries().stream().map(PortLabel::style).toList();
            EdgePath path = new EdgePath(edge.key(), edge.sourceId(), edge.targetId(), List.of(start, end), EdgeStyle.of(styles),
                    edge.anyChanged(), chip.entries(), chip.bounds(), null, false);
            all.add(path);
            bounds = bounds.union(path.extent());
        }
        return new Diagram(diagram.title(), diagram.titleBaseline(), diagram.typography(), diagram.namespaces(), diagram.nodes(), all,
                diagram.legend(), diagram.note(), bounds.snappedOut());
    }
}

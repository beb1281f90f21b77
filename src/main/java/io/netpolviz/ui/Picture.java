package io.netpolviz.ui;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.render.Theme;
import io.netpolviz.view.Comparison;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Selection;
import io.netpolviz.view.Workspace;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.Rect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the window shows: the open workspace, its evaluation, the side it is compared with, the
 * picture the pipeline drew for it and that picture as the user arranged it (dragged nodes stay where they were put, across
 * new pictures), the look it is drawn in, and the changed edges to flash. Lives on the JavaFX
 * thread; the other parts of the view-model read it, ask it what to draw ({@link #request}) and
 * ask it to show what their background work produced.
 */
final class Picture {

    private Workspace current;
    private Evaluated evaluated;
    /**
     * Where the user put the nodes they dragged: each one's top-left corner, in diagram units. Every
     * new picture of the place puts them there again, even when it is laid out anew and the node
     * would have landed elsewhere (a toggle that changes what is drawn, a step, a filter).
     */
    private final Map<String, Point> pinned = new LinkedHashMap<>();
    private long flashSerial;
    private Supplier<ViewFilter> filter = () -> ViewFilter.NONE;
    private Supplier<String> selectedNode = () -> null;
    /** The side the picture is compared with, or null. */
    private Comparison comparison;

    final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    final ReadOnlyObjectWrapper<Evaluated> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.standard());
    final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(this, "presentation");
    final ReadOnlyDoubleWrapper lastEvaluationMillis = new ReadOnlyDoubleWrapper(this, "lastEvaluationMillis");
    final ReadOnlyObjectWrapper<MainViewModel.Flash> flash = new ReadOnlyObjectWrapper<>(this, "flash", new MainViewModel.Flash(0, Set.of()));

    /** Where the filter and the selected node come from, for {@link #request}. */
    void drawFor(Supplier<ViewFilter> currentFilter, Supplier<String> currentSelectedNode) {
        this.filter = currentFilter;
        this.selectedNode = currentSelectedNode;
    }

    Workspace current() {
        return current;
    }

    Evaluated evaluated() {
        return evaluated;
    }

    /** Whether a workspace and its evaluation are on show. */
    boolean isShown() {
        return current != null && evaluated != null;
    }

    /** The layout options of the current look: the theme's type sizes every box. */
    LayoutOptions layoutOptions() {
        return LayoutOptions.defaults().withTypography(theme.get().typography());
    }

    /**
     * What to draw next: the filter and the selection on show, in the current look.
     *
     * @param freshLayout a new picture (another place, step, look or grouping) that searches for the
     *     most readable layout, rather than a change of the one on show that keeps its shape
     */
    io.netpolviz.view.Picture.Request request(boolean freshLayout) {
        return new io.netpolviz.view.Picture.Request(filter.get(), selectedNode.get(), layoutOptions(), true, freshLayout, comparison);
    }

    /** Compares every picture from now on with {@code side} (null: with nothing); the next evaluation draws it. */
    void compareWith(Comparison side) {
        comparison = side;
    }

    Comparison comparison() {
        return comparison;
    }

    /** Puts a new workspace in place; {@link #show} follows. A new place forgets the drags. */
    void open(Workspace opened, boolean samePlace) {
        if (!samePlace) {
            pinned.clear();
        }
        current = opened;
        workspace.set(opened);
    }

    /** Shows an evaluation of the open workspace; with {@code flashChanges}, the edges whose verdict it changed flash. */
    void show(Evaluated value, boolean flashChanges) {
        evaluated = value;
        evaluation.set(value);
        lastEvaluationMillis.set(value.millis());
        diagram.set(arranged(value.diagram()));
        if (flashChanges) {
            // A compared edge wears its halo for as long as the comparison lasts; flashing it at every toggle would hide what the toggle did.
            Set<String> changed = value.picture().graph().edges().stream()
                    .filter(edge -> edge.diff() == null && edge.anyChanged()).map(GraphEdge::key).collect(Collectors.toUnmodifiableSet());
            flash.set(new MainViewModel.Flash(++flashSerial, changed));
        }
    }

    /** A new command: whatever flashes stops. */
    void stopFlash() {
        flash.set(new MainViewModel.Flash(++flashSerial, Set.of()));
    }

    /** Moves a node by a drag, in diagram units; its edges follow, nothing else moves, and it stays moved. */
    void moveNode(String id, double dx, double dy) {
        Diagram shown = diagram.get();
        if (shown == null || (dx == 0 && dy == 0) || shown.node(id).isEmpty()) {
            return;
        }
        Diagram moved = shown.withNodeMoved(id, dx, dy);
        Rect at = moved.node(id).orElseThrow().bounds();
        pinned.put(id, new Point(at.x(), at.y()));
        diagram.set(moved);
    }

    /** The pipeline's diagram with the nodes the user dragged, of those it still has, where the user put them. */
    private Diagram arranged(Diagram laid) {
        Diagram result = laid;
        for (Map.Entry<String, Point> pin : pinned.entrySet()) {
            Optional<NodeBox> node = result.node(pin.getKey());
            if (node.isPresent()) {
                Rect at = node.get().bounds();
                result = result.withNodeMoved(pin.getKey(), pin.getValue().x() - at.x(), pin.getValue().y() - at.y());
            }
        }
        return result;
    }

    /** Nothing shown: a new source is on its way. */
    void clear() {
        current = null;
        evaluated = null;
        pinned.clear();
        workspace.set(null);
        evaluation.set(null);
        diagram.set(null);
    }

    /** The node under a diagram point, else the edge near it. */
    Optional<Selection> hit(double x, double y, double edgeTolerance) {
        Diagram shown = diagram.get();
        if (shown == null) {
            return Optional.empty();
        }
        Optional<String> node = shown.nodeAt(x, y);
        if (node.isPresent()) {
            return Optional.of(new Selection.Node(node.get()));
        }
        return shown.edgeAt(x, y, edgeTolerance).map(key -> edgeAt(shown, key, x, y));
    }

    /** An edge hit at a point: on an entry of its label, that entry's ports; elsewhere, the whole edge. */
    private Selection edgeAt(Diagram shown, String key, double x, double y) {
        java.util.OptionalInt entry = shown.edge(key).map(path -> path.labelAt(x, y)).orElse(java.util.OptionalInt.empty());
        Optional<GraphEdge> edge = evaluated == null ? Optional.empty() : evaluated.picture().edge(key);
        return entry.isPresent() && edge.isPresent() ? Selection.Edge.ofLabel(edge.get(), entry.getAsInt()) : new Selection.Edge(key);
    }

    /** The node with this id in the frame. */
    Optional<GraphNode> node(String id) {
        return current == null ? Optional.empty() : current.frame().node(id);
    }
}

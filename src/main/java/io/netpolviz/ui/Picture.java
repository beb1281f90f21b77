package io.netpolviz.ui;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.render.Theme;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Selection;
import io.netpolviz.view.ViewPipeline;
import io.netpolviz.view.Workspace;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the window shows: the open workspace, its evaluation, the diagram as the user arranged it
 * and as it is shown (restyled and filtered), the look it is drawn in, and the changed edges to
 * flash. Lives on the JavaFX thread; the other parts of the view-model read it and ask it to show
 * what their background work produced.
 */
final class Picture {

    private final ViewPipeline pipeline;

    private Workspace current;
    private Evaluated evaluated;
    /** The diagram as laid out, dragged and last restyled; filters apply on top of it. */
    private Diagram geometry;
    /** Bumped by every change of {@link #geometry}'s arrangement, so work begun on an older one is redone. */
    private long geometryRevision;
    private long flashSerial;

    final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    final ReadOnlyObjectWrapper<Evaluated> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.standard());
    final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(this, "presentation");
    final ReadOnlyDoubleWrapper lastEvaluationMillis = new ReadOnlyDoubleWrapper(this, "lastEvaluationMillis");
    final ReadOnlyObjectWrapper<MainViewModel.Flash> flash = new ReadOnlyObjectWrapper<>(this, "flash", new MainViewModel.Flash(0, Set.of()));

    Picture(ViewPipeline pipeline) {
        this.pipeline = pipeline;
    }

    Workspace current() {
        return current;
    }

    Evaluated evaluated() {
        return evaluated;
    }

    Diagram geometry() {
        return geometry;
    }

    long geometryRevision() {
        return geometryRevision;
    }

    /** Whether a workspace and its evaluation are on show. */
    boolean isShown() {
        return current != null && evaluated != null;
    }

    /** The layout options of the current look: the theme's type sizes every box. */
    LayoutOptions layoutOptions() {
        return LayoutOptions.defaults().withTypography(theme.get().typography());
    }

    /** Puts a new workspace in place, with the geometry its first evaluation restyled; {@link #show} follows. */
    void open(Workspace opened, Evaluated first) {
        current = opened;
        geometryRevision = first.geometryRevision();
        geometry = first.diagram();
        workspace.set(opened);
    }

    /**
     * Shows an evaluation of the open workspace through {@code filter}; with {@code flashChanges},
     * the edges whose verdict it changed flash.
     */
    void show(Evaluated value, ViewFilter filter, boolean flashChanges) {
        evaluated = value;
        geometry = value.diagram();
        evaluation.set(value);
        lastEvaluationMillis.set(value.millis());
        refresh(filter);
        if (flashChanges) {
            Set<String> changed = value.projected().graph().edges().stream()
                    .filter(GraphEdge::anyChanged).map(GraphEdge::key).collect(Collectors.toUnmodifiableSet());
            flash.set(new MainViewModel.Flash(++flashSerial, changed));
        }
    }

    /** A new command: whatever flashes stops. */
    void stopFlash() {
        flash.set(new MainViewModel.Flash(++flashSerial, Set.of()));
    }

    /** Applies the filter to the arranged diagram: only hidden flags change, never positions. */
    void refresh(ViewFilter filter) {
        diagram.set(geometry == null || evaluated == null ? geometry : pipeline.shown(geometry, filter, evaluated));
    }

    /** Moves a node by a drag, in diagram units; its edges follow, nothing else moves. */
    void moveNode(String id, double dx, double dy, ViewFilter filter) {
        if (geometry == null || (dx == 0 && dy == 0)) {
            return;
        }
        geometry = geometry.withNodeMoved(id, dx, dy);
        geometryRevision++;
        refresh(filter);
    }

    /** Nothing shown: a new source is on its way. */
    void clear() {
        current = null;
        evaluated = null;
        geometry = null;
        geometryRevision++;
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
        return shown.edgeAt(x, y, edgeTolerance).map(Selection.Edge::new);
    }

    /** The node with this id in the frame. */
    Optional<GraphNode> node(String id) {
        return current == null ? Optional.empty() : current.frame().node(id);
    }
}

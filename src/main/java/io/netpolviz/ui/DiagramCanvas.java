package io.netpolviz.ui;

import io.netpolviz.view.Details;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.Selection;
import io.netpolviz.view.Workspace;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.Point;
import io.netpolviz.layout.Rect;
import io.netpolviz.render.DiagramPainter;
import io.netpolviz.render.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The diagram on a JavaFX canvas, painted by the same {@link DiagramPainter} as the PNG and SVG
 * exports (into an image, see {@link CanvasRaster}), so the screen and the files look alike. Wheel zooms around the
 * pointer, dragging the background pans, dragging a node moves it, a click selects what the
 * diagram's hit-test finds, a double click on a node focuses on its edges (on a collapsed
 * namespace, opens it), on a namespace box's title collapses the namespace, and on the background
 * fits the drawing. Selection, highlights and the flash of changed edges are drawn over it.
 */
final class DiagramCanvas extends Region {

    private static final double CLICK_SLOP = 4;
    private static final double MIN_SCALE = 0.08;
    private static final double MAX_SCALE = 6;
    private static final long FLASH_NANOS = 1_600_000_000L;
    // Selection is drawn in ink, not colour: every colour already means a verdict or a change.
    private static final Color SUBJECT = new Color(0x1B1F24);
    private static final Color PEER = new Color(0x1B1F24);
    private static final Color SELECTED_EDGE = new Color(27, 31, 36, 48);

    private final MainViewModel model;
    private final Canvas canvas = new Canvas();
    private final CanvasRaster raster = new CanvasRaster();
    /** What paint draws on: the raster's Graphics2D while a paint runs. */
    private java.awt.Graphics2D graphics;

    /** Screen = diagram × scale + offset. */
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitWanted = true;
    private String fittedShape = "";

    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private String draggedNode;

    private Set<String> flashing = Set.of();
    private long flashStart;
    private final AnimationTimer flashTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - flashStart > FLASH_NANOS) {
                flashing = Set.of();
                stop();
            }
            paint();
        }
    };

    DiagramCanvas(MainViewModel model) {
        this.model = model;
        canvas.setId("diagramCanvas");
        canvas.setFocusTraversable(true);
        getChildren().add(canvas);
        getStyleClass().add("diagram-view");

        model.workspaceProperty().addListener((o, before, after) -> {
            // A new picture is fitted to the window; a step or a reload of the same shape stays put.
            if (after != null && !shapeOf(after).equals(fittedShape)) {
                fittedShape = shapeOf(after);
                fitWanted = true;
            }
        });
        model.diagramProperty().addListener((o, before, after) -> paint());
        model.themeProperty().addListener((o, before, after) -> paint());
        model.selection().detailsProperty().addListener((o, before, after) -> paint());
        model.flashProperty().addListener((o, before, after) -> startFlash(after.edgeKeys()));
        model.regrouping().regroupedProperty().addListener((o, before, after) -> showRegrouped(after.zoomTo()));

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.setOnContextMenuRequested(this::contextMenu);
    }

    /** Right click: what a double click does, for those who do not guess it, and opening and collapsing namespaces. */
    private void contextMenu(ContextMenuEvent event) {
        Point2D at = toDiagram(event.getX(), event.getY());
        Optional<Selection> hit = model.hit(at.getX(), at.getY(), 6 / scale);
        ContextMenu menu = new ContextMenu();
        String nodeId = hit.isPresent() && hit.get() instanceof Selection.Node node ? node.id() : null;
        String box = nodeId == null && hit.isEmpty() ? namespaceAt(at).orElse(null) : null;
        for (Regrouping.Action action : model.regrouping().actions(nodeId, box)) {
            MenuItem item = new MenuItem(action.label());
            item.setMnemonicParsing(false);
            item.setOnAction(click -> model.regrouping().regroup(action));
            menu.getItems().add(item);
        }
        if (hit.isPresent() && hit.get() instanceof Selection.Node node) {
            MenuItem focus = new MenuItem("Show only the edges of " + node.id());
            focus.setMnemonicParsing(false);
            focus.setOnAction(action -> {
                model.selection().select(node);
                model.filters().focus(node.id());
            });
            menu.getItems().add(focus);
        }
        MenuItem all = new MenuItem("Show everything");
        all.setOnAction(action -> model.filters().clearFilters());
        all.setDisable(model.filters().filterProperty().get().isEmpty());
        MenuItem fitItem = new MenuItem("Fit to window");
        fitItem.setOnAction(action -> fit());
        menu.getItems().addAll(all, fitItem);
        Workspace open = model.workspaceProperty().get();
        if (open != null && open.isAggregated()) {
            MenuItem expandAll = new MenuItem("Open every group or namespace");
            expandAll.setOnAction(action -> model.regrouping().expandAll());
            MenuItem collapseAll = new MenuItem("Collapse every namespace");
            collapseAll.setOnAction(action -> model.regrouping().collapseAll());
            menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), expandAll, collapseAll);
        }
        menu.show(canvas, event.getScreenX(), event.getScreenY());
        event.consume();
    }

    /** What decides whether a new workspace needs a new fit: its title, fonts and nodes. */
    private static String shapeOf(Workspace workspace) {
        Diagram layout = workspace.layout();
        return layout.title() + "|" + layout.typography() + "|" + layout.nodes().stream().map(NodeBox::id).sorted().toList();
    }

    @Override
    protected void layoutChildren() {
        double width = Math.max(1, getWidth());
        double height = Math.max(1, getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            paint();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 700;
    }

    // ---------------------------------------------------------------- view transform

    /** Scales and centres the drawing to fill the canvas (never beyond twice its size). */
    void fit() {
        Diagram diagram = model.diagramProperty().get();
        if (diagram == null || canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            fitWanted = true;
            return;
        }
        Rect bounds = diagram.bounds();
        double margin = 12;
        double fitScale = Math.min((canvas.getWidth() - 2 * margin) / bounds.width(), (canvas.getHeight() - 2 * margin) / bounds.height());
        scale = clamp(fitScale, MIN_SCALE, 2.0);
        offsetX = (canvas.getWidth() - bounds.width() * scale) / 2 - bounds.x() * scale;
        offsetY = Math.max(margin, (canvas.getHeight() - bounds.height() * scale) / 2) - bounds.y() * scale;
        fitWanted = false;
        paint();
    }

    void zoomBy(double factor) {
        zoomAround(canvas.getWidth() / 2, canvas.getHeight() / 2, factor);
    }

    private void zoomAround(double screenX, double screenY, double factor) {
        double newScale = clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        double applied = newScale / scale;
        offsetX = screenX - (screenX - offsetX) * applied;
        offsetY = screenY - (screenY - offsetY) * applied;
        scale = newScale;
        paint();
    }

    /** A screen point in diagram coordinates. */
    Point2D toDiagram(double screenX, double screenY) {
        return new Point2D((screenX - offsetX) / scale, (screenY - offsetY) / scale);
    }

    /** A diagram point on the screen (in canvas coordinates), for tests and tooltips. */
    Point2D toScreen(double diagramX, double diagramY) {
        return new Point2D(diagramX * scale + offsetX, diagramY * scale + offsetY);
    }

    double scale() {
        return scale;
    }

    Canvas canvas() {
        return canvas;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    // ---------------------------------------------------------------- mouse

    private void pressed(MouseEvent event) {
        canvas.requestFocus();
        pressX = lastX = event.getX();
        pressY = lastY = event.getY();
        dragging = false;
        draggedNode = null;
        Diagram diagram = model.diagramProperty().get();
        if (diagram != null && event.getButton() == MouseButton.PRIMARY) {
            Point2D at = toDiagram(event.getX(), event.getY());
            draggedNode = diagram.nodeAt(at.getX(), at.getY()).orElse(null);
        }
    }

    private void dragged(MouseEvent event) {
        if (!dragging && Math.hypot(event.getX() - pressX, event.getY() - pressY) < CLICK_SLOP) {
            return;
        }
        dragging = true;
        double dx = event.getX() - lastX;
        double dy = event.getY() - lastY;
        lastX = event.getX();
        lastY = event.getY();
        if (draggedNode != null) {
            canvas.setCursor(Cursor.CLOSED_HAND);
            model.moveNode(draggedNode, dx / scale, dy / scale);
        } else {
            canvas.setCursor(Cursor.MOVE);
            offsetX += dx;
            offsetY += dy;
            paint();
        }
    }

    private void released(MouseEvent event) {
        canvas.setCursor(Cursor.DEFAULT);
        if (dragging) {
            dragging = false;
            return;
        }
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D at = toDiagram(event.getX(), event.getY());
        Optional<Selection> hit = model.hit(at.getX(), at.getY(), 6 / scale);
        if (event.getClickCount() >= 2) {
            if (hit.isPresent() && hit.get() instanceof Selection.Node node) {
                if (model.node(node.id()).map(io.netpolviz.graph.GraphNode::isCollapsed).orElse(false)) {
                    model.regrouping().expand(node.id());
                    return;
                }
                String focused = model.filters().filterProperty().get().focus();
                model.filters().focus(node.id().equals(focused) ? null : node.id());
            } else if (hit.isEmpty()) {
                Optional<String> title = namespaceTitleAt(at);
                if (title.isPresent()) {
                    model.regrouping().collapseNamespace(title.get());
                } else {
                    fit();
                }
            }
            return;
        }
        if (hit.isPresent()) {
            model.selection().select(hit.get());
        } else {
            model.selection().clearSelection();
        }
    }

    private Optional<String> namespaceAt(Point2D at) {
        Diagram diagram = model.diagramProperty().get();
        return diagram == null ? Optional.empty() : diagram.namespaceAt(at.getX(), at.getY());
    }

    /** The namespace whose box's title band (above its nodes) is at a point. */
    private Optional<String> namespaceTitleAt(Point2D at) {
        Diagram diagram = model.diagramProperty().get();
        return namespaceAt(at).flatMap(diagram::namespace)
                .filter(box -> at.getY() <= box.bounds().y() + box.topInset())
                .map(io.netpolviz.layout.NamespaceBox::name);
    }

    /** After an expansion, shows the opened namespace's box; otherwise the whole new picture. */
    private void showRegrouped(String zoomTo) {
        Diagram diagram = model.diagramProperty().get();
        Optional<Rect> box = zoomTo == null || diagram == null ? Optional.empty()
                : diagram.namespace(zoomTo).map(io.netpolviz.layout.NamespaceBox::bounds);
        if (box.isEmpty() || canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            fit();
            return;
        }
        Rect bounds = box.get();
        double margin = 24;
        // Close enough to read the workloads, never closer than life size.
        scale = clamp(Math.min((canvas.getWidth() - 2 * margin) / bounds.width(), (canvas.getHeight() - 2 * margin) / bounds.height()),
                MIN_SCALE, 1.0);
        offsetX = canvas.getWidth() / 2 - (bounds.x() + bounds.width() / 2) * scale;
        offsetY = canvas.getHeight() / 2 - (bounds.y() + bounds.height() / 2) * scale;
        fitWanted = false;
        paint();
    }

    private void hovered(MouseEvent event) {
        Point2D at = toDiagram(event.getX(), event.getY());
        canvas.setCursor(model.hit(at.getX(), at.getY(), 6 / scale).isPresent() ? Cursor.HAND : Cursor.DEFAULT);
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            zoomAround(event.getX(), event.getY(), Math.pow(1.0018, event.getDeltaY()));
        }
        event.consume();
    }

    // ---------------------------------------------------------------- painting

    private void startFlash(Set<String> edgeKeys) {
        if (edgeKeys.isEmpty()) {
            // A new command: the last toggle's flash stops repainting, so the next picture need not wait for its frames.
            flashing = Set.of();
            flashTimer.stop();
            return;
        }
        flashing = edgeKeys;
        flashStart = System.nanoTime();
        flashTimer.start();
    }

    /** Whether edges are flashing now, for tests. */
    boolean isFlashing() {
        return !flashing.isEmpty();
    }

    void paint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        Theme theme = model.themeProperty().get();
        Diagram diagram = model.diagramProperty().get();
        if (diagram == null) {
            gc.setTransform(1, 0, 0, 1, 0, 0);
            gc.setFill(toFx(theme.canvas()));
            gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        if (fitWanted) {
            fit();
            return;
        }
        // Pixels per canvas unit: more than one on a high-density screen.
        double pixels = canvas.getScene() != null && canvas.getScene().getWindow() != null
                ? Math.max(1, canvas.getScene().getWindow().getOutputScaleX()) : 1;
        graphics = raster.begin((int) Math.ceil(canvas.getWidth() * pixels), (int) Math.ceil(canvas.getHeight() * pixels), theme.canvas());
        try {
            graphics.scale(pixels, pixels);
            graphics.transform(new AffineTransform(scale, 0, 0, scale, offsetX, offsetY));
            Details details = model.selection().detailsProperty().get();
            DiagramPainter.paint(diagram, graphics, theme);
            // Over the drawing: under it, namespace boxes would cover the band.
            paintSelectedEdge(diagram, details);
            outlineSelectedLabels(diagram, details);
            paintHighlights(diagram, details);
            paintFlash(diagram, theme);
        } finally {
            graphics.dispose();
        }
        raster.drawOn(gc, canvas.getWidth(), canvas.getHeight());
    }

    private void paintSelectedEdge(Diagram diagram, Details details) {
        if (details.edgeKey() == null) {
            return;
        }
        diagram.edge(details.edgeKey()).filter(edge -> !edge.hidden()).ifPresent(edge -> {
            graphics.setColor(SELECTED_EDGE);
            graphics.setStroke(new BasicStroke((float) Math.max(9, 9 / scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.draw(route(edge));
        });
    }

    /** The selected edge's port labels get an ink frame on top, visible even over a change halo. */
    private void outlineSelectedLabels(Diagram diagram, Details details) {
        if (details.edgeKey() == null) {
            return;
        }
        diagram.edge(details.edgeKey()).filter(edge -> !edge.hidden()).ifPresent(edge -> {
            graphics.setColor(SUBJECT);
            graphics.setStroke(new BasicStroke((float) Math.max(2, 1.5 / scale)));
            for (var label : edge.labels()) {
                Rect box = label.bounds();
                graphics.draw(new RoundRectangle2D.Double(box.x() - 3, box.y() - 3, box.width() + 6, box.height() + 6, 7, 7));
            }
        });
    }

    private void paintHighlights(Diagram diagram, Details details) {
        if (details.subjects().isEmpty() && details.peers().isEmpty()) {
            return;
        }
        float width = (float) Math.max(3, 2.5 / scale);
        for (NodeBox node : diagram.nodes()) {
            if (node.hidden()) {
                continue;
            }
            boolean subject = details.subjects().contains(node.id());
            boolean peer = details.peers().contains(node.id());
            if (!subject && !peer) {
                continue;
            }
            Rect box = node.bounds();
            double grow = subject ? 5 : 9;
            RoundRectangle2D outline = new RoundRectangle2D.Double(box.x() - grow, box.y() - grow,
                    box.width() + 2 * grow, box.height() + 2 * grow, 14, 14);
            if (peer) {
                graphics.setColor(PEER);
                graphics.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1,
                        new float[] {6 * width / 3, 4 * width / 3}, 0));
                graphics.draw(subject ? new RoundRectangle2D.Double(box.x() - 9, box.y() - 9, box.width() + 18, box.height() + 18, 16, 16)
                        : outline);
            }
            if (subject) {
                graphics.setColor(SUBJECT);
                graphics.setStroke(new BasicStroke(width + 1));
                graphics.draw(new RoundRectangle2D.Double(box.x() - 5, box.y() - 5, box.width() + 10, box.height() + 10, 12, 12));
            }
        }
    }

    private void paintFlash(Diagram diagram, Theme theme) {
        if (flashing.isEmpty()) {
            return;
        }
        double t = Math.min(1, (System.nanoTime() - flashStart) / (double) FLASH_NANOS);
        // Three pulses that fade out.
        double pulse = 0.5 - 0.5 * Math.cos(t * 6 * Math.PI);
        int alpha = (int) Math.round(200 * pulse * (1 - t * 0.6));
        Color glow = new Color(theme.changed().getRed(), theme.changed().getGreen(), theme.changed().getBlue(), Math.max(0, alpha));
        graphics.setColor(glow);
        graphics.setStroke(new BasicStroke((float) Math.max(12, 10 / scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (EdgePath edge : diagram.edges()) {
            if (!edge.hidden() && flashing.contains(edge.key())) {
                graphics.draw(route(edge));
            }
        }
    }

    private static Path2D route(EdgePath edge) {
        Path2D.Double path = new Path2D.Double();
        List<Point> points = edge.route();
        path.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            path.lineTo(points.get(i).x(), points.get(i).y());
        }
        return path;
    }

    private static javafx.scene.paint.Color toFx(Color color) {
        return javafx.scene.paint.Color.rgb(color.getRed(), color.getGreen(), color.getBlue(), color.getAlpha() / 255.0);
    }

}

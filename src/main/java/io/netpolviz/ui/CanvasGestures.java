package io.netpolviz.ui;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.NamespaceBox;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.Selection;
import io.netpolviz.view.Workspace;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * What the mouse does on the diagram. The wheel zooms around the pointer, dragging the background
 * pans, dragging a node moves it, a click selects what the diagram's hit-test finds; a double
 * click on a node focuses on its edges (on a collapsed one, opens it), on a namespace box's title
 * collapses the namespace, and on the background fits the drawing. Right click offers the same
 * in words, with opening and collapsing.
 */
final class CanvasGestures {

    private static final double CLICK_SLOP = 4;

    private final DiagramCanvas view;
    private final Canvas canvas;
    private final MainViewModel model;

    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;
    private String draggedNode;
    /** What the last single click hit: a double click acts on it, though selecting a node may have redrawn the picture since. */
    private Optional<Selection> firstClickHit = Optional.empty();

    private CanvasGestures(DiagramCanvas view, MainViewModel model) {
        this.view = view;
        this.canvas = view.canvas();
        this.model = model;
    }

    /** Makes {@code view}'s canvas answer the mouse. */
    static void attach(DiagramCanvas view, MainViewModel model) {
        CanvasGestures gestures = new CanvasGestures(view, model);
        Canvas canvas = view.canvas();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, gestures::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, gestures::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, gestures::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, gestures::hovered);
        canvas.addEventHandler(ScrollEvent.SCROLL, gestures::scrolled);
        canvas.setOnContextMenuRequested(gestures::contextMenu);
    }

    /** What is under a screen point: a node, else an edge near it (6 pixels at any zoom). */
    private Optional<Selection> hit(Point2D at) {
        return model.hit(at.getX(), at.getY(), 6 / view.scale());
    }

    /** Right click: what a double click does, for those who do not guess it, and opening and collapsing namespaces. */
    private void contextMenu(ContextMenuEvent event) {
        Point2D at = view.toDiagram(event.getX(), event.getY());
        Optional<Selection> hit = hit(at);
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
        fitItem.setOnAction(action -> view.fit());
        menu.getItems().addAll(all, fitItem);
        Workspace open = model.workspaceProperty().get();
        if (open != null && open.isAggregated()) {
            MenuItem expandAll = new MenuItem("Open every group or namespace");
            expandAll.setOnAction(action -> model.regrouping().expandAll());
            MenuItem collapseAll = new MenuItem("Collapse every namespace");
            collapseAll.setOnAction(action -> model.regrouping().collapseAll());
            menu.getItems().addAll(new SeparatorMenuItem(), expandAll, collapseAll);
        }
        menu.show(canvas, event.getScreenX(), event.getScreenY());
        event.consume();
    }

    private void pressed(MouseEvent event) {
        canvas.requestFocus();
        pressX = lastX = event.getX();
        pressY = lastY = event.getY();
        dragging = false;
        draggedNode = null;
        Diagram diagram = model.diagramProperty().get();
        if (diagram != null && event.getButton() == MouseButton.PRIMARY) {
            Point2D at = view.toDiagram(event.getX(), event.getY());
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
            model.moveNode(draggedNode, dx / view.scale(), dy / view.scale());
        } else {
            canvas.setCursor(Cursor.MOVE);
            view.pan(dx, dy);
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
        Point2D at = view.toDiagram(event.getX(), event.getY());
        Optional<Selection> hit = hit(at);
        if (event.getClickCount() >= 2) {
            doubleClicked(at, firstClickHit.isPresent() ? firstClickHit : hit);
            return;
        }
        firstClickHit = hit;
        if (hit.isPresent()) {
            model.selection().select(hit.get());
        } else {
            model.selection().clearSelection();
        }
    }

    private void doubleClicked(Point2D at, Optional<Selection> hit) {
        if (hit.isPresent() && hit.get() instanceof Selection.Node node) {
            if (model.node(node.id()).map(GraphNode::isCollapsed).orElse(false)) {
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
                view.fit();
            }
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
                .map(NamespaceBox::name);
    }

    private void hovered(MouseEvent event) {
        canvas.setCursor(hit(view.toDiagram(event.getX(), event.getY())).isPresent() ? Cursor.HAND : Cursor.DEFAULT);
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            view.zoomAround(event.getX(), event.getY(), Math.pow(1.0018, event.getDeltaY()));
        }
        event.consume();
    }
}

package io.netpolviz.ui;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramNote;
import io.netpolviz.layout.Rect;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The words at the end of the diagram's note ("96 more pairs are blocked; no rule names them —
 * show them") work as a link: a click on them shows every edge ({@link ViewFilter.EdgeFilter#ALL}),
 * and the pointer turns to a hand over them. It catches the mouse before the canvas' own gestures
 * do, so a click on the link neither selects, pans nor clears anything.
 */
final class NoteLink {

    /** How far around the words a click still counts, in screen pixels. */
    private static final double SLOP = 3;

    private final DiagramCanvas view;
    private final MainViewModel model;
    private boolean armed;

    private NoteLink(DiagramCanvas view, MainViewModel model) {
        this.view = view;
        this.model = model;
    }

    static void attach(DiagramCanvas view, MainViewModel model) {
        NoteLink link = new NoteLink(view, model);
        Canvas canvas = view.canvas();
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            link.armed = event.getButton() == MouseButton.PRIMARY && link.isOver(event);
            if (link.armed) {
                canvas.requestFocus();
                event.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> {
            if (link.armed) {
                event.consume();
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (link.armed) {
                link.armed = false;
                event.consume();
                if (link.isOver(event)) {
                    model.filters().showEdges(ViewFilter.EdgeFilter.ALL);
                }
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_MOVED, event -> {
            if (link.isOver(event)) {
                canvas.setCursor(Cursor.HAND);
                event.consume();
            }
        });
    }

    private boolean isOver(MouseEvent event) {
        return actionAt(model.diagramProperty().get(), view.toDiagram(event.getX(), event.getY()), SLOP / view.scale());
    }

    /** Whether a diagram point is on the note's action words, within {@code slop} diagram units. */
    static boolean actionAt(Diagram diagram, Point2D at, double slop) {
        if (diagram == null) {
            return false;
        }
        DiagramNote note = diagram.note();
        if (note.isEmpty() || !note.hasAction()) {
            return false;
        }
        Rect box = note.actionBounds();
        return at.getX() >= box.x() - slop && at.getX() <= box.maxX() + slop && at.getY() >= box.y() - slop && at.getY() <= box.maxY() + slop;
    }
}

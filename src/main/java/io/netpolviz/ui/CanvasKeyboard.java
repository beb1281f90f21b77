package io.netpolviz.ui;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.EdgePath;
import io.netpolviz.layout.Rect;
import io.netpolviz.view.DiagramNavigation;
import io.netpolviz.view.DiagramNavigation.Direction;
import io.netpolviz.view.Selection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * What the keyboard does on the diagram. The canvas takes focus (a click or Tab); Tab and
 * Shift+Tab walk its nodes and edges in reading order ({@link DiagramNavigation}) and leave it past
 * either end, the arrow keys go to the nearest one in their direction, Home and End to the first
 * and last; Enter (or Space) explains the focused one by selecting it, Esc clears the selection.
 * The focused element has a ring, and the canvas's accessible text says what it is, for screen
 * readers. Keys it does not use (PageUp and PageDown step a lesson) and keys with Ctrl, Alt or
 * Meta pass on untouched; so does Esc when there is nothing to clear.
 */
final class CanvasKeyboard {

    // The app's focus colour, as on every focused control, over a white halo that keeps it clear of
    // the ink outlines of the selection and the lit-up peers.
    private static final Color FOCUS = new Color(0x0072B2);
    private static final Color HALO = Color.WHITE;

    private final DiagramCanvas view;
    private final Canvas canvas;
    private final MainViewModel model;
    private final ReadOnlyObjectWrapper<Selection> focused = new ReadOnlyObjectWrapper<>(this, "focused");
    /** Whether the keyboard drives the diagram now: the rings show then, as focus rings do, not after a click. */
    private boolean keyboardInUse;

    private CanvasKeyboard(DiagramCanvas view, MainViewModel model) {
        this.view = view;
        this.canvas = view.canvas();
        this.model = model;
    }

    /** Makes {@code view}'s canvas answer the keyboard and speak to screen readers. */
    static CanvasKeyboard attach(DiagramCanvas view, MainViewModel model) {
        CanvasKeyboard keyboard = new CanvasKeyboard(view, model);
        Canvas canvas = view.canvas();
        canvas.setFocusTraversable(true);
        canvas.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        canvas.setAccessibleRoleDescription("network policy diagram");
        canvas.setAccessibleHelp("Tab and the arrow keys move between nodes and edges, Enter explains the one in focus, "
                + "Escape clears the selection.");
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, keyboard::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, event -> keyboard.keyboardInUse = false);
        canvas.focusedProperty().addListener((o, before, now) -> keyboard.focusChanged(now));
        model.selection().selectionProperty().addListener((o, before, after) -> keyboard.selectionChanged(after));
        model.diagramProperty().addListener((o, before, after) -> keyboard.diagramChanged(after));
        keyboard.speak();
        return keyboard;
    }

    /** The node or edge the keyboard is on, or null. */
    ReadOnlyObjectProperty<Selection> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- events

    private void pressed(KeyEvent event) {
        Diagram diagram = model.diagramProperty().get();
        if (diagram == null || event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) {
            return;
        }
        KeyCode code = event.getCode();
        keyboardInUse = keyboardInUse || code.isNavigationKey() || code == KeyCode.TAB || code == KeyCode.ENTER
                || code == KeyCode.SPACE || code == KeyCode.ESCAPE;
        switch (code) {
            case TAB -> {
                Optional<Selection> next = DiagramNavigation.next(diagram, focused.get(), event.isShiftDown());
                if (next.isPresent()) {
                    moveTo(next.get());
                    event.consume();
                } else {
                    // Past the last (or first) element, Tab leaves the diagram for the next control.
                    moveTo(null);
                }
            }
            case LEFT, KP_LEFT -> arrow(diagram, Direction.LEFT, event);
            case RIGHT, KP_RIGHT -> arrow(diagram, Direction.RIGHT, event);
            case UP, KP_UP -> arrow(diagram, Direction.UP, event);
            case DOWN, KP_DOWN -> arrow(diagram, Direction.DOWN, event);
            case HOME, END -> {
                var order = DiagramNavigation.readingOrder(diagram);
                if (!order.isEmpty()) {
                    moveTo(order.get(code == KeyCode.HOME ? 0 : order.size() - 1).selection());
                }
                event.consume();
            }
            case ENTER, SPACE -> {
                if (focused.get() != null) {
                    model.selection().select(focused.get());
                    event.consume();
                }
            }
            case ESCAPE -> {
                if (!(model.selection().selectionProperty().get() instanceof Selection.Nothing)) {
                    Selection keep = focused.get();
                    model.selection().clearSelection();
                    moveTo(keep);
                    event.consume();
                }
            }
            default -> {
                // PageUp, PageDown and the rest belong to others.
            }
        }
    }

    private void arrow(Diagram diagram, Direction direction, KeyEvent event) {
        DiagramNavigation.toward(diagram, focused.get(), direction).ifPresent(this::moveTo);
        // Consumed even at the edge of the picture, or JavaFX would move the focus to another control.
        event.consume();
    }

    private void focusChanged(boolean now) {
        keyboardInUse = now && (keyboardInUse || canvas.isFocusVisible());
        if (now && canvas.isFocusVisible() && focused.get() == null) {
            // Tabbed in: land on the selection, else on the first element, so the ring shows where the keys act.
            Diagram diagram = model.diagramProperty().get();
            Selection selected = model.selection().selectionProperty().get();
            if (diagram != null) {
                Optional<Selection> start = DiagramNavigation.element(diagram, selected).map(DiagramNavigation.Element::selection)
                        .or(() -> DiagramNavigation.next(diagram, null, false));
                start.ifPresent(this::moveTo);
            }
        }
        view.paint();
    }

    /** The keyboard follows what the mouse, a link or a warning selected; a cleared selection leaves nothing in focus. */
    private void selectionChanged(Selection selection) {
        if (selection instanceof Selection.Node || selection instanceof Selection.Edge) {
            focused.set(selection instanceof Selection.Edge edge ? new Selection.Edge(edge.key()) : selection);
        } else {
            focused.set(null);
        }
        speak();
    }

    private void diagramChanged(Diagram diagram) {
        if (diagram == null || focused.get() != null && DiagramNavigation.element(diagram, focused.get()).isEmpty()) {
            focused.set(null);
        }
        speak();
    }

    private void moveTo(Selection target) {
        focused.set(target);
        speak();
        if (target != null) {
            reveal(target);
        }
        view.paint();
    }

    /** Pans so the focused element is on screen, when it is not. */
    private void reveal(Selection target) {
        Diagram diagram = model.diagramProperty().get();
        Optional<DiagramNavigation.Element> element = diagram == null ? Optional.empty() : DiagramNavigation.element(diagram, target);
        if (element.isEmpty()) {
            return;
        }
        Rect bounds = element.get().bounds();
        javafx.geometry.Point2D topLeft = view.toScreen(bounds.x(), bounds.y());
        javafx.geometry.Point2D bottomRight = view.toScreen(bounds.maxX(), bounds.maxY());
        double margin = 24;
        double dx = topLeft.getX() < margin ? margin - topLeft.getX()
                : bottomRight.getX() > canvas.getWidth() - margin ? canvas.getWidth() - margin - bottomRight.getX() : 0;
        double dy = topLeft.getY() < margin ? margin - topLeft.getY()
                : bottomRight.getY() > canvas.getHeight() - margin ? canvas.getHeight() - margin - bottomRight.getY() : 0;
        if (dx != 0 || dy != 0) {
            view.pan(dx, dy);
        }
    }

    /** The canvas's accessible text: the element in focus, else what the diagram is. */
    private void speak() {
        Diagram diagram = model.diagramProperty().get();
        if (diagram == null) {
            canvas.setAccessibleText("Diagram: nothing open");
        } else if (focused.get() != null) {
            canvas.setAccessibleText(DiagramNavigation.spoken(diagram, focused.get()));
        } else {
            long nodes = diagram.nodes().stream().filter(node -> !node.hidden()).count();
            long edges = diagram.edges().stream().filter(edge -> !edge.hidden()).count();
            canvas.setAccessibleText("Diagram " + diagram.title() + ": " + nodes + " nodes, " + edges + " edges. "
                    + "Tab moves between them.");
        }
    }

    // ---------------------------------------------------------------- painting

    /**
     * Draws the focus ring around the element in focus and a frame around the diagram while it has
     * the keyboard, on {@code graphics} in diagram units at {@code scale}.
     */
    void paint(Graphics2D graphics, Diagram diagram, double scale) {
        if (!canvas.isFocused() || !keyboardInUse) {
            return;
        }
        float unit = (float) (1 / scale);
        if (focused.get() != null) {
            DiagramNavigation.element(diagram, focused.get()).ifPresent(element -> {
                Rect box = element.bounds();
                // A node's ring stands clear of its selection outline; an edge's hugs its label.
                double grow = (focused.get() instanceof Selection.Node ? 13 : 6) * Math.max(1, unit);
                RoundRectangle2D ring = new RoundRectangle2D.Double(box.x() - grow, box.y() - grow, box.width() + 2 * grow,
                        box.height() + 2 * grow, 16 * Math.max(1, unit), 16 * Math.max(1, unit));
                graphics.setColor(HALO);
                graphics.setStroke(new BasicStroke(9 * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                graphics.draw(ring);
                graphics.setColor(FOCUS);
                graphics.setStroke(new BasicStroke(4.5f * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                graphics.draw(ring);
                if (focused.get() instanceof Selection.Edge edge) {
                    diagram.edge(edge.key()).filter(path -> path.chip() == null).ifPresent(path -> markRoute(graphics, path, unit));
                }
            });
        }
        Point2D.Double from = new Point2D.Double(view.toDiagram(0, 0).getX(), view.toDiagram(0, 0).getY());
        double inset = 1.5 * unit;
        graphics.setColor(FOCUS);
        graphics.setStroke(new BasicStroke(3 * unit));
        graphics.draw(new Rectangle2D.Double(from.x + inset, from.y + inset, canvas.getWidth() * unit - 2 * inset,
                canvas.getHeight() * unit - 2 * inset));
    }

    /** An edge without a label: its whole route is drawn over in the focus colour. */
    private static void markRoute(Graphics2D graphics, EdgePath path, float unit) {
        java.awt.geom.Path2D.Double line = new java.awt.geom.Path2D.Double();
        line.moveTo(path.route().get(0).x(), path.route().get(0).y());
        for (int i = 1; i < path.route().size(); i++) {
            line.lineTo(path.route().get(i).x(), path.route().get(i).y());
        }
        graphics.setColor(FOCUS);
        graphics.setStroke(new BasicStroke(4 * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(line);
    }
}

package io.netpolviz.ui;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.NodeBox;
import io.netpolviz.layout.Rect;
import io.netpolviz.render.DiagramPainter;
import io.netpolviz.render.Theme;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * The diagram on a JavaFX canvas, painted by the same {@link DiagramPainter} as the PNG and SVG
 * exports (into an image, see {@link CanvasRaster}), so the screen and the files look alike,
 * with the selection and the flash of changed edges drawn over it ({@link CanvasHighlights}). It
 * keeps the zoom and the pan; the mouse is {@link CanvasGestures}', the keyboard and the focus ring
 * {@link CanvasKeyboard}'s.
 */
final class DiagramCanvas extends Region {

    private static final double MIN_SCALE = 0.08;
    private static final double MAX_SCALE = 6;

    private final MainViewModel model;
    private final Canvas canvas = new Canvas();
    private final CanvasRaster raster = new CanvasRaster();
    private final CanvasHighlights highlights = new CanvasHighlights(this::paint);
    private final CanvasKeyboard keyboard;

    /** Screen = diagram × scale + offset. */
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitWanted = true;
    /** Whether the view is as the last fit left it: then a new size of the canvas (panels folding away) fits again. */
    private boolean fitted;
    private String fittedShape = "";

    DiagramCanvas(MainViewModel model) {
        this.model = model;
        canvas.setId("diagramCanvas");
        canvas.setFocusTraversable(true);
        getChildren().add(canvas);
        getStyleClass().add("diagram-view");

        model.evaluationProperty().addListener((o, before, after) -> {
            // A new picture is fitted to the window; a toggle, a step or a reload of the same shape stays put.
            if (after != null && !shapeOf(after.diagram()).equals(fittedShape)) {
                fittedShape = shapeOf(after.diagram());
                fitWanted = true;
            }
        });
        model.diagramProperty().addListener((o, before, after) -> paint());
        model.themeProperty().addListener((o, before, after) -> paint());
        model.selection().detailsProperty().addListener((o, before, after) -> paint());
        model.attack().overlayProperty().addListener((o, before, after) -> paint());
        model.flashProperty().addListener((o, before, after) -> highlights.startFlash(after.edgeKeys()));
        model.regrouping().regroupedProperty().addListener((o, before, after) -> showRegrouped());
        NoteLink.attach(this, model);
        CanvasGestures.attach(this, model);
        keyboard = CanvasKeyboard.attach(this, model);
    }

    /** What decides whether a new picture needs a new fit: its title, fonts and nodes. */
    private static String shapeOf(Diagram layout) {
        return layout.title() + "|" + layout.typography() + "|" + layout.nodes().stream().map(NodeBox::id).sorted().toList();
    }

    @Override
    protected void layoutChildren() {
        double width = Math.max(1, getWidth());
        double height = Math.max(1, getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            fitWanted |= fitted;
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
        fitted = true;
        paint();
    }

    void zoomBy(double factor) {
        zoomAround(canvas.getWidth() / 2, canvas.getHeight() / 2, factor);
    }

    void zoomAround(double screenX, double screenY, double factor) {
        double newScale = clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        double applied = newScale / scale;
        offsetX = screenX - (screenX - offsetX) * applied;
        offsetY = screenY - (screenY - offsetY) * applied;
        scale = newScale;
        fitted = false;
        paint();
    }

    /** Moves the drawing by a drag of the background, in screen units. */
    void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
        fitted = false;
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

    CanvasKeyboard keyboard() {
        return keyboard;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * After an expansion or a collapse, the whole new picture, fitted: what opened is seen among
     * what it connects to, and nothing of the new picture lies off screen.
     */
    private void showRegrouped() {
        fit();
    }

    // ---------------------------------------------------------------- painting

    /** Whether edges are flashing now, for tests. */
    boolean isFlashing() {
        return highlights.isFlashing();
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
        Graphics2D graphics = raster.begin((int) Math.ceil(canvas.getWidth() * pixels), (int) Math.ceil(canvas.getHeight() * pixels),
                theme.canvas());
        try {
            graphics.scale(pixels, pixels);
            graphics.transform(new AffineTransform(scale, 0, 0, scale, offsetX, offsetY));
            DiagramPainter.paint(diagram, graphics, theme);
            highlights.paint(graphics, diagram, model.selection().detailsProperty().get(), model.attack().overlayProperty().get(), theme, scale);
            if (keyboard != null) {
                keyboard.paint(graphics, diagram, scale);
            }
        } finally {
            graphics.dispose();
        }
        raster.drawOn(gc, canvas.getWidth(), canvas.getHeight());
    }

    private static javafx.scene.paint.Color toFx(Color color) {
        return javafx.scene.paint.Color.rgb(color.getRed(), color.getGreen(), color.getBlue(), color.getAlpha() / 255.0);
    }
}

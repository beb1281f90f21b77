package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.awaitIdle;
import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.layout.Rect;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import io.netpolviz.scale.GeneratedCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a collapsed namespace of a summed-up cluster fits the whole new picture to the window, however the view was zoomed. */
@ExtendWith(ApplicationExtension.class)
class ExpansionFitDesktopTest {

    private static final GeneratedCluster CLUSTER = ClusterGenerator.generate(new ClusterShape(1000, 160, 4, 2, false));

    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model(paths -> CLUSTER.snapshot());
        window = new MainWindow(model, stage, null);
        window.show();
        model.open(List.of(Path.of("cluster")));
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void expandingACollapsedNamespaceFitsTheNewPicture() throws Exception {
        awaitIdle(model);
        String collapsed = fx(() -> model.workspaceProperty().get().frame().nodes().stream().filter(GraphNode::isCollapsed)
                .map(GraphNode::id).findFirst().orElseThrow());
        // The user zoomed in and panned away before opening the namespace.
        fx(() -> {
            window.diagram().fit();
            window.diagram().zoomBy(4);
            window.diagram().pan(-300, -200);
            return null;
        });
        fx(() -> {
            model.regrouping().expand(collapsed);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> model.diagramProperty().get().node(collapsed).isEmpty()));
        awaitIdle(model);

        Rect bounds = fx(() -> model.diagramProperty().get().bounds());
        Point2D topLeft = fx(() -> window.diagram().toScreen(bounds.x(), bounds.y()));
        Point2D bottomRight = fx(() -> window.diagram().toScreen(bounds.maxX(), bounds.maxY()));
        double width = fx(() -> window.diagram().canvas().getWidth());
        double height = fx(() -> window.diagram().canvas().getHeight());
        assertTrue(topLeft.getX() >= -1 && topLeft.getY() >= -1 && bottomRight.getX() <= width + 1 && bottomRight.getY() <= height + 1,
                "the whole picture is on the canvas: " + topLeft + " to " + bottomRight + " on " + width + "\u00D7" + height);
        boolean fillsOneSide = bottomRight.getX() - topLeft.getX() > 0.9 * (width - 24) || bottomRight.getY() - topLeft.getY() > 0.9 * (height - 24);
        assertTrue(fillsOneSide || fx(() -> window.diagram().scale()) >= 2.0 - 1e-9, "and it is fitted, not left small");
    }

}

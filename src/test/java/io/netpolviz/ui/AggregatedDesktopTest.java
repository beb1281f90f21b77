package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;
import static io.netpolviz.ui.DesktopWindows.awaitIdle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.layout.NamespaceBox;
import io.netpolviz.layout.Rect;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A generated cluster of hundreds of workloads in the real window, headless: it opens collapsed and opens on a double click. */
@ExtendWith(ApplicationExtension.class)
class AggregatedDesktopTest {

    private MainViewModel model;
    private MainWindow window;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("netpolviz-aggregated-");
        ClusterGenerator.generate(new ClusterShape(1000, 160, 4, 2, false)).writeTo(folder);
        model = DesktopWindows.model();
        window = new MainWindow(model, stage, null);
        window.show();
        NetPolVizApp.openInitial(model, List.of(folder.toString()));
    }

    @BeforeEach
    void waitForTheCluster() throws Exception {
        awaitIdle(model);
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void doubleClickingACollapsedNamespaceOpensItAndDoubleClickingItsTitleClosesIt(FxRobot robot) throws Exception {
        String namespace = fx(() -> model.workspaceProperty().get().frame().nodes().stream().filter(GraphNode::isCollapsed)
                .map(GraphNode::name).filter(name -> name.startsWith("payments")).findFirst().orElseThrow());
        assertTrue(fx(() -> model.diagramProperty().get().namespaces().isEmpty()));
        Rect node = fx(() -> model.diagramProperty().get().node("ns:" + namespace).orElseThrow().bounds());
        // Settle the view first: the first picture is fitted to the canvas once the canvas has its size.
        fx(() -> {
            window.diagram().fit();
            return null;
        });
        doubleClickUntil(robot, screenPoint(node.centerX(), node.centerY()),
                () -> fx(() -> model.diagramProperty().get().namespace(namespace).isPresent()));
        awaitIdle(model);
        NamespaceBox box = fx(() -> model.diagramProperty().get().namespace(namespace).orElseThrow());
        assertTrue(fx(() -> model.diagramProperty().get().node("ns:" + namespace).isEmpty()));
        assertTrue(fx(() -> model.workspaceProperty().get().frame().nodes().stream()
                .anyMatch(n -> n.isPart() && n.namespace().equals(namespace))), "it opens into its tiers");
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Opened namespace " + namespace),
                robot.lookup("#status").queryAs(Label.class).getText());
        // The view moved to the opened namespace: its box is on the canvas.
        Point2D corner = fx(() -> window.diagram().toScreen(box.bounds().centerX(), box.bounds().centerY()));
        assertTrue(corner.getX() > 0 && corner.getX() < fx(() -> window.diagram().canvas().getWidth()), corner.toString());

        Rect title = box.bounds();
        doubleClickUntil(robot, screenPoint(title.x() + box.sideInset() + 4, title.y() + box.topInset() / 2),
                () -> fx(() -> model.diagramProperty().get().node("ns:" + namespace).isPresent()));
        awaitIdle(model);
        assertTrue(fx(() -> model.diagramProperty().get().node("ns:" + namespace).isPresent()), "closed again");
        assertFalse(fx(() -> model.diagramProperty().get().namespace(namespace).isPresent()));
    }

    /**
     * Double-clicks until {@code done} holds, three times at most. On a loaded machine the robot's
     * two clicks can arrive further apart than the platform's double-click interval and count as
     * two single clicks (a selection); the gesture is then simply made again, as a user would.
     */
    private void doubleClickUntil(FxRobot robot, Point2D at, java.util.concurrent.Callable<Boolean> done) throws Exception {
        for (int attempt = 1; ; attempt++) {
            robot.doubleClickOn(at, MouseButton.PRIMARY);
            try {
                WaitForAsyncUtils.waitFor(attempt < 3 ? 20 : 60, TimeUnit.SECONDS, done);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                awaitIdle(model);
            }
        }
    }

    private Point2D screenPoint(double diagramX, double diagramY) throws Exception {
        return fx(() -> window.diagram().canvas().localToScreen(window.diagram().toScreen(diagramX, diagramY)));
    }

}

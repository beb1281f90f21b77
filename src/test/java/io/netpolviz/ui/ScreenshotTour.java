package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;

import io.netpolviz.graph.ViewFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;

/**
 * Opens a folder in the real window and takes it through a few steps, for a person (or
 * {@code import -window root}) to look at under a display: the steps are {@code expand NODE},
 * {@code collapse NAMESPACE}, {@code select-edge KEY}, {@code select-node ID}, {@code toggle NAMESPACE/POLICY}, {@code allowed-only}, {@code step N}, {@code presentation},
 * {@code ask allow|block} (clicks "How do I allow/block this?" under the diagram), {@code add-draft} (clicks "Add as draft
 * policy" in the answer's window), {@code narrower} (shows the narrower change), {@code reach NODE} (the attacker's view
 * from a workload or {@code ext:internet}), {@code paths-to NODE} (the paths from that start, and the cut), {@code menu ID}
 * (fires the menu item with that id, without waiting for a dialog it opens), {@code click ID}
 * (fires the button with that id, wherever it is on screen),
 * {@code compare FOLDER} (File → Compare with → Folder), {@code compare-git REVISION}, {@code export FILE} (PNG or SVG),
 * {@code fail TEXT} (a bug on the JavaFX thread: the error window opens), {@code where NODE} (prints the node's centre on the screen, for {@code xdotool}) and
 * {@code pause SECONDS}. Prints {@code READY} when done and stays open until killed. Not a test:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/test-classes:target/netpolviz.jar \
 *     io.netpolviz.ui.ScreenshotTour /tmp/cluster-L expand group:team=payments select-edge 'group:team=orders->group:team=payments'
 * </pre>
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        record Open(MainViewModel model, MainWindow window) {
        }
        Open open = onFx(() -> {
            PictureWarmUp.start();
            Stage stage = new Stage();
            MainViewModel model = new MainViewModel(BackgroundWork.withWorkerThread(Platform::runLater), Lessons.loader(),
                    Lessons.scratchRecents(), false);
            MainWindow created = new MainWindow(model, stage, null);
            stage.setMaximized(true);
            created.show();
            model.open(List.of(Path.of(args[0])));
            return new Open(model, created);
        });
        MainViewModel model = open.model();
        MainWindow window = open.window();
        awaitIdle(model);
        for (int i = 1; i < args.length; i++) {
            String step = args[i];
            String argument = i + 1 < args.length ? args[i + 1] : "";
            switch (step) {
                case "expand" -> run(model, m -> m.regrouping().expand(argument));
                case "collapse" -> run(model, m -> m.regrouping().collapseNamespace(argument));
                case "select-edge" -> run(model, m -> m.selection().selectEdge(argument));
                case "select-node" -> run(model, m -> m.selection().selectNode(argument));
                case "toggle" -> run(model, m -> m.switches().toggle(io.netpolviz.model.PolicyId.parse(argument)));
                case "allowed-only" -> run(model, m -> m.filters().showEdges(ViewFilter.EdgeFilter.ALLOWED));
                case "step" -> run(model, m -> m.lesson().goToStep(Integer.parseInt(argument)));
                case "presentation" -> run(model, m -> m.setPresentation(true));
                case "compare" -> run(model, m -> m.compare().compareWithFolder(List.of(Path.of(argument))));
                case "compare-git" -> run(model, m -> m.compare().compareWithGitRevision(argument));
                case "export" -> run(model, m -> m.exporter().export(Path.of(argument)));
                case "where" -> {
                    Point2D at = onFx(() -> {
                        var box = model.diagramProperty().get().node(argument).orElseThrow().bounds();
                        return window.diagram().canvas().localToScreen(window.diagram().toScreen(box.centerX(), box.centerY()));
                    });
                    System.out.printf("WHERE %s %d %d%n", argument, Math.round(at.getX()), Math.round(at.getY()));
                }
                case "ask" -> click(argument.equals("block") ? "#askBlock" : "#askAllow", model);
                case "add-draft" -> click("#addDraft", model);
                case "reach" -> run(model, m -> m.attack().reachFrom(argument));
                case "paths-to" -> run(model, m -> m.attack().pathsTo(argument));
                case "hops" -> run(model, m -> m.attack().maxHopsProperty().set(Integer.parseInt(argument)));
                case "narrower" -> click("#showNarrower", model);
                case "click" -> click("#" + argument, model);
                // A menu item may open a dialog that waits (Help → About): fired later, never waited for.
                case "menu" -> javafx.application.Platform.runLater(() -> javafx.stage.Window.getWindows().stream()
                        .filter(shown -> shown.getScene() != null)
                        .flatMap(shown -> shown.getScene().getRoot().lookupAll(".menu-bar").stream())
                        .flatMap(bar -> ((javafx.scene.control.MenuBar) bar).getMenus().stream())
                        .flatMap(menu -> menu.getItems().stream())
                        .filter(item -> argument.equals(item.getId()))
                        .findFirst().ifPresent(javafx.scene.control.MenuItem::fire));
                // A bug on the JavaFX thread, as the app meets it: the error window opens over the main one.
                case "fail" -> javafx.application.Platform.runLater(() -> {
                    FailureReporting.install(javafx.stage.Window.getWindows().get(0));
                    javafx.application.Platform.runLater(() -> {
                        throw new IllegalStateException("a bug the screenshot tour planted: " + argument);
                    });
                });
                case "pause" -> Thread.sleep((long) (Double.parseDouble(argument) * 1000));
                default -> {
                    System.err.println("unknown step " + step);
                    continue;
                }
            }
            if (!List.of("allowed-only", "presentation", "add-draft", "narrower").contains(step)) {
                i++;
            }
            System.out.println("DONE " + step + " " + argument + ": " + onFx(() -> model.statusProperty().get()));
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void run(MainViewModel model, java.util.function.Consumer<MainViewModel> command) throws Exception {
        onFx(() -> {
            command.accept(model);
            return null;
        });
        awaitIdle(model);
    }

    /** Fires the button {@code id} in whichever window shows it, as a click would. */
    private static void click(String id, MainViewModel model) throws Exception {
        onFx(() -> {
            for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
                if (window.getScene() != null && window.getScene().lookup(id) instanceof javafx.scene.control.Button button) {
                    button.fire();
                    return null;
                }
            }
            throw new IllegalStateException("no button " + id + " on screen");
        });
        awaitIdle(model);
    }

    private static void awaitIdle(MainViewModel model) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Thread.sleep(300);
        while (System.nanoTime() < deadline) {
            boolean idle = onFx(() -> model.evaluationProperty().get() != null && !model.busyProperty().get());
            if (idle) {
                Thread.sleep(2000); // let the flash and the zoom settle
                return;
            }
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return OnFx.call(work, 5, TimeUnit.MINUTES);
    }
}

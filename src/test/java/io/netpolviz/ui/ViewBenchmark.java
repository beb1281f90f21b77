package io.netpolviz.ui;

import io.netpolviz.view.Evaluated;
import io.netpolviz.view.PolicyRow;
import io.netpolviz.view.Workspace;
import io.netpolviz.view.WorkspaceLoader;
import io.netpolviz.app.BackgroundWork;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.model.PolicyId;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures the desktop app on a large cluster, in a real window: the time from the open command
 * to the first picture on screen, what a toggle costs until the restyled picture is on screen
 * (evaluation, projection and restyle on the worker, then delivery, paint and the next pulse on
 * the JavaFX thread) when clicks come a few seconds apart and when they come in quick succession,
 * after as many warm-up clicks, what an expansion costs (a new layout), and the heap in use. Not a test:
 * run it under a display, for example
 *
 * <pre>
 * mvn -B -o -q -DskipTests package test-compile
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/test-classes:target/netpolviz.jar \
 *     io.netpolviz.ui.ViewBenchmark /tmp/cluster-L [toggles] [seed]
 * </pre>
 *
 * With {@code -Dnetpolviz.bench.launch=true} it starts as the app does when launched with the
 * folder on the command line ({@link WorkspaceLoader#beginAhead}: the folder is read, compiled,
 * grouped and laid out while JavaFX starts);
 * without, the folder is read only when the open command comes, as with File &gt; Open. It prints
 * one line per figure and a JSON line with all of them.
 */
public final class ViewBenchmark {

    private static final long TIMEOUT_SECONDS = 300;
    /** Time between toggles: long enough for the last toggle's flash (1.6 s) to end, as when a person reads the picture first. */
    private static final long CALM_PAUSE_MILLIS = 2500;
    /** Time between toggles when clicking one box after another. */
    private static final long RAPID_PAUSE_MILLIS = 300;
    /** A rest after the warm-up clicks, for the JIT to finish compiling what they ran. */
    private static final long JIT_REST_MILLIS = Long.getLong("netpolviz.bench.restMillis", 40_000);

    /** When the worker last started a job, and how long hand-overs to the JavaFX thread last waited. */
    private static volatile long workerStartedAt;
    private static final List<Double> HANDOVER_WAITS = java.util.Collections.synchronizedList(new ArrayList<>());

    private static final java.util.concurrent.ExecutorService WORKER = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(null, runnable, "netpolviz-worker", io.netpolviz.layout.DiagramLayout.THREAD_STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    /** The app's worker (one thread, a deep stack), noting when each job starts. */
    private static final java.util.concurrent.Executor TIMED_WORKER = runnable -> WORKER.execute(() -> {
        if (workerStartedAt == 0) {
            workerStartedAt = System.nanoTime();
        }
        runnable.run();
    });

    /** {@code Platform::runLater}, noting how long each hand-over waits for the JavaFX thread. */
    private static final java.util.concurrent.Executor TIMED_UI = runnable -> {
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            HANDOVER_WAITS.add((System.nanoTime() - posted) / 1e6);
            runnable.run();
        });
    };

    private final MainViewModel model;
    private final MainWindow window;
    /** When the last awaited evaluation reached the JavaFX thread. */
    private volatile long deliveredAt;

    private ViewBenchmark(MainViewModel model, MainWindow window) {
        this.model = model;
        this.window = window;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ViewBenchmark FOLDER [toggles] [seed]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int toggles = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        // As launched with the folder on the command line: reading starts before JavaFX does.
        // Without it, as File > Open in a started app: the open command reads from scratch.
        boolean launched = Boolean.getBoolean("netpolviz.bench.launch");
        WorkspaceLoader loader = new WorkspaceLoader(Lessons.loader());
        if (launched) {
            loader.beginAhead(WorkspaceLoader.freshOpen(List.of(folder)));
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ViewBenchmark bench = onFx(() -> {
            // As the app does when it starts.
            PictureWarmUp.start();
            Stage stage = new Stage();
            MainViewModel model = new MainViewModel(new BackgroundWork(TIMED_WORKER, TIMED_UI), loader,
                    Lessons.scratchRecents(), false, java.time.ZoneId.systemDefault());
            MainWindow window = new MainWindow(model, stage, null);
            stage.setWidth(1600);
            stage.setHeight(1000);
            window.show();
            return new ViewBenchmark(model, window);
        });
        try {
            bench.run(folder, toggles, seed, jvmStart);
        } finally {
            onFx(() -> {
                bench.model.close();
                bench.window.stage().close();
                return null;
            });
            Platform.exit();
        }
    }

    private void run(Path folder, int toggles, long seed, long jvmStart) throws Exception {
        // The first picture: from the open command to the first pulse that shows a diagram.
        long openStart = System.nanoTime();
        long sinceLaunch = System.currentTimeMillis() - jvmStart;
        double firstPicture = awaitPicture(() -> model.open(List.of(folder)), openStart);
        String status = onFx(() -> model.statusProperty().get());
        Workspace open = onFx(() -> model.workspaceProperty().get());
        int nodes = open.frame().nodes().size();
        int edges = open.frame().edges().size();
        report("first picture after open", "%.0f ms (%d boxes, %d edges; status: %s)", firstPicture, nodes, edges, status);
        report("JVM start to open command", "%d ms", sinceLaunch);
        long launchToPicture = sinceLaunch + Math.round(firstPicture);
        report("JVM start to first picture", "%d ms (%s)", launchToPicture,
                Boolean.getBoolean("netpolviz.bench.launch") ? "as launched with the folder: loaded while JavaFX starts"
                        : "as opened in a started app: read after the open command");

        // How long a hand-over to the JavaFX thread waits when nothing is going on: what the window system adds to everything.
        List<Double> idleHandover = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(100);
            long posted = System.nanoTime();
            idleHandover.add(onFx(() -> (System.nanoTime() - posted) / 1e6));
        }
        report("hand-over to an idle JavaFX thread", "p50 %.1f ms, max %.1f ms", percentile(idleHandover, 50),
                percentile(idleHandover, 100));

        // Toggles: each measured from the click's command to the restyled picture on screen.
        List<PolicyId> policies = onFx(() -> model.switches().policies().stream().filter(row -> row instanceof PolicyRow.PolicySwitch)
                .map(row -> ((PolicyRow.PolicySwitch) row).id()).toList());
        Random random = new Random(seed);
        List<Double> screen = new ArrayList<>();
        List<Double> rapid = new ArrayList<>();
        List<Double> worker = new ArrayList<>();
        List<Double> paint = new ArrayList<>();
        List<Double> fxSide = new ArrayList<>();
        List<Double> workerTotal = new ArrayList<>();
        List<Double> toCommand = new ArrayList<>();
        List<Double> toWorker = new ArrayList<>();
        List<Double> handover = new ArrayList<>();
        // Three series of the same length: warm-up (quick clicks, then a rest while the JIT compiles
        // what they ran), measured calm clicks (the picture read in between), measured quick clicks.
        int warmUp = 2 * toggles;
        for (int i = 0; i < warmUp + 2 * toggles; i++) {
            PolicyId policy = policies.get(random.nextInt(policies.size()));
            boolean calm = i >= warmUp && i < warmUp + toggles;
            if (i == warmUp) {
                Thread.sleep(JIT_REST_MILLIS);
            }
            Thread.sleep(calm ? CALM_PAUSE_MILLIS : RAPID_PAUSE_MILLIS);
            long start = System.nanoTime();
            HANDOVER_WAITS.clear();
            workerStartedAt = 0;
            long[] commandRanAt = new long[1];
            double shown = awaitPicture(() -> {
                commandRanAt[0] = System.nanoTime();
                model.switches().toggle(policy);
            }, start);
            if (i < warmUp) {
                continue;
            }
            if (!calm) {
                rapid.add(shown);
                continue;
            }
            if (Boolean.getBoolean("netpolviz.bench.verbose")) {
                System.out.printf(Locale.ROOT, "  toggle %s: %.1f ms (command waited %.1f, changed edges %d)%n", policy, shown,
                        (commandRanAt[0] - start) / 1e6, onFx(() -> model.flashProperty().get().edgeKeys().size()));
            }
            toCommand.add((commandRanAt[0] - start) / 1e6);
            toWorker.add((workerStartedAt - commandRanAt[0]) / 1e6);
            synchronized (HANDOVER_WAITS) {
                handover.add(HANDOVER_WAITS.isEmpty() ? 0 : HANDOVER_WAITS.get(0));
            }
            screen.add(shown);
            fxSide.add(shown - (deliveredAt - start) / 1e6);
            worker.add(onFx(() -> model.evaluationProperty().get().millis()));
            workerTotal.add(onFx(() -> model.evaluationProperty().get().totalMillis()));
            paint.add(onFx(() -> {
                long before = System.nanoTime();
                window.diagram().paint();
                return (System.nanoTime() - before) / 1e6;
            }));
        }
        report("toggle, command to picture on screen", "p50 %.1f ms, p90 %.1f ms, max %.1f ms over %d toggles %.1f s apart",
                percentile(screen, 50), percentile(screen, 90), percentile(screen, 100), screen.size(), CALM_PAUSE_MILLIS / 1000.0);
        report("  the same, clicking 0.3 s apart", "p50 %.1f ms, p90 %.1f ms, max %.1f ms over %d toggles",
                percentile(rapid, 50), percentile(rapid, 90), percentile(rapid, 100), rapid.size());
        report("  of which evaluation + projection + restyle (worker)", "p50 %.1f ms, max %.1f ms", percentile(worker, 50),
                percentile(worker, 100));
        report("  the worker's whole job (with lint and policy list)", "p50 %.1f ms, max %.1f ms", percentile(workerTotal, 50),
                percentile(workerTotal, 100));
        report("  waits: for the JavaFX thread to run the command", "p50 %.1f ms, max %.1f ms", percentile(toCommand, 50),
                percentile(toCommand, 100));
        report("  waits: command to the worker starting", "p50 %.1f ms, max %.1f ms", percentile(toWorker, 50), percentile(toWorker, 100));
        report("  waits: the result's hand-over to the JavaFX thread", "p50 %.1f ms, max %.1f ms", percentile(handover, 50),
                percentile(handover, 100));
        report("  of which delivery to next pulse (JavaFX thread)", "p50 %.1f ms, max %.1f ms", percentile(fxSide, 50),
                percentile(fxSide, 100));
        report("  of which one paint of the canvas", "p50 %.1f ms, max %.1f ms", percentile(paint, 50), percentile(paint, 100));

        // Expansions are new pictures: laid out again, off the JavaFX thread.
        List<String> expansions = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int level = 0; level < 3; level++) {
            int depth = level;
            // A group, then one of its namespaces, then that namespace's smallest part: one path down.
            String target = onFx(() -> model.workspaceProperty().get().frame().nodes().stream()
                    .filter(GraphNode::isCollapsed).filter(node -> depth == 0 || !seen.contains(node.id()))
                    .filter(node -> !node.name().equals("kube-system") && !node.name().equals("monitoring"))
                    .filter(node -> depth == 0 ? node.namespaces() > 1 : depth == 1 ? node.namespaces() == 1 : node.isPart())
                    .min(java.util.Comparator.comparingInt(GraphNode::workloads).thenComparing(GraphNode::id))
                    .map(GraphNode::id).orElse(null));
            onFx(() -> model.workspaceProperty().get().frame().nodes().stream().map(GraphNode::id).toList()).forEach(seen::add);
            if (target == null) {
                continue;
            }
            long start = System.nanoTime();
            double shown = awaitPicture(() -> model.regrouping().expand(target), start);
            Workspace after = onFx(() -> model.workspaceProperty().get());
            if (Double.isNaN(shown)) {
                String why = onFx(() -> model.statusProperty().get());
                expansions.add(String.format(Locale.ROOT, "{\"node\":\"%s\",\"refused\":true}", target));
                report("expand " + target, "refused: %s", why);
                break;
            }
            expansions.add(String.format(Locale.ROOT, "{\"node\":\"%s\",\"ms\":%.0f,\"boxes\":%d,\"edges\":%d}", target, shown,
                    after.frame().nodes().size(), after.frame().edges().size()));
            report("expand " + target, "%.0f ms to the new picture (%d boxes, %d edges)", shown, after.frame().nodes().size(),
                    after.frame().edges().size());
        }

        System.gc();
        Thread.sleep(200);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        double heapMb = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
        report("heap in use with the cluster open", "%.0f MB (max heap %.0f MB)", heapMb, runtime.maxMemory() / 1e6);
        System.out.printf(Locale.ROOT, "{\"folder\":\"%s\",\"launched\":%b,\"launchToPictureMs\":%d,\"firstPictureMs\":%.0f,\"boxes\":%d,\"edges\":%d,"
                        + "\"toggleScreenP50Ms\":%.1f,\"toggleScreenP90Ms\":%.1f,\"toggleScreenMaxMs\":%.1f,\"rapidToggleP50Ms\":%.1f,"
                        + "\"toggleWorkerP50Ms\":%.2f,"
                        + "\"paintP50Ms\":%.1f,\"toggles\":%d,\"expansions\":[%s],\"heapMb\":%.0f,\"loadAvg1m\":%.2f}%n",
                folder, Boolean.getBoolean("netpolviz.bench.launch"), launchToPicture, firstPicture, nodes, edges, percentile(screen, 50), percentile(screen, 90), percentile(screen, 100),
                percentile(rapid, 50), percentile(worker, 50), percentile(paint, 50), screen.size(), String.join(",", expansions), heapMb,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Runs {@code command} on the JavaFX thread and waits until the evaluation it leads to has been
     * delivered, the canvas repainted with it and a pulse has laid the window out; the
     * milliseconds since {@code start}.
     */
    private double awaitPicture(Runnable command, long start) throws Exception {
        CompletableFuture<Double> shown = new CompletableFuture<>();
        onFx(() -> {
            Scene scene = window.stage().getScene();
            Evaluated before = model.evaluationProperty().get();
            @SuppressWarnings("unchecked")
            ChangeListener<Boolean>[] idleListener = new ChangeListener[1];
            ChangeListener<Evaluated> delivered = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Evaluated> value, Evaluated was, Evaluated now) {
                    if (now != null && now != before) {
                        model.evaluationProperty().removeListener(this);
                        model.busyProperty().removeListener(idleListener[0]);
                        deliveredAt = System.nanoTime();
                        // The delivery goes on to restyle and paint the canvas; the next pulse puts it on screen.
                        Runnable[] pulse = new Runnable[1];
                        pulse[0] = () -> {
                            scene.removePostLayoutPulseListener(pulse[0]);
                            shown.complete((System.nanoTime() - start) / 1e6);
                        };
                        scene.addPostLayoutPulseListener(pulse[0]);
                        Platform.requestNextPulse();
                    }
                }
            };
            model.evaluationProperty().addListener(delivered);
            // A request refused (on this thread or on the worker) brings no evaluation: stop waiting when the work is done.
            ChangeListener<Boolean> idle = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> value, Boolean was, Boolean busy) {
                    if (!busy) {
                        // Work ends before its result is handed over: look once the hand-over is done.
                        ChangeListener<Boolean> self = this;
                        Platform.runLater(() -> {
                            if (!model.busyProperty().get() && model.evaluationProperty().get() == before) {
                                model.busyProperty().removeListener(self);
                                model.evaluationProperty().removeListener(delivered);
                                shown.complete(Double.NaN);
                            }
                        });
                    }
                }
            };
            idleListener[0] = idle;
            model.busyProperty().addListener(idle);
            command.run();
            if (!model.busyProperty().get() && model.evaluationProperty().get() == before) {
                model.evaluationProperty().removeListener(delivered);
                model.busyProperty().removeListener(idle);
                shown.complete(Double.NaN);
            }
            return null;
        });
        return shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void report(String what, String format, Object... values) {
        System.out.printf(Locale.ROOT, "%-52s %s%n", what, String.format(Locale.ROOT, format, values));
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        return OnFx.call(work, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}

package io.netpolviz.ui;

import io.netpolviz.view.BundledSample;
import io.netpolviz.view.Details;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.ExportRequest;
import io.netpolviz.view.ManifestSource;
import io.netpolviz.view.PolicyRow;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.Selection;
import io.netpolviz.view.SelectionDetails;
import io.netpolviz.view.ToggleHistory;
import io.netpolviz.view.TooMuchToDraw;
import io.netpolviz.view.Workspace;
import io.netpolviz.view.WorkspaceEvaluator;
import io.netpolviz.view.WorkspaceLoader;
import io.netpolviz.view.SourceExcerpt;
import io.netpolviz.app.ClusterStatusLine;
import io.netpolviz.app.FolderWatcher;
import io.netpolviz.app.LiveClusterFeed;
import io.netpolviz.app.RecentPlaces;

import io.netpolviz.cluster.ChangeCause;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.ConnectionStatus;
import io.netpolviz.cluster.KubeconfigContexts;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.ViewTitle;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.layout.AwtTextMeasurer;
import io.netpolviz.graph.Grouping;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramTitle;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import io.netpolviz.model.SourceRef;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.render.PngExporter;
import io.netpolviz.render.SvgExporter;
import io.netpolviz.render.Theme;
import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands. Views bind to its read-only properties and call its
 * commands; every command that needs loading, evaluation, layout or I/O hands the work to
 * {@link BackgroundWork}, and the results come back here on the JavaFX thread. Lives on the
 * JavaFX thread.
 */
public final class MainViewModel implements AutoCloseable {

    /** Edges to flash after a toggle or a step; {@code serial} makes each request new. */
    public record Flash(long serial, Set<String> edgeKeys) {
    }

    /**
     * A new picture of the same cluster after an expansion or a collapse; {@code zoomTo} names
     * the namespace box the view should show (null: the whole picture).
     */
    public record Regrouped(long serial, String zoomTo) {
    }

    /** The result of a load: the workspace and its first evaluation, delivered together. */
    private record Loaded(Workspace workspace, Evaluated evaluated, Set<PolicyId> switchedOff, boolean fresh, double millis) {
    }

    /**
     * How a load relates to what is open: a new place, the same one again, (for a live cluster)
     * the cluster's next snapshot, or the same cluster grouped differently.
     */
    private enum LoadKind { FRESH, STEP, RELOAD, RELAYOUT, UPDATE, REGROUP }

    private final BackgroundWork work;
    private final WorkspaceLoader loader;
    private final RecentPlaces recentStore;
    private final boolean watchFolders;
    private final ToggleHistory history = new ToggleHistory();

    private Workspace current;
    private Evaluated evaluated;
    /** The diagram as laid out, dragged and last restyled; filters apply on top of it. */
    private Diagram geometry;
    private long geometryRevision;
    private FolderWatcher watcher;
    private long flashSerial;
    /** The live cluster followed, or null; only its callbacks reach the view. */
    private LiveClusterFeed cluster;
    /** What the live cluster's last published snapshot changed. */
    private ChangeCause lastCause;
    /** The options of the last connection, for the next connect dialog. */
    private ClusterOptions lastClusterOptions;
    private final ZoneId zone;
    private long regroupSerial;
    /** What the last switch did, for the status line once its evaluation is shown; null when shown. */
    private String commandStatus;

    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyObjectWrapper<Evaluated> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.standard());
    private final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(this, "presentation");
    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    // Each list has one read-only view, kept: a view holds its listeners weakly, so listeners added
    // to a view made afresh for each call would stop hearing changes once that view is collected.
    private final ObservableList<PolicyRow> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnosticsView = FXCollections.unmodifiableObservableList(diagnostics);
    private final ObservableList<LintFinding> warnings = FXCollections.observableArrayList();
    private final ObservableList<LintFinding> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<String> namespacesView = FXCollections.unmodifiableObservableList(namespaces);
    private final ObservableList<List<Path>> recentPlaces = FXCollections.observableArrayList();
    private final ObservableList<List<Path>> recentPlacesView = FXCollections.unmodifiableObservableList(recentPlaces);
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection", Selection.NOTHING);
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(this, "details", Details.EMPTY);
    private final ReadOnlyObjectWrapper<ViewFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", ViewFilter.NONE);
    private final ReadOnlyObjectWrapper<Flash> flash = new ReadOnlyObjectWrapper<>(this, "flash", new Flash(0, Set.of()));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "NetPolViz");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step");
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount");
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper(this, "stepTitle", "");
    private final ReadOnlyDoubleWrapper lastEvaluationMillis = new ReadOnlyDoubleWrapper(this, "lastEvaluationMillis");
    private final ReadOnlyObjectWrapper<SourceExcerpt> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<ConnectionStatus> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyObjectWrapper<ClusterStatusLine.Summary> clusterStatus = new ReadOnlyObjectWrapper<>(this, "clusterStatus");
    private final ReadOnlyStringWrapper lastExport = new ReadOnlyStringWrapper(this, "lastExport", "");
    private final ReadOnlyBooleanWrapper policiesUnreadable = new ReadOnlyBooleanWrapper(this, "policiesUnreadable");
    private final ReadOnlyStringWrapper warningsNote = new ReadOnlyStringWrapper(this, "warningsNote", "");
    private final ReadOnlyObjectWrapper<Regrouped> regrouped = new ReadOnlyObjectWrapper<>(this, "regrouped", new Regrouped(0, null));

    /**
     * @param work the background seam; its deliveries must run on the JavaFX thread
     * @param manifests reads places into snapshots
     * @param recent where recent places are kept
     * @param watchFolders whether to reload when files of the open place change
     */
    public MainViewModel(BackgroundWork work, ManifestSource manifests, RecentPlaces recent, boolean watchFolders) {
        this(work, manifests, recent, watchFolders, ZoneId.systemDefault());
    }

    /** @param zone the time zone of the clock times the status line shows */
    MainViewModel(BackgroundWork work, ManifestSource manifests, RecentPlaces recent, boolean watchFolders, ZoneId zone) {
        this(work, new WorkspaceLoader(manifests), recent, watchFolders, zone);
    }

    /** @param loader a loader that may have begun loading the place the app opens first ({@link WorkspaceLoader#beginAhead}) */
    MainViewModel(BackgroundWork work, WorkspaceLoader loader, RecentPlaces recent, boolean watchFolders, ZoneId zone) {
        this.zone = zone;
        this.work = work;
        this.loader = loader;
        this.recentStore = recent;
        this.watchFolders = watchFolders;
        recentPlaces.setAll(recent.list());
        work.setActivityListener(lanes -> {
            busy.set(!lanes.isEmpty());
            loading.set(lanes.contains(Lane.LOAD));
        });
    }

    // ---------------------------------------------------------------- commands: opening

    /** Opens a folder or files: a folder of numbered steps opens at its last step. */
    public void open(List<Path> place) {
        if (place.isEmpty()) {
            return;
        }
        List<Path> absolute = WorkspaceLoader.absolute(place);
        stopFollowingCluster();
        submitLoad(Workspace.nameOf(absolute), progressReport -> absolute, 0, false, LoadKind.FRESH, null, null);
    }

    /** Opens the tutorial that ships with the app, at its last step. */
    public void openBundledSample() {
        stopFollowingCluster();
        submitLoad("the bundled tutorial", progressReport -> {
            progressReport.report(0.05, "Unpacking the tutorial\u2026");
            return List.of(BundledSample.extract());
        }, 0, true, LoadKind.FRESH, null, null);
    }

    /** Reads the open place again, keeping switches, selection and (if the shape allows) the layout. */
    public void reload() {
        if (cluster != null) {
            reconnect();
        } else if (current != null && !current.live()) {
            List<Path> place = current.place();
            submitLoad(current.name(), progressReport -> place, current.step(), current.bundled(), LoadKind.RELOAD, null, geometry);
        }
    }

    /** Shows step {@code position} (1-based) of a lesson: folders 1..position loaded together. */
    public void goToStep(int position) {
        if (current == null || !current.hasSteps() || position < 1 || position > current.steps().size()) {
            return;
        }
        List<Path> place = current.place();
        submitLoad(current.name(), progressReport -> place, position, current.bundled(), LoadKind.STEP, current, geometry);
    }

    public void nextStep() {
        goToStep(step.get() + 1);
    }

    public void previousStep() {
        goToStep(step.get() - 1);
    }

    /**
     * @param what the place in words, for messages
     * @param place finds the paths on the worker (the bundled tutorial must be unpacked first)
     */
    private void submitLoad(String what, BackgroundWork.Job<List<Path>> place, int stepPosition, boolean bundled, LoadKind kind,
            Workspace frameDonor, Diagram keptGeometry) {
        Set<PolicyId> off = kind == LoadKind.FRESH ? Set.of() : history.switchedOff();
        Evaluated previous = kind == LoadKind.FRESH ? null : evaluated;
        // What the user expanded and collapsed survives a reload; a fresh place decides by its size.
        Grouping grouping = kind == LoadKind.FRESH || current == null || !current.isAggregated() ? null : current.grouping();
        long revision = geometryRevision + 1;
        LayoutOptions options = layoutOptions();
        work.submit(Lane.LOAD, progressReport -> {
            long start = System.nanoTime();
            List<Path> paths = place.run(progressReport);
            Workspace loaded = loader.load(new WorkspaceLoader.Request(paths, stepPosition, bundled, frameDonor, keptGeometry, options,
                    grouping), progressReport);
            progressReport.report(0.9, "Evaluating\u2026");
            Evaluated first = WorkspaceEvaluator.evaluate(loaded, loaded.layout(), revision, off, previous);
            return new Loaded(loaded, first, off, kind == LoadKind.FRESH, (System.nanoTime() - start) / 1e6);
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                applyLoaded(value, kind);
            }

            @Override
            public void failure(Throwable error) {
                progress.set(0);
                status.set("Could not open " + what + ": " + message(error));
                diagnostics.setAll(Diagnostic.error(SourceRef.NONE, "Could not open: " + message(error)));
            }

            @Override
            public void progress(double fraction, String message) {
                progress.set(fraction);
                status.set(message);
            }
        });
    }

    /** The layout options of the current look: the theme's type sizes every box. */
    private LayoutOptions layoutOptions() {
        return LayoutOptions.defaults().withTypography(theme.get().typography());
    }

    private void applyLoaded(Loaded loaded, LoadKind kind) {
        // Evaluations and explanations still running belong to the workspace being replaced.
        work.cancel(Lane.EVALUATE);
        work.cancel(Lane.DETAILS);
        Workspace opened = loaded.workspace();
        boolean newPlace = current == null || !current.place().equals(opened.place());
        current = opened;
        geometryRevision = loaded.evaluated().geometryRevision();
        geometry = loaded.evaluated().diagram();
        if (kind == LoadKind.REGROUP) {
            filter.set(Regrouping.carried(filter.get(), opened));
            selection.set(Regrouping.carried(selection.get(), opened));
        }
        if (kind == LoadKind.FRESH) {
            history.reset(Set.of());
            selection.set(Selection.NOTHING);
            filter.set(ViewFilter.NONE.withEdges(filter.get().edges()));
            if (!opened.bundled() && !opened.live()) {
                recentStore.remember(opened.place());
                recentPlaces.setAll(recentStore.list());
            }
        }
        if (newPlace || kind == LoadKind.FRESH) {
            restartWatcher(opened);
        }
        workspace.set(opened);
        diagnostics.setAll(opened.snapshot().diagnostics());
        policiesUnreadable.set(policiesUnreadable(opened));
        namespaces.setAll(namespacesOf(opened));
        step.set(opened.step());
        stepCount.set(opened.hasSteps() ? opened.steps().size() : 0);
        stepTitle.set(opened.hasSteps() ? opened.currentStep().title() : "");
        title.set("NetPolViz \u2014 " + (opened.bundled() ? "tutorial (bundled)" : opened.name())
                + (opened.hasSteps() ? " \u2014 step " + opened.step() + " of " + opened.steps().size() : "")
                + (opened.live() ? " (live)" : ""));
        progress.set(0);
        if (opened.live()) {
            // Switches of policies the cluster no longer has are forgotten; the others stay off.
            history.retainExisting(opened.engine().policies().stream().map(CompiledPolicy::id).toList());
        }
        applyEvaluated(loaded.evaluated(), kind == LoadKind.STEP || kind == LoadKind.RELOAD || kind == LoadKind.UPDATE);
        status.set(String.format(Locale.ROOT, "%s %s: %d workloads, %d policies, %d problems (%.0f ms)",
                loadVerb(kind, opened), opened.bundled() ? "the bundled tutorial" : opened.name(),
                opened.snapshot().workloads().size(), opened.snapshot().policies().size(),
                opened.snapshot().diagnostics().size(), loaded.millis()));
        if (opened.live()) {
            showClusterStatus();
        }
        if (!loaded.switchedOff().equals(history.switchedOff())) {
            // A toggle arrived while this was loading.
            reevaluate();
        }
    }

    /** Whether a live cluster would not let the user read some NetworkPolicies: then an empty list says nothing. */
    private static boolean policiesUnreadable(Workspace opened) {
        return opened.live() && opened.snapshot().diagnostics().stream()
                .anyMatch(d -> d.severity() == Severity.ERROR && d.where().isInCluster(NetworkPolicy.KIND));
    }

    private static String loadVerb(LoadKind kind, Workspace opened) {
        if (opened.live()) {
            // The status line beside says what changed; this part says what is shown now.
            return kind == LoadKind.UPDATE ? "Updated" : kind == LoadKind.RELAYOUT ? "Laid out" : "Read";
        }
        return kind == LoadKind.RELOAD ? "Reloaded" : "Opened";
    }

    private static List<String> namespacesOf(Workspace workspace) {
        Set<String> names = new TreeSet<>(workspace.frame().namespaces());
        // An aggregated frame has boxes only for open namespaces; the filter lists them all.
        workspace.snapshot().namespaces().forEach(namespace -> names.add(namespace.name()));
        workspace.frame().nodes().stream().filter(node -> !node.isExternal()).forEach(node -> names.add(node.namespace()));
        return List.copyOf(names);
    }

    private void restartWatcher(Workspace opened) {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (!watchFolders || opened.live()) {
            return;
        }
        try {
            watcher = FolderWatcher.watch(opened.place(), () -> work.onUiThread(this::reload));
        } catch (IOException e) {
            status.set("Changes to " + opened.name() + " will not be picked up: " + message(e));
        }
    }

    // ---------------------------------------------------------------- commands: live cluster

    /**
     * Follows a live cluster instead of what is open: its snapshots go through the same pipeline
     * as a folder (evaluation, layout, restyle), and each later one restyles in place when the
     * picture keeps its shape. Until the first snapshot the view is empty and says why.
     */
    public void connect(ClusterOptions options) {
        stopFollowingCluster();
        // A folder still loading would replace the cluster when it arrives.
        work.cancel(Lane.LOAD);
        work.cancel(Lane.EVALUATE);
        work.cancel(Lane.DETAILS);
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        lastClusterOptions = options;
        clearView();
        cluster = LiveClusterFeed.open(options, work, new LiveClusterFeed.Receiver() {
            @Override
            public void snapshot(LiveClusterFeed feed, ClusterSnapshot snapshot, ChangeCause cause) {
                clusterSnapshot(feed, snapshot, cause);
            }

            @Override
            public void status(LiveClusterFeed feed, ConnectionStatus newStatus) {
                clusterStatusChanged(feed, newStatus);
            }
        });
        String context = options.context() == null ? "the current context" : options.context();
        title.set("NetPolViz \u2014 cluster:" + (options.context() == null ? "" : options.context()) + " (live)");
        status.set("Connecting to " + context + "\u2026");
        connection.set(cluster.status());
        showClusterStatus();
    }

    /** Connects the followed cluster again now, re-reading the kubeconfig; the view stays until new data comes. */
    public void reconnect() {
        if (cluster != null) {
            cluster.reconnect();
            status.set("Reconnecting to " + (connection.get() == null ? "the cluster" : connection.get().context()) + "\u2026");
        }
    }

    /** A form for the connect dialog, starting from the last connection (or the default kubeconfig). */
    public ConnectForm connectForm() {
        return new ConnectForm(work, KubeconfigContexts.defaultFiles(), lastClusterOptions);
    }

    /** Whether a live cluster is followed (connected or trying to be). */
    public boolean followsCluster() {
        return cluster != null;
    }

    /** Closes the live cluster, if one is followed; its late callbacks are dropped. */
    private void stopFollowingCluster() {
        if (cluster == null) {
            return;
        }
        cluster.close();
        cluster = null;
        lastCause = null;
        work.cancel(Lane.CLUSTER);
        connection.set(null);
        clusterStatus.set(null);
    }

    /** Nothing shown: a new source is on its way. */
    private void clearView() {
        current = null;
        evaluated = null;
        geometry = null;
        geometryRevision++;
        history.reset(Set.of());
        updateUndoState();
        selection.set(Selection.NOTHING);
        workspace.set(null);
        evaluation.set(null);
        diagram.set(null);
        policies.clear();
        diagnostics.clear();
        policiesUnreadable.set(false);
        warnings.clear();
        namespaces.clear();
        step.set(0);
        stepCount.set(0);
        stepTitle.set("");
        details.set(Details.EMPTY);
    }

    private void clusterSnapshot(LiveClusterFeed feed, ClusterSnapshot snapshot, ChangeCause cause) {
        if (feed != cluster) {
            return;
        }
        lastCause = cause;
        // Until the first snapshot is shown, every snapshot opens afresh.
        submitSnapshot(snapshot, current == null ? LoadKind.FRESH : LoadKind.UPDATE);
    }

    private void clusterStatusChanged(LiveClusterFeed feed, ConnectionStatus newStatus) {
        if (feed != cluster) {
            return;
        }
        connection.set(newStatus);
        showClusterStatus();
        if (current == null) {
            // Nothing shown yet: the cluster's own line says everything, an older message would contradict it.
            status.set("");
        }
    }

    private void showClusterStatus() {
        ConnectionStatus now = connection.get();
        if (now == null) {
            clusterStatus.set(null);
            return;
        }
        int unreadable = current == null || !current.live() ? 0
                : (int) current.snapshot().diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        clusterStatus.set(ClusterStatusLine.summarize(now, lastCause, unreadable, zone));
    }

    /**
     * Turns a cluster snapshot into a workspace off the JavaFX thread. An update keeps the
     * switched-off policies and the arranged diagram if the new frame fits it; a newer snapshot
     * makes this one stale.
     */
    private void submitSnapshot(ClusterSnapshot snapshot, LoadKind kind) {
        boolean fresh = kind == LoadKind.FRESH;
        Set<PolicyId> off = fresh ? Set.of() : history.switchedOff();
        Evaluated previous = fresh ? null : evaluated;
        LayoutOptions options = layoutOptions();
        // A diagram laid out with other fonts (presentation mode switched meanwhile) is not kept.
        Diagram kept = kind == LoadKind.UPDATE && geometry != null && geometry.typography().equals(options.typography()) ? geometry : null;
        long arrangedRevision = geometryRevision;
        long revision = geometryRevision + 1;
        LiveClusterFeed feed = cluster;
        // What the user opened and collapsed survives an update of the cluster.
        Grouping grouping = kind == LoadKind.UPDATE && current != null && current.isAggregated() ? current.grouping() : null;
        Set<String> known = grouping == null ? Set.of() : Grouping.namespacesWithWorkloads(current.engine());
        work.submit(Lane.CLUSTER, progressReport -> {
            long start = System.nanoTime();
            Workspace built = WorkspaceLoader.fromSnapshot(snapshot, kept, options, grouping, known, progressReport);
            Set<PolicyId> existing = built.engine().policies().stream().map(CompiledPolicy::id).collect(Collectors.toSet());
            Set<PolicyId> stillOff = off.stream().filter(existing::contains).collect(Collectors.toUnmodifiableSet());
            Evaluated first = WorkspaceEvaluator.evaluate(built, built.layout(), revision, stillOff, previous);
            return new Loaded(built, first, stillOff, fresh, (System.nanoTime() - start) / 1e6);
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                if (feed != cluster) {
                    return;
                }
                if (kept != null && geometryRevision != arrangedRevision) {
                    // A node was dragged meanwhile: build again on the new arrangement.
                    submitSnapshot(snapshot, kind);
                    return;
                }
                applyLoaded(value, kind);
            }

            @Override
            public void failure(Throwable error) {
                status.set("Could not show the cluster's snapshot: " + message(error));
            }
        });
    }

    // ---------------------------------------------------------------- commands: switches

    /** Switches a policy off, or on again. */
    public void toggle(PolicyId policy) {
        history.toggle(policy).ifPresent(command -> afterCommand(command.label()));
    }

    public void allOn() {
        history.allOn().ifPresent(command -> afterCommand("switched every policy on"));
    }

    public void allOff() {
        if (current != null) {
            history.allOff(current.engine().policies().stream().map(CompiledPolicy::id).toList())
                    .ifPresent(command -> afterCommand("switched every policy off"));
        }
    }

    public void undo() {
        history.undo().ifPresent(command -> afterCommand("undid: " + command.label()));
    }

    public void redo() {
        history.redo().ifPresent(command -> afterCommand("redid: " + command.label()));
    }

    private void afterCommand(String label) {
        commandStatus = capitalized(label);
        flash.set(new Flash(++flashSerial, Set.of()));
        if (current == null || evaluated == null) {
            updateUndoState();
            status.set(commandStatus);
            return;
        }
        // The status and the undo buttons change with the new picture: a change on screen now would
        // start a frame that the picture, ready a few milliseconds later, then has to wait for.
        reevaluate();
    }

    private void updateUndoState() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoLabel.set(history.undoLabel().orElse(""));
        redoLabel.set(history.redoLabel().orElse(""));
    }

    /** Evaluates the current switches off the JavaFX thread and restyles the diagram in place. */
    private void reevaluate() {
        if (current == null || evaluated == null) {
            return;
        }
        Workspace target = current;
        Diagram arranged = geometry;
        long revision = geometryRevision;
        Set<PolicyId> off = history.switchedOff();
        Evaluated previous = evaluated;
        work.submit(Lane.EVALUATE, progressReport -> WorkspaceEvaluator.evaluate(target, arranged, revision, off, previous),
                new BackgroundWork.Delivery<Evaluated>() {
                    @Override
                    public void result(Evaluated value) {
                        if (value.geometryRevision() != geometryRevision) {
                            // A node was dragged meanwhile: restyle the new arrangement instead.
                            reevaluate();
                            return;
                        }
                        applyEvaluated(value, true);
                        String done = commandStatus != null ? commandStatus : status.get().replaceAll(" \\(re-evaluated.*\\)$", "");
                        commandStatus = null;
                        status.set(done + String.format(Locale.ROOT, " (re-evaluated in %.1f ms)", value.millis()));
                    }

                    @Override
                    public void failure(Throwable error) {
                        commandStatus = null;
                        updateUndoState();
                        status.set("Could not evaluate: " + message(error));
                    }
                });
    }

    private void applyEvaluated(Evaluated value, boolean flashChanges) {
        evaluated = value;
        geometry = value.diagram();
        evaluation.set(value);
        setRows(value.rows());
        warnings.setAll(value.findings());
        warningsNote.set(value.warningsNote());
        lastEvaluationMillis.set(value.millis());
        updateUndoState();
        refreshDiagram();
        if (flashChanges) {
            Set<String> changed = value.projected().graph().edges().stream()
                    .filter(GraphEdge::anyChanged).map(GraphEdge::key).collect(Collectors.toUnmodifiableSet());
            flash.set(new Flash(++flashSerial, changed));
        }
        requestDetails();
    }

    /**
     * Puts the new policy list in place. A toggle changes one switch and one heading: replacing
     * only the rows that differ spares the list from laying out two thousand rows again.
     */
    private void setRows(List<PolicyRow> rows) {
        if (policies.size() != rows.size()) {
            policies.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!policies.get(i).equals(rows.get(i))) {
                policies.set(i, rows.get(i));
            }
        }
    }

    // ---------------------------------------------------------------- commands: selection and filters

    public void select(Selection newSelection) {
        selection.set(newSelection == null ? Selection.NOTHING : newSelection);
        requestDetails();
    }

    public void selectEdge(String key) {
        select(new Selection.Edge(key));
    }

    public void selectNode(String id) {
        select(new Selection.Node(id));
    }

    public void selectPolicy(PolicyId id) {
        select(new Selection.Policy(id));
    }

    public void clearSelection() {
        select(Selection.NOTHING);
    }

    /**
     * Selects what a warning is about: the connection for a half-open path, else its policy, else
     * the first endpoint it names.
     */
    public void selectWarning(LintFinding finding) {
        List<String> ends = finding.endpointIds();
        if (ends.size() == 2 && geometry != null && geometry.edge(ends.get(0) + "->" + ends.get(1)).isPresent()) {
            selectEdge(ends.get(0) + "->" + ends.get(1));
        } else if (finding.policy() != null) {
            selectPolicy(finding.policy());
        } else if (!ends.isEmpty()) {
            selectNode(ends.get(0));
        }
    }

    private void requestDetails() {
        if (evaluated == null) {
            details.set(Details.EMPTY);
            return;
        }
        Selection wanted = selection.get();
        Evaluated against = evaluated;
        work.submit(Lane.DETAILS, progressReport -> SelectionDetails.describe(wanted, against), new BackgroundWork.Delivery<Details>() {
            @Override
            public void result(Details value) {
                details.set(value);
            }

            @Override
            public void failure(Throwable error) {
                details.set(new Details("Could not explain", message(error), Set.of(), Set.of(), null));
            }
        });
    }

    public void showEdges(ViewFilter.EdgeFilter edges) {
        setFilter(filter.get().withEdges(edges));
    }

    public void showNamespaces(Set<String> names) {
        setFilter(filter.get().withNamespaces(names));
    }

    public void search(String text) {
        setFilter(filter.get().withSearch(text));
    }

    /** Shows only the edges of one node (null shows everything again). */
    public void focus(String nodeId) {
        setFilter(filter.get().withFocus(nodeId));
    }

    public void clearFilters() {
        setFilter(ViewFilter.NONE);
    }

    private void setFilter(ViewFilter newFilter) {
        filter.set(newFilter);
        refreshDiagram();
    }

    /** Applies the filter to the arranged diagram: only hidden flags change, never positions. */
    private void refreshDiagram() {
        if (geometry == null || evaluated == null) {
            diagram.set(geometry);
            return;
        }
        ViewFilter.Visibility visible = filter.get().apply(evaluated.projected().graph(), evaluated.projected().presentNodeIds());
        diagram.set(geometry.showingOnly(visible.namespaces(), visible.nodeIds(), visible.edgeKeys()));
    }

    /** Moves a node by a drag, in diagram units; its edges follow, nothing else moves. */
    public void moveNode(String id, double dx, double dy) {
        if (geometry == null || (dx == 0 && dy == 0)) {
            return;
        }
        geometry = geometry.withNodeMoved(id, dx, dy);
        geometryRevision++;
        refreshDiagram();
    }

    // ---------------------------------------------------------------- commands: expanding and collapsing

    /** Opens a collapsed node: a namespace into its workloads, a group into its namespaces. */
    public void expand(String nodeId) {
        regroup(Regrouping.Kind.EXPAND, nodeId);
    }

    /** Shows a namespace as one node. */
    public void collapseNamespace(String namespace) {
        regroup(Regrouping.Kind.COLLAPSE_NAMESPACE, namespace);
    }

    /** Shows a group of namespaces as one node. */
    public void collapseGroup(String group) {
        regroup(Regrouping.Kind.COLLAPSE_GROUP, group);
    }

    /** Opens every group, or with none closed every namespace, unless that is more than a person can read. */
    public void expandAll() {
        regroup(Regrouping.Kind.EXPAND_ALL, null);
    }

    public void collapseAll() {
        regroup(Regrouping.Kind.COLLAPSE_ALL, null);
    }

    /** Runs one of {@link #regroupActions}. */
    void regroup(Regrouping.Action action) {
        regroup(action.kind(), action.target());
    }

    /** What a view may offer to expand or collapse for a node, or for a namespace box (null node). */
    List<Regrouping.Action> regroupActions(String nodeId, String namespaceBox) {
        return Regrouping.actions(current, nodeId, namespaceBox);
    }

    /**
     * Lays out the picture again with another grouping, off the JavaFX thread; the switches,
     * filters and selection carry over. A request that would draw more than a person can read
     * is refused with a note in the status line.
     */
    private void regroup(Regrouping.Kind kind, String target) {
        if (current == null || evaluated == null) {
            return;
        }
        Regrouping.Outcome outcome = Regrouping.outcome(current, kind, target);
        if (outcome.grouping() == null) {
            status.set(outcome.refusal());
            return;
        }
        Workspace from = current;
        Evaluated shown = evaluated;
        Set<PolicyId> off = history.switchedOff();
        long revision = geometryRevision + 1;
        LayoutOptions options = layoutOptions();
        status.set(outcome.done() + "\u2026 laying out");
        work.submit(Lane.LOAD, progressReport -> {
            long start = System.nanoTime();
            Workspace regroupedWorkspace = WorkspaceLoader.regroup(from, outcome.grouping(), shown.evaluation(), options);
            Evaluated first = WorkspaceEvaluator.evaluate(regroupedWorkspace, regroupedWorkspace.layout(), revision, off, shown);
            return new Loaded(regroupedWorkspace, first, off, false, (System.nanoTime() - start) / 1e6);
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                applyLoaded(value, LoadKind.REGROUP);
                regrouped.set(new Regrouped(++regroupSerial, outcome.zoomTo()));
                status.set(String.format(Locale.ROOT, "%s (%d boxes, %d edges, laid out in %.0f ms)", outcome.done(),
                        value.workspace().frame().nodes().size(), value.workspace().frame().edges().size(), value.millis()));
            }

            @Override
            public void failure(Throwable error) {
                status.set(error instanceof TooMuchToDraw ? error.getMessage() : "Could not lay out the new picture: " + message(error));
            }
        });
    }

    // ---------------------------------------------------------------- commands: presentation, export, sources

    /** Larger fonts and a high-contrast theme for teaching; the diagram is laid out again with them. */
    public void setPresentation(boolean on) {
        if (presentation.get() == on) {
            return;
        }
        presentation.set(on);
        theme.set(on ? Theme.presentation() : Theme.standard());
        if (current != null && current.live()) {
            submitSnapshot(current.snapshot(), LoadKind.RELAYOUT);
        } else if (current != null) {
            List<Path> place = current.place();
            submitLoad(current.name(), progressReport -> place, current.step(), current.bundled(), LoadKind.RELAYOUT, current, null);
        }
    }

    /** Writes the diagram as shown to a PNG (2×, white) or SVG file, chosen by its extension. */
    public void export(Path file) {
        export(ExportRequest.forFile(file));
    }

    /**
     * Writes the current view (filters, switches, dragged positions, legend) as the request asks,
     * titled with {@link #exportTitle()}; painting and writing run off the JavaFX thread.
     */
    public void export(ExportRequest request) {
        Diagram shown = diagram.get();
        if (shown == null) {
            status.set("Nothing to export yet");
            return;
        }
        Theme paintWith = theme.get();
        String exportTitle = exportTitle();
        Path file = request.file();
        status.set("Exporting " + file + "\u2026");
        work.submit(Lane.EXPORT, progressReport -> {
            Diagram titled = DiagramTitle.retitled(shown, exportTitle, new AwtTextMeasurer());
            if (request.format() == ExportRequest.Format.SVG) {
                SvgExporter.write(titled, paintWith, request.background(), file);
            } else {
                PngExporter.write(titled, paintWith, request.scale(), request.background(), file);
            }
            return file;
        }, new BackgroundWork.Delivery<Path>() {
            @Override
            public void result(Path written) {
                lastExport.set(written.toString());
                status.set("Exported " + written);
            }

            @Override
            public void failure(Throwable error) {
                status.set("Could not export " + file + ": " + message(error));
            }
        });
    }

    /**
     * The title an export carries: the source (with the step of a lesson) and what the view
     * leaves out or changes, as the export command writes it.
     */
    public String exportTitle() {
        if (current == null) {
            return "";
        }
        String sourceName = current.bundled() ? "NetPolViz tutorial" : current.name();
        if (current.hasSteps()) {
            sourceName += " (step " + current.step() + " of " + current.steps().size() + ")";
        }
        Set<String> existing = current.engine().policies().stream().map(policy -> policy.id().toString()).collect(Collectors.toSet());
        List<PolicyId> off = history.switchedOff().stream().filter(id -> existing.contains(id.toString())).toList();
        return ViewTitle.of(sourceName, off, filter.get());
    }

    /** Reads the file a diagnostic points at, to show it at the line. */
    public void showSource(SourceRef where, String problem) {
        if (!hasSourceFile(where)) {
            return;
        }
        work.submit(Lane.SOURCE, progressReport -> new SourceExcerpt(where.file(), where.line(), where.column(),
                Files.readString(Path.of(where.file()), StandardCharsets.UTF_8), problem), new BackgroundWork.Delivery<SourceExcerpt>() {
                    @Override
                    public void result(SourceExcerpt value) {
                        source.set(value);
                    }

                    @Override
                    public void failure(Throwable error) {
                        status.set("Could not read " + where.file() + ": " + message(error));
                    }
                });
    }

    /** Whether a diagnostic points at a file to show; a live cluster's objects have none. */
    static boolean hasSourceFile(SourceRef where) {
        return where != null && where.isFile();
    }

    public void clearRecentPlaces() {
        recentStore.clear();
        recentPlaces.clear();
    }

    @Override
    public void close() {
        stopFollowingCluster();
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        work.close();
    }

    // ---------------------------------------------------------------- queries for views

    /** The node under a diagram point, else the edge near it. */
    public Optional<Selection> hit(double x, double y, double edgeTolerance) {
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

    /** The node with this id in the frame, for labels in views. */
    public Optional<GraphNode> node(String id) {
        return current == null ? Optional.empty() : current.frame().node(id);
    }

    /** The policy list entry of a policy, if the open cluster has it. */
    public Optional<PolicyRow.PolicySwitch> policyRow(PolicyId id) {
        return policies.stream().filter(row -> row instanceof PolicyRow.PolicySwitch s && s.id().equals(id))
                .map(row -> (PolicyRow.PolicySwitch) row).findFirst();
    }

    private static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Evaluated> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** The diagram to paint: arranged, restyled and filtered. */
    public ReadOnlyObjectProperty<Diagram> diagramProperty() {
        return diagram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presentationProperty() {
        return presentation.getReadOnlyProperty();
    }

    public ObservableList<PolicyRow> policies() {
        return policiesView;
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnosticsView;
    }

    public ObservableList<LintFinding> warnings() {
        return warningsView;
    }

    public ObservableList<String> namespaces() {
        return namespacesView;
    }

    public ObservableList<List<Path>> recentPlaces() {
        return recentPlacesView;
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ViewFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Flash> flashProperty() {
        return flash.getReadOnlyProperty();
    }

    /** True while any background work for this window is still to deliver. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The 1-based step shown, 0 when the place has no steps. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    /** {@code Step 2: Deny all in production}, or empty. */
    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    /** How long the last evaluation took to reach a restyled diagram, in milliseconds. */
    public ReadOnlyDoubleProperty lastEvaluationMillisProperty() {
        return lastEvaluationMillis.getReadOnlyProperty();
    }

    /** The live cluster's connection as the source last reported it; null when no cluster is followed. */
    public ReadOnlyObjectProperty<ConnectionStatus> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** The live cluster's status line; null when no cluster is followed. */
    public ReadOnlyObjectProperty<ClusterStatusLine.Summary> clusterStatusProperty() {
        return clusterStatus.getReadOnlyProperty();
    }

    /** True when a live cluster let the user read no or only some NetworkPolicies (see the diagnostics). */
    public ReadOnlyBooleanProperty policiesUnreadableProperty() {
        return policiesUnreadable.getReadOnlyProperty();
    }

    /** The file the last export wrote. */
    public ReadOnlyStringProperty lastExportProperty() {
        return lastExport.getReadOnlyProperty();
    }

    /** Why the warnings list is empty although there may be warnings (lint skipped at this size), else empty. */
    public ReadOnlyStringProperty warningsNoteProperty() {
        return warningsNote.getReadOnlyProperty();
    }

    /** Fires after an expansion or a collapse has been laid out and shown. */
    public ReadOnlyObjectProperty<Regrouped> regroupedProperty() {
        return regrouped.getReadOnlyProperty();
    }

    /** The file text a diagnostic link asked for. */
    public ReadOnlyObjectProperty<SourceExcerpt> sourceProperty() {
        return source.getReadOnlyProperty();
    }
}

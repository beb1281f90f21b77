package io.netpolviz.ui;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.SourceRef;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.render.Background;
import io.netpolviz.render.PngExporter;
import io.netpolviz.render.SvgExporter;
import io.netpolviz.render.Theme;
import io.netpolviz.ui.BackgroundWork.Lane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** How a load relates to what is open: a new place, or the same one again. */
    private enum LoadKind { FRESH, STEP, RELOAD, RELAYOUT, REGROUP }

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
    private long regroupSerial;
    /** What the last switch did, for the status line once its evaluation is shown; null when shown. */
    private String commandStatus;

    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyObjectWrapper<Evaluated> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.standard());
    private final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(this, "presentation");
    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObservableList<LintFinding> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<List<Path>> recentPlaces = FXCollections.observableArrayList();
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
    private final ReadOnlyStringWrapper warningsNote = new ReadOnlyStringWrapper(this, "warningsNote", "");
    private final ReadOnlyObjectWrapper<Regrouped> regrouped = new ReadOnlyObjectWrapper<>(this, "regrouped", new Regrouped(0, null));

    /**
     * @param work the background seam; its deliveries must run on the JavaFX thread
     * @param manifests reads places into snapshots
     * @param recent where recent places are kept
     * @param watchFolders whether to reload when files of the open place change
     */
    public MainViewModel(BackgroundWork work, ManifestSource manifests, RecentPlaces recent, boolean watchFolders) {
        this.work = work;
        this.loader = new WorkspaceLoader(manifests);
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
        List<Path> absolute = place.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        submitLoad(Workspace.nameOf(absolute), progressReport -> absolute, 0, false, LoadKind.FRESH, null, null);
    }

    /** Opens the tutorial that ships with the app, at its last step. */
    public void openBundledSample() {
        submitLoad("the bundled tutorial", progressReport -> {
            progressReport.report(0.05, "Unpacking the tutorial\u2026");
            return List.of(BundledSample.extract());
        }, 0, true, LoadKind.FRESH, null, null);
    }

    /** Reads the open place again, keeping switches, selection and (if the shape allows) the layout. */
    public void reload() {
        if (current != null) {
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
        LayoutOptions options = LayoutOptions.defaults().withTypography(theme.get().typography());
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
            if (!opened.bundled()) {
                recentStore.remember(opened.place());
                recentPlaces.setAll(recentStore.list());
            }
        }
        if (newPlace || kind == LoadKind.FRESH) {
            restartWatcher(opened);
        }
        workspace.set(opened);
        diagnostics.setAll(opened.snapshot().diagnostics());
        namespaces.setAll(namespacesOf(opened));
        step.set(opened.step());
        stepCount.set(opened.hasSteps() ? opened.steps().size() : 0);
        stepTitle.set(opened.hasSteps() ? opened.currentStep().title() : "");
        title.set("NetPolViz \u2014 " + (opened.bundled() ? "tutorial (bundled)" : opened.name())
                + (opened.hasSteps() ? " \u2014 step " + opened.step() + " of " + opened.steps().size() : ""));
        progress.set(0);
        applyEvaluated(loaded.evaluated(), kind == LoadKind.STEP || kind == LoadKind.RELOAD);
        status.set(String.format(Locale.ROOT, "%s %s: %d workloads, %d policies, %d problems (%.0f ms)",
                kind == LoadKind.RELOAD ? "Reloaded" : "Opened", opened.bundled() ? "the bundled tutorial" : opened.name(),
                opened.snapshot().workloads().size(), opened.snapshot().policies().size(),
                opened.snapshot().diagnostics().size(), loaded.millis()));
        if (!loaded.switchedOff().equals(history.switchedOff())) {
            // A toggle arrived while this was loading.
            reevaluate();
        }
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
        if (!watchFolders) {
            return;
        }
        try {
            watcher = FolderWatcher.watch(opened.place(), () -> work.onUiThread(this::reload));
        } catch (IOException e) {
            status.set("Changes to " + opened.name() + " will not be picked up: " + message(e));
        }
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
        LayoutOptions options = LayoutOptions.defaults().withTypography(theme.get().typography());
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
        if (current != null) {
            List<Path> place = current.place();
            submitLoad(current.name(), progressReport -> place, current.step(), current.bundled(), LoadKind.RELAYOUT, current, null);
        }
    }

    /** Writes the diagram as shown (filters included) to a PNG or SVG file, chosen by its extension. */
    public void export(Path file) {
        Diagram shown = diagram.get();
        if (shown == null) {
            status.set("Nothing to export yet");
            return;
        }
        Theme paintWith = theme.get();
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        work.submit(Lane.EXPORT, progressReport -> {
            if (svg) {
                SvgExporter.write(shown, paintWith, Background.OPAQUE, file);
            } else {
                PngExporter.write(shown, paintWith, 2.0, Background.OPAQUE, file);
            }
            return file;
        }, new BackgroundWork.Delivery<Path>() {
            @Override
            public void result(Path written) {
                status.set("Exported " + written);
            }

            @Override
            public void failure(Throwable error) {
                status.set("Could not export " + file + ": " + message(error));
            }
        });
    }

    /** Reads the file a diagnostic points at, to show it at the line. */
    public void showSource(SourceRef where, String problem) {
        if (where == null || where.file().isEmpty()) {
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

    public void clearRecentPlaces() {
        recentStore.clear();
        recentPlaces.clear();
    }

    @Override
    public void close() {
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
        return FXCollections.unmodifiableObservableList(policies);
    }

    public ObservableList<Diagnostic> diagnostics() {
        return FXCollections.unmodifiableObservableList(diagnostics);
    }

    public ObservableList<LintFinding> warnings() {
        return FXCollections.unmodifiableObservableList(warnings);
    }

    public ObservableList<String> namespaces() {
        return FXCollections.unmodifiableObservableList(namespaces);
    }

    public ObservableList<List<Path>> recentPlaces() {
        return FXCollections.unmodifiableObservableList(recentPlaces);
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

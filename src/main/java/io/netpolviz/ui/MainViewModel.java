package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.app.PlaceWatch;
import io.netpolviz.app.RecentPlaces;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.layout.Diagram;
import io.netpolviz.render.Theme;
import io.netpolviz.view.BundledSample;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.ManifestSource;
import io.netpolviz.view.Selection;
import io.netpolviz.view.ViewPipeline;
import io.netpolviz.view.Workspace;
import io.netpolviz.view.WorkspaceLoader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's view-model: the picture on show and the window around it (title, status
 * line, progress), opening places, and the parts views bind to for the rest — switches, the live
 * cluster, lessons, selection, filters, grouping, problems, export, recent places and the side the
 * picture is compared with. It puts
 * each load's result in place across those parts. Every command that needs loading, evaluation,
 * layout or I/O hands the work to {@link BackgroundWork}, and the results come back on the
 * JavaFX thread. Lives on the JavaFX thread.
 */
public final class MainViewModel implements AutoCloseable {

    /** Edges to flash after a toggle or a step; {@code serial} makes each request new. */
    public record Flash(long serial, Set<String> edgeKeys) {
    }

    private final BackgroundWork work;
    private final StatusLine status = new StatusLine();
    private final Picture picture;
    private final PictureLoads loads;
    private final PlaceWatch watch;
    private final FilterViewModel filters;
    private final SelectionViewModel selection;
    private final SwitchesViewModel switches;
    private final LessonViewModel lesson;
    private final ProblemsViewModel problems;
    private final RegroupViewModel regrouping;
    private final ExportViewModel exporter;
    private final LiveClusterViewModel cluster;
    private final RecentPlacesViewModel recent;
    private final FixViewModel fixes;
    private final AttackViewModel attack;
    private final CompareViewModel compare;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "NetPolViz");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

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
        this.work = work;
        work.setActivityListener(lanes -> {
            busy.set(!lanes.isEmpty());
            loading.set(lanes.contains(Lane.LOAD));
        });
        ViewPipeline pipeline = new ViewPipeline(loader);
        this.picture = new Picture();
        // New verdicts flash what they changed; the same verdicts drawn again (a filter, a selected node) keep
        // their change marks but do not flash them a second time.
        this.switches = new SwitchesViewModel(work, pipeline, picture, status, evaluated -> show(evaluated,
                picture.evaluated() == null || picture.evaluated().evaluation() != evaluated.evaluation()));
        // A filter decides what the picture draws: it is drawn again, keeping its shape where it can.
        this.filters = new FilterViewModel(filter -> switches.reevaluate());
        this.problems = new ProblemsViewModel(work, status);
        this.loads = new PictureLoads(work, pipeline, picture, switches::switchedOff, status, new PictureLoads.Receiver() {
            @Override
            public void loaded(PictureLoads.Loaded loaded, PictureLoads.Plan plan) {
                applyLoaded(loaded, plan);
            }

            @Override
            public void failedToOpen(Throwable error) {
                problems.failedToOpen(error);
            }
        });
        this.watch = new PlaceWatch(work, watchFolders, this::reload);
        this.selection = new SelectionViewModel(work, picture, () -> switches.reevaluate());
        picture.drawFor(filters::current, selection::selectedNode);
        this.lesson = new LessonViewModel(picture, loads);
        this.regrouping = new RegroupViewModel(picture, loads, status);
        this.exporter = new ExportViewModel(work, picture, filters::current, switches::switchedOff, status);
        this.cluster = new LiveClusterViewModel(work, picture, loads, status, this::clearFor, zone);
        this.recent = new RecentPlacesViewModel(work, recent);
        this.fixes = new FixViewModel(work, picture, status, new DraftAdding(picture, switches, loads, status)::add);
        this.attack = new AttackViewModel(work, picture, status);
        this.compare = new CompareViewModel(work, picture, status, () -> switches.reevaluate(true));
    }

    // ---------------------------------------------------------------- commands: opening

    /** Opens a folder or files: a lesson (a folder of numbered steps) opens at its first step, where its story starts. */
    public void open(List<Path> place) {
        open(place, 1);
    }

    /**
     * Opens a lesson at step {@code step} (1-based; 0 or past the end means its last), as if
     * opened there: nothing is marked changed, as nothing was on show before it.
     */
    public void open(List<Path> place, int step) {
        if (place.isEmpty()) {
            return;
        }
        WorkspaceLoader.Request request = WorkspaceLoader.freshOpen(place);
        cluster.stop();
        loads.place(Workspace.nameOf(request.place()), progressReport -> request.place(), step, false, PictureLoads.Plan.FRESH);
    }

    /** Opens the tutorial that ships with the app, at its first step. */
    public void openBundledSample() {
        cluster.stop();
        loads.place("the bundled tutorial", progressReport -> {
            progressReport.report(0.05, "Unpacking the tutorial\u2026");
            return List.of(BundledSample.extract());
        }, 1, true, PictureLoads.Plan.FRESH);
    }

    /** Reads the open place again, keeping switches, selection and (if the shape allows) the layout. */
    public void reload() {
        Workspace current = picture.current();
        if (cluster.followsCluster()) {
            cluster.reconnect();
        } else if (current != null && !current.live()) {
            List<Path> place = current.place();
            loads.place(current.name(), progressReport -> place, current.step(), current.bundled(), PictureLoads.Plan.RELOAD);
        }
    }

    /**
     * Larger fonts and a high-contrast theme for teaching; the picture is laid out again with them,
     * from what is open (nothing is read again).
     */
    public void setPresentation(boolean on) {
        if (picture.presentation.get() == on) {
            return;
        }
        picture.presentation.set(on);
        picture.theme.set(on ? Theme.presentation() : Theme.standard());
        switches.reevaluate(true);
    }

    /** Moves a node by a drag, in diagram units; its edges follow, nothing else moves. */
    public void moveNode(String id, double dx, double dy) {
        picture.moveNode(id, dx, dy);
    }

    /** The node under a diagram point, else the edge near it. */
    public Optional<Selection> hit(double x, double y, double edgeTolerance) {
        return picture.hit(x, y, edgeTolerance);
    }

    /** The node with this id in the frame, for labels in views. */
    public Optional<GraphNode> node(String id) {
        return picture.node(id);
    }

    @Override
    public void close() {
        cluster.stop();
        watch.close();
        recent.flush();
        work.close();
    }

    // ---------------------------------------------------------------- putting results in place

    /** Puts a loaded workspace on show across the window, keeping what its plan keeps. */
    private void applyLoaded(PictureLoads.Loaded loaded, PictureLoads.Plan plan) {
        // Evaluations and explanations still running belong to the workspace being replaced.
        work.cancel(Lane.EVALUATE);
        work.cancel(Lane.DETAILS);
        Workspace opened = loaded.workspace();
        if (plan.startsOver()) {
            fixes.forget();
            attack.clear();
        }
        Workspace before = picture.current();
        boolean newPlace = before == null || !before.place().equals(opened.place());
        picture.open(opened, !newPlace);
        if (plan.carriesView()) {
            filters.carryInto(opened);
            selection.carryInto(opened);
        }
        if (plan.startsOver()) {
            switches.startOver();
            selection.startOver();
            filters.startOver();
            if (!opened.bundled() && !opened.live()) {
                recent.remember(opened.place());
            }
        }
        if (newPlace || plan.startsOver()) {
            watch.watch(opened.place(), error -> status.say("Changes to " + opened.name() + " will not be picked up: "
                    + StatusLine.message(error)));
        }
        problems.loaded(opened);
        filters.shown(opened);
        lesson.shown(opened);
        title.set("NetPolViz \u2014 " + (opened.bundled() ? "tutorial (bundled)" : opened.name())
                + (opened.hasSteps() ? " \u2014 step " + opened.step() + " of " + opened.steps().size() : "")
                + (opened.live() ? " (live)" : ""));
        loads.progress.set(0);
        if (opened.live()) {
            switches.forgetMissing(opened);
        }
        show(loaded.evaluated(), plan.flashesChanges());
        // A policy-only input is drawn with stand-ins: the status line must not count them as workloads.
        long standIns = opened.snapshot().workloads().stream().filter(w -> w.kind() == io.netpolviz.model.WorkloadKind.STAND_IN).count();
        status.say(String.format(Locale.ROOT, "%s %s: %s, %d policies, %d problems (%.0f ms)",
                plan.verb(opened.live()), opened.bundled() ? "the bundled tutorial" : opened.name(),
                standIns == 0 ? opened.snapshot().workloads().size() + " workloads" : "no workloads, " + standIns + " stand-ins",
                opened.snapshot().policies().size() + opened.snapshot().clusterPolicies().size() + opened.snapshot().ciliumPolicies().size()
                        + opened.snapshot().calico().policies().size(),
                opened.snapshot().diagnostics().size(), loaded.millis())
                + unevaluatedMark(opened.snapshot().unevaluatedPolicyKinds()));
        cluster.shown(opened);
        if (!loaded.opened().switchedOff().equals(switches.switchedOff())) {
            // A toggle arrived while this was loading.
            switches.reevaluate();
        }
    }

    /** The status line's loud mark for policies NetPolViz does not evaluate; empty when there are none. */
    static String unevaluatedMark(List<String> kinds) {
        return kinds.isEmpty() ? "" : " \u2014 \u26A0 not evaluated: " + String.join(", ", kinds)
                + "; the picture may allow what the cluster blocks";
    }

    /** Shows an evaluation of the open workspace in every part that depends on it. */
    private void show(Evaluated value, boolean flashChanges) {
        picture.show(value, flashChanges);
        switches.shown(value);
        problems.shown(value);
        compare.shown(value);
        selection.explain();
    }

    /** Nothing shown, titled {@code windowTitle}: a live cluster is on its way instead of what was open. */
    private void clearFor(String windowTitle) {
        // A folder still loading would replace the cluster when it arrives.
        work.cancel(Lane.LOAD);
        work.cancel(Lane.EVALUATE);
        work.cancel(Lane.DETAILS);
        watch.stop();
        picture.clear();
        switches.clear();
        selection.clear();
        problems.clear();
        filters.clear();
        lesson.clear();
        fixes.forget();
        attack.clear();
        compare.clear();
        title.set(windowTitle);
    }

    // ---------------------------------------------------------------- the parts views bind to

    public SwitchesViewModel switches() {
        return switches;
    }

    public LiveClusterViewModel cluster() {
        return cluster;
    }

    public LessonViewModel lesson() {
        return lesson;
    }

    public SelectionViewModel selection() {
        return selection;
    }

    public FilterViewModel filters() {
        return filters;
    }

    public RegroupViewModel regrouping() {
        return regrouping;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public ExportViewModel exporter() {
        return exporter;
    }

    public RecentPlacesViewModel recent() {
        return recent;
    }

    public FixViewModel fixes() {
        return fixes;
    }

    public AttackViewModel attack() {
        return attack;
    }

    public CompareViewModel compare() {
        return compare;
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return picture.workspace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Evaluated> evaluationProperty() {
        return picture.evaluation.getReadOnlyProperty();
    }

    /** The diagram to paint: arranged, restyled and filtered. */
    public ReadOnlyObjectProperty<Diagram> diagramProperty() {
        return picture.diagram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Flash> flashProperty() {
        return picture.flash.getReadOnlyProperty();
    }

    /** How long the last evaluation took to reach a restyled diagram, in milliseconds. */
    public ReadOnlyDoubleProperty lastEvaluationMillisProperty() {
        return picture.lastEvaluationMillis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return picture.theme.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presentationProperty() {
        return picture.presentation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.property();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while any background work for this window is still to deliver. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return loads.progress.getReadOnlyProperty();
    }
}

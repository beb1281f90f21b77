package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.graph.Grouping;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.TooMuchToDraw;
import io.netpolviz.view.ViewPipeline;
import io.netpolviz.view.Workspace;
import io.netpolviz.view.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Puts new workspaces on show: a place of files, a live cluster's snapshot, or the open cluster
 * grouped otherwise. Each load goes through the {@link ViewPipeline} off the JavaFX thread with
 * what its {@link Plan} keeps of the picture, and what comes back is handed, on the JavaFX
 * thread, to whoever applies it.
 */
final class PictureLoads {

    /**
     * What one kind of load keeps of what is on show, and how the status line names it. A load
     * that starts over forgets the switches, the selection, the filters (all but which edges) and
     * the grouping, and remembers the place among the recent ones; every other load keeps them.
     *
     * @param startsOver a new place, or a cluster's first snapshot
     * @param lendsFrame the open workspace lends its frame (a lesson's steps share one)
     * @param keepsGeometry the arranged diagram is kept if the new frame fits it
     * @param carriesView the filters and the selection are carried into a new frame of the same cluster
     * @param flashesChanges the edges whose verdict changed flash
     * @param verb what the status line says was done to a place of files
     * @param liveVerb what it says was done to a live cluster's snapshot
     */
    record Plan(boolean startsOver, boolean lendsFrame, boolean keepsGeometry, boolean carriesView, boolean flashesChanges,
            String verb, String liveVerb) {

        /** A new place, or a live cluster's first snapshot. */
        static final Plan FRESH = new Plan(true, false, false, false, false, "Opened", "Read");
        /** Another step of the open lesson: the same frame and arrangement, new verdicts. */
        static final Plan STEP = new Plan(false, true, true, false, true, "Opened", "Read");
        /** The open place read again (a file changed, or F5). */
        static final Plan RELOAD = new Plan(false, false, true, false, true, "Reloaded", "Read");
        /** The same place laid out anew in another look (presentation mode). */
        static final Plan RELAYOUT = new Plan(false, true, false, false, false, "Opened", "Laid out");
        /** A live cluster's next snapshot. */
        static final Plan UPDATE = new Plan(false, false, true, false, true, "Opened", "Updated");
        /** The open cluster grouped otherwise: a collapse or an expansion. */
        static final Plan REGROUP = new Plan(false, false, false, true, false, "Opened", "Read");

        /** Whether the switched-off policies carry over (and with them the evaluation they are measured against). */
        boolean keepsSwitches() {
            return !startsOver;
        }

        /** Whether what the user expanded and collapsed carries over; a fresh place decides by its size. */
        boolean keepsGrouping() {
            return !startsOver;
        }

        /** What the status line says was done. */
        String verb(boolean live) {
            return live ? liveVerb : verb;
        }
    }

    /** A workspace with its first evaluation, and how long both took. */
    record Loaded(ViewPipeline.Opened opened, double millis) {

        Workspace workspace() {
            return opened.workspace();
        }

        Evaluated evaluated() {
            return opened.evaluated();
        }
    }

    /** Who applies loads, on the JavaFX thread. */
    interface Receiver {
        void loaded(Loaded loaded, Plan plan);

        /** A place could not be opened at all; the status line already says so. */
        void failedToOpen(Throwable error);
    }

    private final BackgroundWork work;
    private final ViewPipeline pipeline;
    private final Picture picture;
    private final Supplier<Set<PolicyId>> switchedOff;
    private final StatusLine status;
    private final Receiver receiver;
    /** How far the load of a place has come, 0 when none runs. */
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");

    PictureLoads(BackgroundWork work, ViewPipeline pipeline, Picture picture, Supplier<Set<PolicyId>> switchedOff, StatusLine status,
            Receiver receiver) {
        this.work = work;
        this.pipeline = pipeline;
        this.picture = picture;
        this.switchedOff = switchedOff;
        this.status = status;
        this.receiver = receiver;
    }

    /**
     * Loads a place of files.
     *
     * @param what the place in words, for messages
     * @param place finds the paths on the worker (the bundled tutorial must be unpacked first)
     * @param step the lesson's step to show, 0 for the last
     */
    void place(String what, BackgroundWork.Job<List<Path>> place, int step, boolean bundled, Plan plan) {
        Workspace current = picture.current();
        Set<PolicyId> off = plan.keepsSwitches() ? switchedOff.get() : Set.of();
        Evaluated previous = plan.keepsSwitches() ? picture.evaluated() : null;
        Grouping grouping = keptGrouping(plan, current);
        Workspace frameDonor = plan.lendsFrame() ? current : null;
        Diagram kept = plan.keepsGeometry() ? picture.geometry() : null;
        long revision = picture.geometryRevision() + 1;
        LayoutOptions options = picture.layoutOptions();
        work.submit(Lane.LOAD, progressReport -> {
            long start = System.nanoTime();
            List<Path> paths = place.run(progressReport);
            WorkspaceLoader.Request request = new WorkspaceLoader.Request(paths, step, bundled, frameDonor, kept, options, grouping);
            return new Loaded(pipeline.open(request, off, previous, revision, progressReport), millisSince(start));
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                receiver.loaded(value, plan);
            }

            @Override
            public void failure(Throwable error) {
                progress.set(0);
                status.say("Could not open " + what + ": " + StatusLine.message(error));
                receiver.failedToOpen(error);
            }

            @Override
            public void progress(double fraction, String message) {
                progress.set(fraction);
                status.say(message);
            }
        });
    }

    /**
     * Turns a live cluster's snapshot into a workspace. A newer snapshot makes this one stale; a
     * node dragged meanwhile makes it build again on the new arrangement.
     *
     * @param stillWanted whether the cluster it came from is still followed, asked when it is done
     */
    void snapshot(ClusterSnapshot snapshot, Plan plan, BooleanSupplier stillWanted) {
        Workspace current = picture.current();
        Set<PolicyId> off = plan.keepsSwitches() ? switchedOff.get() : Set.of();
        Evaluated previous = plan.keepsSwitches() ? picture.evaluated() : null;
        LayoutOptions options = picture.layoutOptions();
        Diagram geometry = picture.geometry();
        // A diagram laid out with other fonts (presentation mode switched meanwhile) is not kept.
        Diagram kept = plan.keepsGeometry() && geometry != null && geometry.typography().equals(options.typography()) ? geometry : null;
        long arrangedRevision = picture.geometryRevision();
        Grouping grouping = keptGrouping(plan, current);
        Set<String> known = grouping == null ? Set.of() : Grouping.namespacesWithWorkloads(current.engine());
        work.submit(Lane.CLUSTER, progressReport -> {
            long start = System.nanoTime();
            ViewPipeline.Opened opened = pipeline.fromSnapshot(snapshot, kept, options, grouping, known, off, previous,
                    arrangedRevision + 1, progressReport);
            return new Loaded(opened, millisSince(start));
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                if (!stillWanted.getAsBoolean()) {
                    return;
                }
                if (kept != null && picture.geometryRevision() != arrangedRevision) {
                    snapshot(snapshot, plan, stillWanted);
                    return;
                }
                receiver.loaded(value, plan);
            }

            @Override
            public void failure(Throwable error) {
                status.say("Could not show the cluster's snapshot: " + StatusLine.message(error));
            }
        });
    }

    /**
     * Lays out the open workspace with the grouping {@code outcome} asks for; the switches, filters
     * and selection carry over.
     *
     * @param shown runs on the JavaFX thread once the new picture is on show
     */
    void regroup(Regrouping.Outcome outcome, Consumer<Loaded> shown) {
        Workspace from = picture.current();
        Evaluated evaluated = picture.evaluated();
        Set<PolicyId> off = switchedOff.get();
        long revision = picture.geometryRevision() + 1;
        LayoutOptions options = picture.layoutOptions();
        work.submit(Lane.LOAD, progressReport -> {
            long start = System.nanoTime();
            return new Loaded(pipeline.regroup(from, outcome.grouping(), evaluated, off, options, revision), millisSince(start));
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                receiver.loaded(value, Plan.REGROUP);
                shown.accept(value);
            }

            @Override
            public void failure(Throwable error) {
                status.say(error instanceof TooMuchToDraw ? error.getMessage()
                        : "Could not lay out the new picture: " + StatusLine.message(error));
            }
        });
    }

    /** What the user expanded and collapsed, if the plan keeps it and there is any. */
    private static Grouping keptGrouping(Plan plan, Workspace current) {
        return plan.keepsGrouping() && current != null && current.isAggregated() ? current.grouping() : null;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}

package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.graph.Grouping;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.TooMuchToDraw;
import io.netpolviz.view.ViewPipeline;
import io.netpolviz.view.DraftPolicies;
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
     * @param freshLayout the picture is laid out anew, searching for the most readable layout,
     *     rather than keeping the shape of the one on show
     * @param carriesView the filters and the selection are carried into a new frame of the same cluster
     * @param flashesChanges the edges whose verdict changed flash
     * @param verb what the status line says was done to a place of files
     * @param liveVerb what it says was done to a live cluster's snapshot
     */
    record Plan(boolean startsOver, boolean freshLayout, boolean carriesView, boolean flashesChanges, String verb, String liveVerb) {

        /** A new place, or a live cluster's first snapshot. */
        static final Plan FRESH = new Plan(true, true, false, false, "Opened", "Read");
        /** Another step of the open lesson: new verdicts, marked against the step before. */
        static final Plan STEP = new Plan(false, true, false, true, "Opened", "Read");
        /** The open place read again (a file changed, or F5): the picture keeps its shape where it can. */
        static final Plan RELOAD = new Plan(false, false, false, true, "Reloaded", "Read");
        /** A live cluster's next snapshot: the picture keeps its shape where it can. */
        static final Plan UPDATE = new Plan(false, false, false, true, "Opened", "Updated");
        /** The open cluster grouped otherwise: a collapse or an expansion. */
        static final Plan REGROUP = new Plan(false, true, true, false, "Opened", "Read");

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
        // Drafts belong to the place they were added to: kept while it stays open, dropped by a new one.
        place(what, place, step, bundled, plan, plan.startsOver() || current == null ? DraftPolicies.NONE : current.drafts());
    }

    /** Loads a place of files with {@code drafts} among its policies. */
    void place(String what, BackgroundWork.Job<List<Path>> place, int step, boolean bundled, Plan plan, DraftPolicies drafts) {
        Workspace current = picture.current();
        Set<PolicyId> off = plan.keepsSwitches() ? switchedOff.get() : Set.of();
        Evaluated previous = plan.keepsSwitches() ? picture.evaluated() : null;
        Grouping grouping = keptGrouping(plan, current);
        io.netpolviz.view.Picture.Request drawing = picture.request(plan.freshLayout());
        work.submit(Lane.LOAD, progressReport -> {
            long start = System.nanoTime();
            List<Path> paths = place.run(progressReport);
            WorkspaceLoader.Request request = new WorkspaceLoader.Request(paths, step, bundled, grouping, drafts);
            return new Loaded(pipeline.open(request, off, previous, drawing, progressReport), millisSince(start));
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
     * Turns a live cluster's snapshot into a workspace. A newer snapshot makes this one stale.
     *
     * @param stillWanted whether the cluster it came from is still followed, asked when it is done
     */
    void snapshot(ClusterSnapshot snapshot, Plan plan, BooleanSupplier stillWanted) {
        Workspace current = picture.current();
        Set<PolicyId> off = plan.keepsSwitches() ? switchedOff.get() : Set.of();
        Evaluated previous = plan.keepsSwitches() ? picture.evaluated() : null;
        Grouping grouping = keptGrouping(plan, current);
        Set<String> known = grouping == null ? Set.of() : Grouping.namespacesWithWorkloads(current.engine());
        io.netpolviz.view.Picture.Request drawing = picture.request(plan.freshLayout());
        work.submit(Lane.CLUSTER, progressReport -> {
            long start = System.nanoTime();
            ViewPipeline.Opened opened = pipeline.fromSnapshot(snapshot, grouping, known, off, previous, drawing, progressReport);
            return new Loaded(opened, millisSince(start));
        }, new BackgroundWork.Delivery<Loaded>() {
            @Override
            public void result(Loaded value) {
                if (!stillWanted.getAsBoolean()) {
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
        io.netpolviz.view.Picture.Request drawing = picture.request(true);
        work.submit(Lane.LOAD, progressReport -> {
            long start = System.nanoTime();
            return new Loaded(pipeline.regroup(from, outcome.grouping(), evaluated, off, drawing), millisSince(start));
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

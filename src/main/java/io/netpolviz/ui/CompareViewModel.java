package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.app.ComparisonSources;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.view.Comparison;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * File → Compare with: reads the side to compare the open picture with — a folder or files, the
 * open folder at a git revision, or one snapshot of a cluster — and has every picture from then on
 * drawn against it: added, removed and changed pairs marked, and listed ({@link #changesProperty}).
 * The open workspace is the after side, so its switches make a what-if on top of the diff. Lives
 * on the JavaFX thread; the reading runs on the worker.
 */
public final class CompareViewModel {

    private final BackgroundWork work;
    private final Picture picture;
    private final StatusLine status;
    private final Runnable redraw;
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<List<ConnectivityChange>> changes = new ReadOnlyObjectWrapper<>(this, "changes", List.of());

    /** @param redraw draws the open workspace again, laid out afresh, once the side to compare with is in place */
    CompareViewModel(BackgroundWork work, Picture picture, StatusLine status, Runnable redraw) {
        this.work = work;
        this.picture = picture;
        this.status = status;
        this.redraw = redraw;
    }

    /** Compares with manifests: a folder, or files read together. */
    public void compareWithFolder(List<Path> place) {
        read("Reading " + place.get(0).getFileName() + " to compare with\u2026", progress -> ComparisonSources.folder(place));
    }

    /** Compares with the open folder as revision {@code revision} of its repository holds it ({@code main}, {@code HEAD~1}, a hash). */
    public void compareWithGitRevision(String revision) {
        Workspace open = picture.current();
        if (open == null || open.live() || open.bundled()) {
            status.say("Compare with a git revision needs a folder of a repository open");
            return;
        }
        Path folder = open.place().get(0);
        read("Reading " + folder.getFileName() + " at " + revision + "\u2026", progress -> ComparisonSources.gitRevision(revision.strip(), folder));
    }

    /** Compares with one snapshot of a cluster: what would applying the open folder change? */
    public void compareWithCluster(ClusterOptions options) {
        read("Reading the cluster to compare with\u2026", progress -> ComparisonSources.cluster(options));
    }

    /** Back to the plain picture. */
    public void stop() {
        work.cancel(Lane.COMPARE);
        if (comparison.get() == null) {
            return;
        }
        comparison.set(null);
        picture.compareWith(null);
        status.say("No longer comparing");
        redraw.run();
    }

    private void read(String message, BackgroundWork.Job<Comparison> job) {
        status.say(message);
        work.submit(Lane.COMPARE, job, new BackgroundWork.Delivery<Comparison>() {
            @Override
            public void result(Comparison side) {
                comparison.set(side);
                picture.compareWith(side);
                status.say("Comparing with " + side.name() + ": the open picture is the after side");
                redraw.run();
            }

            @Override
            public void failure(Throwable error) {
                status.say("Could not compare: " + StatusLine.message(error));
            }
        });
    }

    /** Puts an evaluation's list of changes in place (empty when it compares with nothing). */
    void shown(Evaluated value) {
        changes.set(value.comparison() == null ? List.of() : value.compared());
    }

    void clear() {
        changes.set(List.of());
    }

    /** {@code main → pull-request: 1 added, 1 changed, 1 removed}, or empty when not comparing. */
    public String summary() {
        Comparison side = comparison.get();
        if (side == null) {
            return "";
        }
        long added = changes.get().stream().filter(change -> change.kind() == ConnectivityChange.Kind.ADDED).count();
        long removed = changes.get().stream().filter(change -> change.kind() == ConnectivityChange.Kind.REMOVED).count();
        long changed = changes.get().size() - added - removed;
        return String.format(Locale.ROOT, "Compared with %s: %d added, %d changed, %d removed", side.name(), added, changed, removed);
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Every pair whose allowed ports differ from the compared side's, sorted by source then destination. */
    public ReadOnlyObjectProperty<List<ConnectivityChange>> changesProperty() {
        return changes.getReadOnlyProperty();
    }
}

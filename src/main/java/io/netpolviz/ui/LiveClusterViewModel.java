package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.ClusterStatusLine;
import io.netpolviz.app.LiveClusterFeed;
import io.netpolviz.cluster.ChangeCause;
import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.ConnectionStatus;
import io.netpolviz.cluster.KubeconfigContexts;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.Severity;
import io.netpolviz.view.Workspace;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Following a live cluster: connecting, reconnecting, the connection's state and its status
 * line. The cluster's snapshots go through the same pipeline as a folder; each later one
 * restyles in place when the picture keeps its shape, and the switches stay off across them.
 */
public final class LiveClusterViewModel {

    private final BackgroundWork work;
    private final Picture picture;
    private final PictureLoads loads;
    private final StatusLine status;
    /** Makes way for a cluster: whatever was open goes, and the window takes this title. */
    private final Consumer<String> clearFor;
    private final ZoneId zone;
    /** The live cluster followed, or null; only its callbacks reach the view. */
    private LiveClusterFeed feed;
    /** What the live cluster's last published snapshot changed. */
    private ChangeCause lastCause;
    /** The options of the last connection, for the next connect dialog. */
    private ClusterOptions lastOptions;

    private final ReadOnlyObjectWrapper<ConnectionStatus> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyObjectWrapper<ClusterStatusLine.Summary> clusterStatus = new ReadOnlyObjectWrapper<>(this, "clusterStatus");
    private final ReadOnlyBooleanWrapper policiesUnreadable = new ReadOnlyBooleanWrapper(this, "policiesUnreadable");

    /** @param zone the time zone of the clock times the status line shows */
    LiveClusterViewModel(BackgroundWork work, Picture picture, PictureLoads loads, StatusLine status, Consumer<String> clearFor,
            ZoneId zone) {
        this.work = work;
        this.picture = picture;
        this.loads = loads;
        this.status = status;
        this.clearFor = clearFor;
        this.zone = zone;
    }

    /**
     * Follows a live cluster instead of what is open. Until the first snapshot the view is empty
     * and says why.
     */
    public void connect(ClusterOptions options) {
        stop();
        lastOptions = options;
        clearFor.accept("NetPolViz \u2014 cluster:" + (options.context() == null ? "" : options.context()) + " (live)");
        policiesUnreadable.set(false);
        feed = LiveClusterFeed.open(options, work, new LiveClusterFeed.Receiver() {
            @Override
            public void snapshot(LiveClusterFeed from, ClusterSnapshot snapshot, ChangeCause cause) {
                if (from == feed) {
                    lastCause = cause;
                    // Until the first snapshot is shown, every snapshot opens afresh.
                    show(snapshot, picture.current() == null ? PictureLoads.Plan.FRESH : PictureLoads.Plan.UPDATE);
                }
            }

            @Override
            public void status(LiveClusterFeed from, ConnectionStatus newStatus) {
                if (from == feed) {
                    statusChanged(newStatus);
                }
            }
        });
        String context = options.context() == null ? "the current context" : options.context();
        status.say("Connecting to " + context + "\u2026");
        connection.set(feed.status());
        showStatus();
    }

    /** Connects the followed cluster again now, re-reading the kubeconfig; the view stays until new data comes. */
    public void reconnect() {
        if (feed != null) {
            feed.reconnect();
            status.say("Reconnecting to " + (connection.get() == null ? "the cluster" : connection.get().context()) + "\u2026");
        }
    }

    /** A form for the connect dialog, starting from the last connection (or the default kubeconfig). */
    public ConnectForm connectForm() {
        return new ConnectForm(work, KubeconfigContexts.defaultFiles(), lastOptions);
    }

    /** Whether a live cluster is followed (connected or trying to be). */
    public boolean followsCluster() {
        return feed != null;
    }

    /** Shows a snapshot of the cluster followed now; dropped if another is followed by the time it is ready. */
    void show(ClusterSnapshot snapshot, PictureLoads.Plan plan) {
        LiveClusterFeed from = feed;
        loads.snapshot(snapshot, plan, () -> from == feed);
    }

    /** Closes the live cluster, if one is followed; its late callbacks are dropped. */
    void stop() {
        if (feed == null) {
            return;
        }
        feed.close();
        feed = null;
        lastCause = null;
        work.cancel(BackgroundWork.Lane.CLUSTER);
        connection.set(null);
        clusterStatus.set(null);
    }

    /** A workspace is on show: whether it lacks policies it could not read, and the cluster's line. */
    void shown(Workspace opened) {
        policiesUnreadable.set(opened.live() && opened.snapshot().diagnostics().stream()
                .anyMatch(d -> d.severity() == Severity.ERROR && d.where().isInCluster(NetworkPolicy.KIND)));
        if (opened.live()) {
            showStatus();
        }
    }

    private void statusChanged(ConnectionStatus newStatus) {
        connection.set(newStatus);
        showStatus();
        if (picture.current() == null) {
            // Nothing shown yet: the cluster's own line says everything, an older message would contradict it.
            status.say("");
        }
    }

    private void showStatus() {
        ConnectionStatus now = connection.get();
        if (now == null) {
            clusterStatus.set(null);
            return;
        }
        Workspace current = picture.current();
        int unreadable = current == null || !current.live() ? 0
                : (int) current.snapshot().diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        clusterStatus.set(ClusterStatusLine.summarize(now, lastCause, unreadable, zone));
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
}

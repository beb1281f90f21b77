package io.netpolviz.ui;

import io.netpolviz.view.Regrouping;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Expanding and collapsing a summed-up picture: a namespace into its workloads and back, a group
 * of namespaces into its namespaces and back, everything at once. Each is a new picture, laid
 * out off the JavaFX thread; one that would be more than a person can read is refused with a
 * note in the status line.
 */
public final class RegroupViewModel {

    /**
     * A new picture of the same cluster after an expansion or a collapse; {@code zoomTo} names
     * the namespace box the view should show (null: the whole picture).
     */
    public record Regrouped(long serial, String zoomTo) {
    }

    private final Picture picture;
    private final PictureLoads loads;
    private final StatusLine status;
    private long serial;
    private final ReadOnlyObjectWrapper<Regrouped> regrouped = new ReadOnlyObjectWrapper<>(this, "regrouped", new Regrouped(0, null));

    RegroupViewModel(Picture picture, PictureLoads loads, StatusLine status) {
        this.picture = picture;
        this.loads = loads;
        this.status = status;
    }

    /** Opens a collapsed node: a namespace into its workloads, a group into its namespaces. */
    public void expand(String nodeId) {
        regroup(Regrouping.Kind.EXPAND, nodeId);
    }

    /** Shows a namespace as one node. */
    public void collapseNamespace(String namespace) {
        regroup(Regrouping.Kind.COLLAPSE_NAMESPACE, namespace);
    }

    /** Opens every group, or with none closed every namespace, unless that is more than a person can read. */
    public void expandAll() {
        regroup(Regrouping.Kind.EXPAND_ALL, null);
    }

    public void collapseAll() {
        regroup(Regrouping.Kind.COLLAPSE_ALL, null);
    }

    /** Runs one of {@link #actions}. */
    void regroup(Regrouping.Action action) {
        regroup(action.kind(), action.target());
    }

    /** What a view may offer to expand or collapse for a node, or for a namespace box (null node). */
    List<Regrouping.Action> actions(String nodeId, String namespaceBox) {
        return Regrouping.actions(picture.current(), nodeId, namespaceBox);
    }

    /**
     * Lays out the picture again with another grouping, off the JavaFX thread; the switches,
     * filters and selection carry over.
     */
    private void regroup(Regrouping.Kind kind, String target) {
        if (!picture.isShown()) {
            return;
        }
        Regrouping.Outcome outcome = Regrouping.outcome(picture.current(), kind, target);
        if (outcome.grouping() == null) {
            status.say(outcome.refusal());
            return;
        }
        status.say(outcome.done() + "\u2026 laying out");
        loads.regroup(outcome, value -> {
            regrouped.set(new Regrouped(++serial, outcome.zoomTo()));
            // What is drawn, not what the summary holds: a reader counts the boxes and lines on the screen.
            var drawn = value.opened().evaluated().picture().graph();
            status.say(String.format(Locale.ROOT, "%s (%d boxes, %d edges, laid out in %.0f ms)", outcome.done(),
                    drawn.nodes().size(), drawn.edges().size(), value.millis()));
        });
    }

    /** Fires after an expansion or a collapse has been laid out and shown. */
    public ReadOnlyObjectProperty<Regrouped> regroupedProperty() {
        return regrouped.getReadOnlyProperty();
    }
}

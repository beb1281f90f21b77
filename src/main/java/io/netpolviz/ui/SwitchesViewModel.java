package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.PolicyRow;
import io.netpolviz.view.ToggleHistory;
import io.netpolviz.view.ViewPipeline;
import io.netpolviz.view.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The policy switches: the list of policies with their switch, and the commands that switch them
 * (one, all on, all off) with undo and redo. A switch re-evaluates the open workspace off the
 * JavaFX thread, and the picture restyles in place when the evaluation comes back; the undo
 * buttons and the status line change with it.
 */
public final class SwitchesViewModel {

    private final BackgroundWork work;
    private final ViewPipeline pipeline;
    private final Picture picture;
    private final StatusLine status;
    /** Shows an evaluation of the open workspace across the window. */
    private final Consumer<Evaluated> show;
    private final ToggleHistory history = new ToggleHistory();
    /** What the last switch did, for the status line once its evaluation is shown; null when shown. */
    private String commandStatus;

    private final ObservableList<PolicyRow> policies = FXCollections.observableArrayList();
    // One read-only view, kept: a view holds its listeners weakly, so listeners added to a view
    // made afresh for each call would stop hearing changes once that view is collected.
    private final ObservableList<PolicyRow> policiesView = FXCollections.unmodifiableObservableList(policies);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");

    SwitchesViewModel(BackgroundWork work, ViewPipeline pipeline, Picture picture, StatusLine status, Consumer<Evaluated> show) {
        this.work = work;
        this.pipeline = pipeline;
        this.picture = picture;
        this.status = status;
        this.show = show;
    }

    /** Switches a policy off, or on again. */
    public void toggle(PolicyId policy) {
        history.toggle(policy).ifPresent(command -> afterCommand(command.label()));
    }

    public void allOn() {
        history.allOn().ifPresent(command -> afterCommand("switched every policy on"));
    }

    public void allOff() {
        Workspace current = picture.current();
        if (current != null) {
            history.allOff(everyPolicy(current))
                    .ifPresent(command -> afterCommand("switched every policy off"));
        }
    }

    public void undo() {
        history.undo().ifPresent(command -> afterCommand("undid: " + command.label()));
    }

    public void redo() {
        history.redo().ifPresent(command -> afterCommand("redid: " + command.label()));
    }

    /** The policy list entry of a policy, if the open cluster has it. */
    public Optional<PolicyRow.PolicySwitch> policyRow(PolicyId id) {
        return policies.stream().filter(row -> row instanceof PolicyRow.PolicySwitch s && s.id().equals(id))
                .map(row -> (PolicyRow.PolicySwitch) row).findFirst();
    }

    // ---------------------------------------------------------------- for the rest of the view-model

    /** Switches off the policies drafts were added to replace; the reload that adds the drafts shows it. */
    void switchOffReplaced(Set<PolicyId> replaced) {
        if (!replaced.isEmpty()) {
            history.switchOff("add drafts replacing " + replaced, replaced).ifPresent(command -> commandStatus = command.label());
            updateUndoState();
        }
    }

    Set<PolicyId> switchedOff() {
        return history.switchedOff();
    }

    /** A new place: every policy on, nothing to undo. */
    void startOver() {
        history.reset(Set.of());
    }

    /** Switches of policies the cluster no longer has are forgotten; the others stay off. */
    void forgetMissing(Workspace opened) {
        history.retainExisting(everyPolicy(opened));
    }

    /** The NetworkPolicies, the cluster-wide and the Calico policies of a workspace: each toggles alike. */
    private static List<PolicyId> everyPolicy(Workspace workspace) {
        List<PolicyId> ids = new java.util.ArrayList<>(workspace.engine().policies().stream().map(CompiledPolicy::id).toList());
        workspace.engine().tierPolicies().forEach(policy -> ids.add(policy.id()));
        workspace.engine().calicoPolicies().forEach(policy -> ids.add(policy.id()));
        return ids;
    }

    /** Nothing shown: a new source is on its way. */
    void clear() {
        history.reset(Set.of());
        updateUndoState();
        policies.clear();
    }

    /** An evaluation is on show: its policy list, and the undo state of the switches it shows. */
    void shown(Evaluated value) {
        setRows(value.rows());
        updateUndoState();
    }

    /**
     * Evaluates the current switches off the JavaFX thread and draws the picture for the filter
     * and selection on show, keeping its shape where the drawn graph allows. A filter or a
     * selection that changes what is drawn comes here too.
     */
    void reevaluate() {
        reevaluate(false);
    }

    /** @param freshLayout whether the picture searches for its most readable layout (a new look) */
    void reevaluate(boolean freshLayout) {
        if (!picture.isShown()) {
            return;
        }
        Workspace target = picture.current();
        Set<PolicyId> off = history.switchedOff();
        Evaluated previous = picture.evaluated();
        io.netpolviz.view.Picture.Request drawing = picture.request(freshLayout);
        work.submit(Lane.EVALUATE, progressReport -> pipeline.reevaluate(target, off, previous, drawing),
                new BackgroundWork.Delivery<Evaluated>() {
                    @Override
                    public void result(Evaluated value) {
                        show.accept(value);
                        String done = commandStatus != null ? commandStatus : status.message();
                        commandStatus = null;
                        status.sayReevaluated(done, value.millis());
                    }

                    @Override
                    public void failure(Throwable error) {
                        commandStatus = null;
                        updateUndoState();
                        status.say("Could not evaluate: " + StatusLine.message(error));
                    }
                });
    }

    private void afterCommand(String label) {
        commandStatus = capitalized(label);
        picture.stopFlash();
        if (!picture.isShown()) {
            updateUndoState();
            status.say(commandStatus);
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

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<PolicyRow> policies() {
        return policiesView;
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
}

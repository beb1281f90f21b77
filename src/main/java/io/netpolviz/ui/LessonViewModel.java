package io.netpolviz.ui;

import io.netpolviz.view.Workspace;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The steps of a lesson (a folder of numbered step folders): which one is shown, its caption,
 * and the commands that go to another; a step keeps the switches and the arrangement and
 * flashes what it changed.
 */
public final class LessonViewModel {

    private final Picture picture;
    private final PictureLoads loads;
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step");
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount");
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper(this, "stepTitle", "");

    LessonViewModel(Picture picture, PictureLoads loads) {
        this.picture = picture;
        this.loads = loads;
    }

    /** Shows step {@code position} (1-based) of a lesson: folders 1..position loaded together. */
    public void goToStep(int position) {
        Workspace current = picture.current();
        if (current == null || !current.hasSteps() || position < 1 || position > current.steps().size()) {
            return;
        }
        List<Path> place = current.place();
        loads.place(current.name(), progressReport -> place, position, current.bundled(), PictureLoads.Plan.STEP);
    }

    public void nextStep() {
        goToStep(step.get() + 1);
    }

    public void previousStep() {
        goToStep(step.get() - 1);
    }

    /** A workspace is on show: its step, if it has any. */
    void shown(Workspace opened) {
        step.set(opened.step());
        stepCount.set(opened.hasSteps() ? opened.steps().size() : 0);
        stepTitle.set(opened.hasSteps() ? opened.currentStep().title() : "");
    }

    void clear() {
        step.set(0);
        stepCount.set(0);
        stepTitle.set("");
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
}

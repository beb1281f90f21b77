package io.netpolviz.ui;

import io.netpolviz.view.LessonGuide;
import io.netpolviz.view.Workspace;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The steps of a lesson (a folder of numbered step folders): which one is shown, its caption,
 * and the commands that go to another; a step keeps the switches and the arrangement and
 * flashes what it changed. Any lesson, in steps or not, has a guide: what its README says to
 * look at in what is on show.
 */
public final class LessonViewModel {

    private final Picture picture;
    private final PictureLoads loads;
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step");
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount");
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper(this, "stepTitle", "");
    private final ReadOnlyObjectWrapper<LessonGuide> guide = new ReadOnlyObjectWrapper<>(this, "guide", LessonGuide.NONE);
    /**
     * The step asked for last and not yet shown, 0 when none: a clicker pressed twice before the
     * first step arrives goes two steps, not one step twice.
     */
    private int asked;

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
        if (position == from()) {
            return;
        }
        asked = position;
        List<Path> place = current.place();
        loads.place(current.name(), progressReport -> place, position, current.bundled(), PictureLoads.Plan.STEP);
    }

    public void nextStep() {
        goToStep(from() + 1);
    }

    public void previousStep() {
        goToStep(from() - 1);
    }

    /** Where the next or previous step counts from: the step on its way, else the one on show. */
    private int from() {
        return asked > 0 ? asked : step.get();
    }

    /** A workspace is on show: its step, if it has any. */
    void shown(Workspace opened) {
        // Loads replace each other: the step shown is the last one asked for.
        asked = 0;
        guide.set(opened.guide());
        step.set(opened.step());
        stepCount.set(opened.hasSteps() ? opened.steps().size() : 0);
        stepTitle.set(opened.hasSteps() ? opened.currentStep().title() : "");
    }

    void clear() {
        asked = 0;
        guide.set(LessonGuide.NONE);
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

    /** What the lesson says about what is on show; {@link LessonGuide#NONE} when no lesson is open. */
    public ReadOnlyObjectProperty<LessonGuide> guideProperty() {
        return guide.getReadOnlyProperty();
    }

    /** {@code Step 2: Deny all in production}, or empty. */
    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }
}

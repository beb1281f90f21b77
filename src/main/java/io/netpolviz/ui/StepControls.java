package io.netpolviz.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * Previous and Next through a lesson's steps, and the step count; shown only for a lesson in
 * steps. The step's caption is the lesson guide's heading, over the diagram ({@link LessonGuidePane}).
 */
final class StepControls extends HBox {

    StepControls(LessonViewModel lesson) {
        super(8);
        Button previous = new Button("\u25C0 Previous");
        previous.setId("previousStep");
        previous.setOnAction(event -> lesson.previousStep());
        previous.disableProperty().bind(lesson.stepProperty().lessThanOrEqualTo(1));
        Button next = new Button("Next \u25B6");
        next.setId("nextStep");
        next.setOnAction(event -> lesson.nextStep());
        next.disableProperty().bind(lesson.stepProperty().greaterThanOrEqualTo(lesson.stepCountProperty()));
        Label count = new Label();
        count.getStyleClass().add("step-count");
        count.textProperty().bind(Bindings.when(lesson.stepCountProperty().greaterThan(0))
                .then(Bindings.concat(lesson.stepProperty(), " / ", lesson.stepCountProperty())).otherwise(""));
        previous.setTooltip(new javafx.scene.control.Tooltip("The step before (PageUp, or \u2190)"));
        next.setTooltip(new javafx.scene.control.Tooltip("The next step (PageDown, or \u2192)"));
        getChildren().addAll(previous, count, next);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(lesson.stepCountProperty().greaterThan(0));
        managedProperty().bind(visibleProperty());
    }
}

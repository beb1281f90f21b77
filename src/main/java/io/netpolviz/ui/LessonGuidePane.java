package io.netpolviz.ui;

import io.netpolviz.view.LessonGuide;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the open lesson says about what is on show: the lesson, the step's heading, its caption,
 * and what to look at. Narrow, beside the diagram (over the policies), it reads as one column;
 * wide, over the diagram in presentation mode, the heading and caption stand beside the things to
 * look at, so that the guide costs the diagram as little height as it can, in the same large type
 * as the rest: it is part of what a class reads. Hide folds it to its heading. Shown only for a
 * lesson.
 */
final class LessonGuidePane extends StackPane {

    /**
     * The share of the window's height the guide may take beside the diagram, over the policies:
     * a lesson's ten policies must stay in view to be ticked, on a 1280×800 projector too.
     */
    static final double SIDE_SHARE = 0.4;
    /** The share it may take over the diagram, in presentation mode. */
    static final double TOP_SHARE = 0.32;
    /** Wider than this, the caption and the things to look at stand side by side. */
    private static final double SIDE_BY_SIDE_WIDTH = 760;
    /** Side by side, the heading and caption's share of the width; the things to look at have the rest. */
    private static final double STORY_SHARE = 0.32;
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.\\s+(.*)");

    private final Label lesson = new Label();
    private final Label heading = new Label();
    private final Label caption = new Label();
    private final VBox titles = new VBox(0, lesson, heading);
    private final VBox lookAt = new VBox(4);
    /** The heading over the caption, made anew for each arrangement. */
    private VBox story;
    private final GridPane body = new GridPane();
    private final ScrollPane scroller = new ScrollPane(body);
    private final Button fold = new Button();
    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded");
    /** The share of the window's height the guide may take before it scrolls. */
    private double mostOfHeight = SIDE_SHARE;
    private LessonGuide shown = LessonGuide.NONE;
    private javafx.beans.value.ObservableValue<Number> watchedHeight;
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide");

    LessonGuidePane(LessonViewModel lessons) {
        setId("lessonGuide");
        getStyleClass().add("lesson-guide");
        setPadding(new Insets(6, 12, 6, 12));
        setMinHeight(Region.USE_PREF_SIZE);
        // The pane decides its height (computePrefHeight); the scroll pane fills it and scrolls what does not fit.
        scroller.setMinHeight(0);
        scroller.setPrefViewportHeight(1);
        scroller.setMaxHeight(Double.MAX_VALUE);

        lesson.setId("guideLesson");
        lesson.getStyleClass().add("guide-lesson");
        lesson.setWrapText(true);
        lesson.setMinHeight(Region.USE_PREF_SIZE);
        // The step's heading: the tool bar keeps only Previous, the count and Next.
        heading.setId("stepCaption");
        heading.getStyleClass().addAll("step-caption", "guide-heading");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        fold.setId("guideFold");
        fold.getStyleClass().add("guide-fold");
        fold.setFocusTraversable(false);
        fold.setMinWidth(Region.USE_PREF_SIZE);
        fold.textProperty().bind(Bindings.when(folded).then("Show \u25BE").otherwise("Hide \u25B4"));
        fold.setTooltip(new Tooltip("Fold the lesson's guide to its heading, or unfold it"));
        fold.setOnAction(event -> folded.set(!folded.get()));
        // The button sits in the top right corner over the text, which leaves it room.
        Insets roomForFold = new Insets(0, 0, 0, 0);
        titles.paddingProperty().bind(Bindings.createObjectBinding(() -> sideBySide.get() ? roomForFold
                : new Insets(0, fold.getWidth() + 8, 0, 0), fold.widthProperty(), sideBySide));
        lookAt.paddingProperty().bind(Bindings.createObjectBinding(() -> sideBySide.get() ? new Insets(0, fold.getWidth() + 8, 0, 0)
                : roomForFold, fold.widthProperty(), sideBySide));

        caption.setId("guideCaption");
        caption.getStyleClass().add("guide-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMaxWidth(Double.MAX_VALUE);
        lookAt.setId("guideLookAt");
        lookAt.getStyleClass().add("guide-look-at");
        caption.visibleProperty().bind(folded.not());
        caption.managedProperty().bind(caption.visibleProperty());
        lookAt.visibleProperty().bind(folded.not());
        lookAt.managedProperty().bind(lookAt.visibleProperty());

        body.setHgap(24);
        body.setVgap(6);
        body.getStyleClass().add("guide-body");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("guide-scroller");
        sceneProperty().addListener((o, before, scene) -> watchSceneHeight());
        widthProperty().addListener((o, before, width) -> {
            if ((width.doubleValue() > SIDE_BY_SIDE_WIDTH) != sideBySide.get()) {
                arrange();
            }
        });
        folded.addListener((o, before, after) -> requestLayout());

        getChildren().addAll(scroller, fold);
        StackPane.setAlignment(fold, Pos.TOP_RIGHT);
        StackPane.setAlignment(scroller, Pos.TOP_LEFT);
        lessons.guideProperty().addListener((o, before, after) -> show(after));
        show(lessons.guideProperty().get());
    }

    /** Whether only the heading shows. */
    BooleanProperty foldedProperty() {
        return folded;
    }

    /**
     * Over the diagram the guide may take less of the window's height than beside it: there, the
     * diagram is under it.
     */
    void setMostOfHeight(double share) {
        mostOfHeight = share;
        requestLayout();
    }

    private void watchSceneHeight() {
        if (getScene() != null && !getScene().heightProperty().equals(watchedHeight)) {
            watchedHeight = getScene().heightProperty();
            watchedHeight.addListener((o, before, after) -> requestLayout());
        }
    }

    /** Its height depends on its width: the text wraps. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /**
     * As tall as the text at the width there is, up to a share of the window, then it scrolls;
     * and never less, whoever else wants the height (the policy list under it would take it all).
     * Worked out here, in the layout pass that asks, so the guide and what is around it settle at once.
     */
    @Override
    protected double computePrefHeight(double width) {
        double available = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset()
                - scroller.snappedLeftInset() - scroller.snappedRightInset();
        if (available <= 0 || story == null) {
            return super.computePrefHeight(width);
        }
        double most = getScene() == null ? Double.MAX_VALUE : getScene().getHeight() * mostOfHeight;
        return snappedTopInset() + snappedBottomInset() + scroller.snappedTopInset() + scroller.snappedBottomInset()
                + Math.ceil(Math.min(textHeight(available), most));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /**
     * The body's height at {@code width}, from its columns' own: a grid asks its wrapping labels
     * their height at no width in particular, which is one line.
     */
    private double textHeight(double width) {
        double gaps = body.getHgap();
        boolean twoColumns = body.getColumnConstraints().size() == 2;
        if (twoColumns) {
            double left = story.prefHeight(width * STORY_SHARE - gaps / 2);
            return lookAt.isManaged() ? Math.max(left, lookAt.prefHeight(width * (1 - STORY_SHARE) - gaps / 2)) : left;
        }
        double height = story.prefHeight(width);
        if (lookAt.getParent() == body && lookAt.isManaged()) {
            height += body.getVgap() + lookAt.prefHeight(width);
        }
        return height;
    }

    private void show(LessonGuide guide) {
        boolean any = guide != null && !guide.isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            shown = LessonGuide.NONE;
            return;
        }
        shown = guide;
        lesson.setText(guide.lesson());
        lesson.setVisible(!guide.lesson().isEmpty());
        lesson.setManaged(lesson.isVisible());
        heading.setText(guide.heading());
        caption.setText(guide.caption());
        lookAt.getChildren().clear();
        if (!guide.lookAt().isEmpty()) {
            Label title = new Label("What to look at");
            title.getStyleClass().add("guide-look-at-title");
            lookAt.getChildren().add(title);
            for (String thing : guide.lookAt()) {
                lookAt.getChildren().add(item(thing));
            }
        }
        arrange();
    }

    /**
     * Side by side when there is the width: the heading over the caption on the left, the things
     * to look at on the right; else all in one column.
     */
    private void arrange() {
        sideBySide.set(getWidth() > SIDE_BY_SIDE_WIDTH);
        body.getChildren().clear();
        body.getColumnConstraints().clear();
        boolean hasCaption = !shown.caption().isEmpty();
        boolean hasLookAt = !shown.lookAt().isEmpty();
        story = new VBox(6, titles);
        if (hasCaption) {
            story.getChildren().add(caption);
        }
        if (hasLookAt && sideBySide.get()) {
            // The caption says what the step is, the things to look at are what to do: side by side they keep the guide short.
            body.getColumnConstraints().addAll(column(100 * STORY_SHARE), column(100 * (1 - STORY_SHARE)));
            body.add(story, 0, 0);
            body.add(lookAt, 1, 0);
        } else {
            body.getColumnConstraints().add(column(100));
            body.add(story, 0, 0);
            if (hasLookAt) {
                body.add(lookAt, 0, 1);
            }
        }
        GridPane.setValignment(story, VPos.TOP);
        GridPane.setValignment(lookAt, VPos.TOP);
        requestLayout();
    }

    /** One thing to look at: a bullet, or the item's own number, beside text that wraps under itself. */
    private static HBox item(String thing) {
        Matcher numbered = NUMBERED.matcher(thing);
        Label mark = new Label(numbered.matches() ? numbered.group(1) + "." : "\u2022");
        mark.getStyleClass().add("guide-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(numbered.matches() ? numbered.group(2) : thing);
        text.getStyleClass().add("guide-item");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(8, mark, text);
        line.setAlignment(Pos.TOP_LEFT);
        return line;
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(percent);
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }
}

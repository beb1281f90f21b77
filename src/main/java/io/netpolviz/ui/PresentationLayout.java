package io.netpolviz.ui;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * What presentation mode does to the window: the panels around the diagram (policies,
 * explanation, warnings, status line) step aside so that the diagram, under the lesson's guide,
 * fills the screen, in full screen, with the larger type of the presentation style; leaving puts every
 * panel back where it was. The picture itself is laid out again by the view-model, from what is
 * open.
 */
final class PresentationLayout {

    private final BorderPane root;
    private final SplitPane split;
    private final SplitPane centre;
    private final BorderPane diagramArea;
    private final Node statusBar;
    private final Stage stage;
    private final LessonGuidePane guide;
    /** Holds the diagram's place in the split while the diagram is shown alone. */
    private final Region placeholder = new Region();
    private Pane sideColumn;
    private double[] splitDividers;
    private double[] centreDividers;

    /**
     * @param split the policy panel beside {@code centre}, the root's centre outside presentation mode
     * @param centre {@code diagramArea} over the explanation and warnings
     * @param guide the lesson's guide, at the head of the side column outside presentation mode and over the diagram in it
     */
    PresentationLayout(MainViewModel model, Stage stage, BorderPane root, SplitPane split, SplitPane centre, BorderPane diagramArea,
            Node statusBar, LessonGuidePane guide) {
        this.root = root;
        this.split = split;
        this.centre = centre;
        this.diagramArea = diagramArea;
        this.statusBar = statusBar;
        this.stage = stage;
        this.guide = guide;
        // Esc is presentation mode's to leave (ClassroomKeys); the stage would otherwise only leave full screen with it.
        stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Esc leaves presentation mode; F11 leaves full screen");
        model.presentationProperty().addListener((o, before, on) -> apply(on));
    }

    private void apply(boolean on) {
        if (on == root.getStyleClass().contains("presentation")) {
            return;
        }
        if (on) {
            root.getStyleClass().add("presentation");
            splitDividers = split.getDividerPositions();
            centreDividers = centre.getDividerPositions();
            centre.getItems().set(centre.getItems().indexOf(diagramArea), placeholder);
            sideColumn = (Pane) guide.getParent();
            // A class reads the guide above the picture, as a slide's text; under it the diagram takes the rest of the screen.
            guide.setMostOfHeight(LessonGuidePane.TOP_SHARE);
            diagramArea.setTop(guide);
            root.setCenter(diagramArea);
        } else {
            root.getStyleClass().remove("presentation");
            diagramArea.setTop(null);
            guide.setMostOfHeight(LessonGuidePane.SIDE_SHARE);
            sideColumn.getChildren().add(0, guide);
            root.setCenter(split);
            centre.getItems().set(centre.getItems().indexOf(placeholder), diagramArea);
            split.setDividerPositions(splitDividers);
            centre.setDividerPositions(centreDividers);
        }
        statusBar.setVisible(!on);
        statusBar.setManaged(!on);
        stage.setFullScreen(on);
    }
}

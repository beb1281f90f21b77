package io.netpolviz.ui;

import javafx.application.HostServices;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window: menus, the step and filter bar, a lesson's guide over the policy panel on the
 * left, the diagram in the middle, the explanation with warnings and load problems under it, and
 * a status line; in presentation mode, the diagram under the guide alone ({@link
 * PresentationLayout}). Its pieces bind to the parts of the {@link MainViewModel} they show and
 * forward events; none decides anything itself.
 */
public final class MainWindow {

    private static final double LEFT_PANEL_WIDTH = 340;
    private static final double DETAILS_HEIGHT = 330;

    private final MainViewModel model;
    private final Stage stage;
    private final DiagramCanvas diagram;
    private final BorderPane root = new BorderPane();

    public MainWindow(MainViewModel model, Stage stage, HostServices hostServices) {
        this.model = model;
        this.stage = stage;
        this.diagram = new DiagramCanvas(model);
        WindowDialogs dialogs = new WindowDialogs(model, stage);

        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(MainMenuBar.create(model, stage, diagram, dialogs), toolBar()));
        // Diagrams are wide (layered left to right), so the explanation goes under the diagram,
        // not beside it, and the drawing gets the full width.
        SplitPane details = new DetailsPanel(model.selection(), model.problems(), model.evaluationProperty(), model.fixes(),
                model.attack());
        StackPane drawing = new StackPane(diagram, new ClusterPlaceholder(model.cluster(), model.diagramProperty(), dialogs::connectToCluster));
        BorderPane diagramArea = new BorderPane(drawing);
        // Beside a compared picture, the list of what changed; hidden (and taking no room) otherwise.
        diagramArea.setRight(new ChangesPane(model.compare(), model.selection()));
        SplitPane centre = new SplitPane(diagramArea, details);
        centre.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(details, false);
        // A lesson's guide heads the side column, where the few policies of a lesson leave room; the diagram keeps its height.
        LessonGuidePane guide = new LessonGuidePane(model.lesson());
        PolicyPanel policies = new PolicyPanel(model);
        VBox.setVgrow(policies, Priority.ALWAYS);
        VBox side = new VBox(guide, policies);
        SplitPane split = new SplitPane(side, centre);
        // The policy panel keeps its width when the window grows: the diagram gets the rest.
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        StatusBar statusBar = new StatusBar(model);
        root.setBottom(statusBar);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1600, screen.getWidth());
        Scene scene = new Scene(root, width, Math.min(1000, screen.getHeight()));
        double height = Math.min(1000, screen.getHeight());
        split.setDividerPositions(LEFT_PANEL_WIDTH / width);
        centre.setDividerPositions(1 - DETAILS_HEIGHT / (height - 110));
        scene.getStylesheets().add(MainWindow.class.getResource("netpolviz.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        dialogs.acceptDrops(scene);
        new PresentationLayout(model, stage, root, split, centre, diagramArea, statusBar, guide);
        ClassroomKeys.install(scene, model);
        SourceWindow sourceWindow = new SourceWindow(stage, hostServices);
        model.problems().sourceProperty().addListener((o, before, excerpt) -> {
            if (excerpt != null) {
                sourceWindow.show(excerpt);
            }
        });
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    DiagramCanvas diagram() {
        return diagram;
    }

    /** Steps on the left; filters, fit and presentation mode on the right. */
    private ToolBar toolBar() {
        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setTooltip(new Tooltip("Fit the diagram to the window (Ctrl+0). Wheel zooms, dragging the background pans."));
        fit.setOnAction(event -> diagram.fit());
        ToggleButton presentation = new ToggleButton("Presentation");
        presentation.setId("presentationButton");
        presentation.textProperty().bind(javafx.beans.binding.Bindings.when(model.presentationProperty())
                .then("Leave presentation (Esc)").otherwise("Presentation"));
        presentation.setTooltip(new Tooltip("The diagram and the lesson's guide alone, full screen, in large type for a projector "
                + "(Ctrl+Shift+P); PageDown/PageUp or \u2192/\u2190 step the lesson, Esc leaves; F11 toggles full screen"));
        presentation.selectedProperty().addListener((o, before, on) -> model.setPresentation(on));
        model.presentationProperty().addListener((o, before, on) -> presentation.setSelected(on));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(new StepControls(model.lesson()), spacer);
        for (javafx.scene.Node filter : new FilterControls(model.filters()).nodes()) {
            // A class looks at the story the lesson tells; the filters wait outside presentation mode.
            filter.visibleProperty().bind(model.presentationProperty().not());
            filter.managedProperty().bind(filter.visibleProperty());
            bar.getItems().add(filter);
        }
        bar.getItems().addAll(fit, presentation);
        return bar;
    }
}

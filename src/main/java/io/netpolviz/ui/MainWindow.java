package io.netpolviz.ui;

import io.netpolviz.view.Workspace;
import io.netpolviz.app.RecentPlaces;

import io.netpolviz.graph.ViewFilter;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The main window: menus, the step and filter bar, the policy panel on the left, the diagram in
 * the middle, the explanation with warnings and load problems on the right, and a status line.
 * It binds to the {@link MainViewModel} and forwards events; it decides nothing itself.
 */
public final class MainWindow {

    private static final double LEFT_PANEL_WIDTH = 310;
    private static final double PRESENTATION_LEFT_PANEL_WIDTH = 400;
    private static final double DETAILS_HEIGHT = 330;

    private final MainViewModel model;
    private final Stage stage;
    private final DiagramCanvas diagram;
    private final BorderPane root = new BorderPane();
    private final SourceWindow sourceWindow;

    public MainWindow(MainViewModel model, Stage stage, HostServices hostServices) {
        this.model = model;
        this.stage = stage;
        this.diagram = new DiagramCanvas(model);

        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menuBar(), toolBar()));
        // Diagrams are wide (layered left to right), so the explanation goes under the diagram,
        // not beside it, and the drawing gets the full width.
        SplitPane details = detailsPanel();
        StackPane drawing = new StackPane(diagram, new ClusterPlaceholder(model, this::connectToCluster));
        SplitPane centre = new SplitPane(drawing, details);
        centre.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(details, false);
        SplitPane split = new SplitPane(new PolicyPanel(model), centre);
        // The policy panel keeps its width when the window grows: the diagram gets the rest.
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        root.setBottom(statusBar());

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
        acceptDrops(scene);
        model.presentationProperty().addListener((o, before, on) -> {
            if (on) {
                root.getStyleClass().add("presentation");
            } else {
                root.getStyleClass().remove("presentation");
            }
            // Larger type needs a wider policy panel; the room is there in full screen.
            split.setDividerPositions((on ? PRESENTATION_LEFT_PANEL_WIDTH : LEFT_PANEL_WIDTH) / Math.max(1, scene.getWidth()));
            stage.setFullScreen(on);
        });
        this.sourceWindow = new SourceWindow(stage, hostServices);
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

    // ---------------------------------------------------------------- menus

    private MenuBar menuBar() {
        MenuItem openFolder = item("Open folder\u2026", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFolder);
        MenuItem openFiles = item("Open files\u2026", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseFiles);
        Menu recent = new Menu("Open recent");
        recent.setId("recentMenu");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (List<Path> place : model.recent().places()) {
                MenuItem entry = new MenuItem(RecentPlaces.describe(place));
                entry.setMnemonicParsing(false);
                entry.setOnAction(event -> model.open(place));
                recent.getItems().add(entry);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none yet)");
                none.setDisable(true);
                recent.getItems().add(none);
            } else {
                recent.getItems().addAll(new SeparatorMenuItem(), item("Clear recent", null, model.recent()::clear));
            }
        };
        fillRecent.run();
        model.recent().places().addListener((ListChangeListener<List<Path>>) change -> fillRecent.run());
        MenuItem tutorial = item("Open the tutorial", null, model::openBundledSample);
        MenuItem reload = item("Reload", new KeyCodeCombination(KeyCode.F5), model::reload);
        MenuItem exportPng = item("Export\u2026", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::chooseExport);
        exportPng.disableProperty().bind(model.diagramProperty().isNull());
        MenuItem connect = item("Connect to cluster\u2026", new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                this::connectToCluster);
        MenuItem reconnect = item("Reconnect", null, model.cluster()::reconnect);
        reconnect.disableProperty().bind(model.cluster().connectionProperty().isNull());
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        Menu file = new Menu("File", null, openFolder, openFiles, recent, tutorial, new SeparatorMenuItem(), connect, reconnect,
                new SeparatorMenuItem(), reload, exportPng, new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), model.switches()::undo);
        undo.textProperty().bind(Bindings.when(model.switches().undoLabelProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", model.switches().undoLabelProperty())));
        undo.disableProperty().bind(model.switches().canUndoProperty().not());
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), model.switches()::redo);
        redo.textProperty().bind(Bindings.when(model.switches().redoLabelProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", model.switches().redoLabelProperty())));
        redo.disableProperty().bind(model.switches().canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(),
                item("Switch all policies on", null, model.switches()::allOn), item("Switch all policies off", null, model.switches()::allOff),
                new SeparatorMenuItem(), item("Clear selection", new KeyCodeCombination(KeyCode.ESCAPE), model.selection()::clearSelection));

        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        presentation.selectedProperty().addListener((o, before, on) -> model.setPresentation(on));
        model.presentationProperty().addListener((o, before, on) -> presentation.setSelected(on));
        MenuItem fullScreen = item("Full screen", new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        Menu view = new Menu("View", null,
                item("Fit to window", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), diagram::fit),
                item("Zoom in", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> diagram.zoomBy(1.25)),
                item("Zoom out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> diagram.zoomBy(0.8)),
                new SeparatorMenuItem(),
                item("Show all edges and nodes", null, model.filters()::clearFilters),
                new SeparatorMenuItem(),
                item("Open every group or namespace", null, model.regrouping()::expandAll),
                item("Collapse every namespace", null, model.regrouping()::collapseAll),
                new SeparatorMenuItem(), presentation, fullScreen);

        MenuItem previous = item("Previous step", new KeyCodeCombination(KeyCode.PAGE_UP), model.lesson()::previousStep);
        MenuItem next = item("Next step", new KeyCodeCombination(KeyCode.PAGE_DOWN), model.lesson()::nextStep);
        previous.disableProperty().bind(model.lesson().stepProperty().lessThanOrEqualTo(1));
        next.disableProperty().bind(model.lesson().stepProperty().greaterThanOrEqualTo(model.lesson().stepCountProperty()));
        Menu steps = new Menu("Steps", null, previous, next);
        steps.disableProperty().bind(model.lesson().stepCountProperty().isEqualTo(0));

        MenuBar bar = new MenuBar(file, edit, view, steps);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    // ---------------------------------------------------------------- tool bar: steps and filters

    private ToolBar toolBar() {
        Button previous = new Button("\u25C0 Previous");
        previous.setId("previousStep");
        previous.setOnAction(event -> model.lesson().previousStep());
        previous.disableProperty().bind(model.lesson().stepProperty().lessThanOrEqualTo(1));
        Button next = new Button("Next \u25B6");
        next.setId("nextStep");
        next.setOnAction(event -> model.lesson().nextStep());
        next.disableProperty().bind(model.lesson().stepProperty().greaterThanOrEqualTo(model.lesson().stepCountProperty()));
        Label caption = new Label();
        caption.setId("stepCaption");
        caption.getStyleClass().add("step-caption");
        caption.textProperty().bind(model.lesson().stepTitleProperty());
        Label count = new Label();
        count.getStyleClass().add("step-count");
        count.textProperty().bind(Bindings.when(model.lesson().stepCountProperty().greaterThan(0))
                .then(Bindings.concat(model.lesson().stepProperty(), " / ", model.lesson().stepCountProperty())).otherwise(""));
        HBox stepBar = new HBox(8, previous, count, next, caption);
        stepBar.setAlignment(Pos.CENTER_LEFT);
        stepBar.visibleProperty().bind(model.lesson().stepCountProperty().greaterThan(0));
        stepBar.managedProperty().bind(stepBar.visibleProperty());

        ChoiceBox<ViewFilter.EdgeFilter> edges = new ChoiceBox<>();
        edges.setId("edgeFilter");
        edges.getItems().setAll(ViewFilter.EdgeFilter.values());
        edges.setConverter(new StringConverter<>() {
            @Override
            public String toString(ViewFilter.EdgeFilter value) {
                return value == null ? "" : value.label();
            }

            @Override
            public ViewFilter.EdgeFilter fromString(String text) {
                return null;
            }
        });
        edges.setValue(ViewFilter.EdgeFilter.ALL);
        edges.valueProperty().addListener((o, before, after) -> {
            if (after != null && after != model.filters().filterProperty().get().edges()) {
                model.filters().showEdges(after);
            }
        });

        MenuButton namespaces = new MenuButton("Namespaces");
        namespaces.setId("namespaceFilter");
        Runnable fillNamespaces = () -> {
            namespaces.getItems().clear();
            Set<String> chosen = model.filters().filterProperty().get().namespaces();
            for (String name : model.filters().namespaces()) {
                CheckMenuItem entry = new CheckMenuItem(name);
                entry.setMnemonicParsing(false);
                entry.setSelected(chosen.isEmpty() || chosen.contains(name));
                entry.setOnAction(event -> {
                    Set<String> shown = new TreeSet<>();
                    namespaces.getItems().stream().filter(i -> i instanceof CheckMenuItem c && c.isSelected())
                            .forEach(i -> shown.add(i.getText()));
                    model.filters().showNamespaces(shown.size() == model.filters().namespaces().size() ? Set.of() : shown);
                });
                namespaces.getItems().add(entry);
            }
        };
        model.filters().namespaces().addListener((ListChangeListener<String>) change -> fillNamespaces.run());

        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Search pods or labels");
        search.setPrefColumnCount(11);
        search.textProperty().addListener((o, before, after) -> model.filters().search(after));

        Label focus = new Label();
        focus.setId("focusLabel");
        Button unfocus = new Button("Show all");
        unfocus.setId("showAll");
        unfocus.setOnAction(event -> {
            search.clear();
            edges.setValue(ViewFilter.EdgeFilter.ALL);
            model.filters().clearFilters();
            fillNamespaces.run();
        });
        model.filters().filterProperty().addListener((o, before, after) -> {
            focus.setText(after.focus() == null ? "" : "Only the edges of " + after.focus());
            unfocus.setDisable(after.isEmpty());
            if (after.edges() != edges.getValue()) {
                edges.setValue(after.edges());
            }
            if (!after.search().equals(search.getText().strip()) && after.search().isEmpty()) {
                search.clear();
            }
        });
        unfocus.setDisable(true);

        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setTooltip(new Tooltip("Fit the diagram to the window (Ctrl+0). Wheel zooms, dragging the background pans."));
        fit.setOnAction(event -> diagram.fit());
        ToggleButton presentation = new ToggleButton("Presentation");
        presentation.setId("presentationButton");
        presentation.setTooltip(new Tooltip("Full screen, large fonts and high contrast for a projector (Ctrl+Shift+P); F11 toggles full screen"));
        presentation.selectedProperty().addListener((o, before, on) -> model.setPresentation(on));
        model.presentationProperty().addListener((o, before, on) -> presentation.setSelected(on));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(stepBar, spacer, edges, namespaces, search, focus, unfocus, fit, presentation);
    }

    // ---------------------------------------------------------------- details panel, status

    private SplitPane detailsPanel() {
        Label title = new Label();
        title.setId("explanationTitle");
        title.getStyleClass().add("panel-heading");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selection().detailsProperty().get().title(), model.selection().detailsProperty()));
        TextArea explanation = new TextArea();
        explanation.setId("explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.getStyleClass().add("code");
        explanation.textProperty().bind(Bindings.createStringBinding(() -> model.selection().detailsProperty().get().text(), model.selection().detailsProperty()));
        VBox.setVgrow(explanation, Priority.ALWAYS);
        VBox top = new VBox(6, title, explanation);
        top.setPadding(new Insets(8));
        top.getStyleClass().add("side-panel");

        WarningList warnings = new WarningList(model);
        DiagnosticList diagnostics = new DiagnosticList(model);
        Tab warningsTab = new Tab();
        warningsTab.setId("warningsTab");
        warningsTab.textProperty().bind(Bindings.when(model.problems().warningsNoteProperty().isEmpty())
                .then(Bindings.concat("Warnings (", Bindings.size(model.problems().warnings()), ")")).otherwise("Warnings (skipped)"));
        warningsTab.setContent(warnings);
        Tab problemsTab = new Tab();
        problemsTab.setId("problemsTab");
        problemsTab.textProperty().bind(Bindings.concat("Load problems (", Bindings.size(model.problems().diagnostics()), ")"));
        problemsTab.setContent(diagnostics);
        TabPane tabs = new TabPane(warningsTab, problemsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.problems().diagnostics().addListener((ListChangeListener<io.netpolviz.model.Diagnostic>) change -> {
            if (!model.problems().diagnostics().isEmpty() && model.problems().diagnostics().stream().anyMatch(d -> d.severity() == io.netpolviz.model.Severity.ERROR)) {
                tabs.getSelectionModel().select(problemsTab);
            }
        });

        SplitPane bottom = new SplitPane(top, tabs);
        bottom.setDividerPositions(0.62);
        return bottom;
    }

    private HBox statusBar() {
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(Bindings.when(model.loadingProperty())
                .then(Bindings.when(model.progressProperty().greaterThan(0)).then(model.progressProperty().asObject()).otherwise(-1.0))
                .otherwise(0.0));
        progress.visibleProperty().bind(model.loadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label timing = new Label();
        timing.setId("evaluationTime");
        timing.textProperty().bind(Bindings.createStringBinding(() -> model.evaluationProperty().get() == null ? ""
                : String.format(Locale.ROOT, "evaluation + restyle %.1f ms", model.lastEvaluationMillisProperty().get()),
                model.lastEvaluationMillisProperty(), model.evaluationProperty()));
        // The cluster's state comes first and keeps its room; the last action's message gives way.
        status.setMinWidth(0);
        ClusterStatusBar cluster = new ClusterStatusBar(model);
        status.maxWidthProperty().bind(Bindings.when(cluster.visibleProperty()).then(460.0).otherwise(Double.MAX_VALUE));
        Separator divider = new Separator(Orientation.VERTICAL);
        divider.visibleProperty().bind(cluster.visibleProperty());
        divider.managedProperty().bind(cluster.visibleProperty());
        HBox bar = new HBox(10, progress, cluster, divider, status, spacer, timing);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---------------------------------------------------------------- choosers and drops

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of manifests");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            model.open(List.of(folder.toPath()));
        }
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open manifests");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Kubernetes manifests", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            model.open(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseExport() {
        if (model.diagramProperty().get() == null) {
            return;
        }
        new ExportDialog(stage, suggestedExportFile(), model.exporter().exportTitle()).ask().ifPresent(model.exporter()::export);
    }

    /** Next to the last export, else in the home folder, named after what is open. */
    private Path suggestedExportFile() {
        String last = model.exporter().lastExportProperty().get();
        if (!last.isEmpty()) {
            return Path.of(last);
        }
        Workspace open = model.workspaceProperty().get();
        String name = open == null ? "diagram" : open.bundled() ? "tutorial" : open.name();
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return Path.of(System.getProperty("user.home"), "netpolviz-" + (safe.isEmpty() ? "diagram" : safe) + ".png");
    }

    /** File → Connect to cluster: asks for the kubeconfig, context and namespaces, then follows the cluster. */
    void connectToCluster() {
        new ConnectDialog(stage, model.cluster().connectForm()).ask().ifPresent(model.cluster()::connect);
    }

    private void acceptDrops(Scene scene) {
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            boolean done = false;
            if (event.getDragboard().hasFiles()) {
                model.open(event.getDragboard().getFiles().stream().map(File::toPath).toList());
                done = true;
            }
            event.setDropCompleted(done);
            event.consume();
        });
    }
}

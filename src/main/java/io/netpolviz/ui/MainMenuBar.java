package io.netpolviz.ui;

import io.netpolviz.app.RecentPlaces;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** The main window's menus, with their shortcuts: File, Edit, View and Steps. */
final class MainMenuBar {

    private final MainViewModel model;
    private final Stage stage;
    private final DiagramCanvas diagram;
    private final WindowDialogs dialogs;

    private MainMenuBar(MainViewModel model, Stage stage, DiagramCanvas diagram, WindowDialogs dialogs) {
        this.model = model;
        this.stage = stage;
        this.diagram = diagram;
        this.dialogs = dialogs;
    }

    static MenuBar create(MainViewModel model, Stage stage, DiagramCanvas diagram, WindowDialogs dialogs) {
        MainMenuBar menus = new MainMenuBar(model, stage, diagram, dialogs);
        MenuBar bar = new MenuBar(menus.file(), menus.edit(), menus.view(), menus.steps(), menus.help());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu file() {
        MenuItem openFolder = item("Open folder\u2026", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), dialogs::chooseFolder);
        MenuItem openFiles = item("Open files\u2026", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                dialogs::chooseFiles);
        MenuItem tutorial = item("Open the tutorial", null, model::openBundledSample);
        MenuItem reload = item("Reload", new KeyCodeCombination(KeyCode.F5), model::reload);
        MenuItem exportPng = item("Export\u2026", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), dialogs::chooseExport);
        exportPng.disableProperty().bind(model.diagramProperty().isNull());
        MenuItem connect = item("Connect to cluster\u2026", new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                dialogs::connectToCluster);
        MenuItem reconnect = item("Reconnect", null, model.cluster()::reconnect);
        reconnect.disableProperty().bind(model.cluster().connectionProperty().isNull());
        MenuItem saveDrafts = item("Save draft policies as\u2026", null, dialogs::chooseDraftsFile);
        saveDrafts.setId("saveDrafts");
        saveDrafts.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.workspaceProperty().get() == null
                || model.workspaceProperty().get().drafts().isEmpty(), model.workspaceProperty()));
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), Platform::exit);
        return new Menu("File", null, openFolder, openFiles, recent(), tutorial, compareWith(), new SeparatorMenuItem(), connect, reconnect,
                new SeparatorMenuItem(), reload, exportPng, saveDrafts, new SeparatorMenuItem(), quit);
    }

    /** The sides the open picture can be compared with; the open picture is always the after side. */
    private Menu compareWith() {
        MenuItem folder = item("Folder…", null, dialogs::compareWithFolder);
        folder.setId("compareFolderItem");
        MenuItem revision = item("Git revision…", null, dialogs::compareWithGitRevision);
        MenuItem cluster = item("Cluster…", null, dialogs::compareWithCluster);
        MenuItem stop = item("Stop comparing", null, model.compare()::stop);
        stop.disableProperty().bind(model.compare().comparisonProperty().isNull());
        Menu menu = new Menu("Compare with", null, folder, revision, cluster, new SeparatorMenuItem(), stop);
        menu.disableProperty().bind(model.workspaceProperty().isNull());
        return menu;
    }

    private Menu recent() {
        RecentPlacesViewModel places = model.recent();
        Menu recent = new Menu("Open recent");
        recent.setId("recentMenu");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (List<Path> place : places.places()) {
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
                recent.getItems().addAll(new SeparatorMenuItem(), item("Clear recent", null, places::clear));
            }
        };
        fillRecent.run();
        places.places().addListener((ListChangeListener<List<Path>>) change -> fillRecent.run());
        return recent;
    }

    private Menu edit() {
        SwitchesViewModel switches = model.switches();
        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), switches::undo);
        undo.textProperty().bind(Bindings.when(switches.undoLabelProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", switches.undoLabelProperty())));
        undo.disableProperty().bind(switches.canUndoProperty().not());
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), switches::redo);
        redo.textProperty().bind(Bindings.when(switches.redoLabelProperty().isEmpty()).then("Redo")
                .otherwise(Bindings.concat("Redo ", switches.redoLabelProperty())));
        redo.disableProperty().bind(switches.canRedoProperty().not());
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(),
                item("Switch all policies on", null, switches::allOn), item("Switch all policies off", null, switches::allOff),
                new SeparatorMenuItem(), item("Clear selection", new KeyCodeCombination(KeyCode.ESCAPE), model.selection()::clearSelection));
    }

    private Menu view() {
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        presentation.selectedProperty().addListener((o, before, on) -> model.setPresentation(on));
        model.presentationProperty().addListener((o, before, on) -> presentation.setSelected(on));
        MenuItem fullScreen = item("Full screen", new KeyCodeCombination(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        MenuItem reachFromInternet = item("What can the internet reach?", null, () -> model.attack().reachFrom(AttackViewModel.INTERNET));
        reachFromInternet.setId("reachFromInternet");
        MenuItem plainPicture = item("Back to the plain picture", null, model.attack()::clear);
        return new Menu("View", null,
                item("Fit to window", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), diagram::fit),
                item("Zoom in", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> diagram.zoomBy(1.25)),
                item("Zoom out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> diagram.zoomBy(0.8)),
                new SeparatorMenuItem(),
                item("Show all edges and nodes", null, model.filters()::clearFilters),
                new SeparatorMenuItem(),
                item("Open every group or namespace", null, model.regrouping()::expandAll),
                item("Collapse every namespace", null, model.regrouping()::collapseAll),
                new SeparatorMenuItem(), reachFromInternet, plainPicture,
                new SeparatorMenuItem(), presentation, fullScreen);
    }

    private Menu steps() {
        LessonViewModel lesson = model.lesson();
        MenuItem previous = item("Previous step", new KeyCodeCombination(KeyCode.PAGE_UP), lesson::previousStep);
        MenuItem next = item("Next step", new KeyCodeCombination(KeyCode.PAGE_DOWN), lesson::nextStep);
        previous.disableProperty().bind(lesson.stepProperty().lessThanOrEqualTo(1));
        next.disableProperty().bind(lesson.stepProperty().greaterThanOrEqualTo(lesson.stepCountProperty()));
        Menu steps = new Menu("Steps", null, previous, next);
        steps.disableProperty().bind(lesson.stepCountProperty().isEqualTo(0));
        return steps;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Help → About: the version a bug report needs first, and where to read more. */
    private Menu help() {
        MenuItem about = item("About NetPolViz", null, () -> {
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
            alert.initOwner(stage);
            alert.setTitle("About NetPolViz");
            alert.setHeaderText(io.netpolviz.view.ProductVersion.line());
            alert.setContentText("See what your Kubernetes NetworkPolicies really allow, and why.\n\n"
                    + "The same engine answers on the command line: java -jar netpolviz.jar help");
            alert.showAndWait();
        });
        about.setId("about");
        return new Menu("Help", null, about);
    }
}

package io.netpolviz.ui;

import io.netpolviz.view.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * What the main window asks the user for — a folder or files to open, where to export, which
 * cluster to follow, what to compare with — and the files dropped on it; each answer goes to the view-model.
 */
final class WindowDialogs {

    private final MainViewModel model;
    private final Stage stage;

    WindowDialogs(MainViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of manifests");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            model.open(List.of(folder.toPath()));
        }
    }

    void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open manifests");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Kubernetes manifests", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            model.open(files.stream().map(File::toPath).toList());
        }
    }

    /** Asks where to save the draft policies of the open place, as YAML for {@code kubectl apply -f}. */
    void chooseDraftsFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the draft policies");
        chooser.setInitialFileName("netpolviz-drafts.yaml");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            model.fixes().saveDrafts(file.toPath());
        }
    }

    void chooseExport() {
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

    /** File → Compare with → Folder: the folder chosen is the before side, the open picture the after. */
    void compareWithFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Compare with a folder of manifests (the before side)");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            model.compare().compareWithFolder(List.of(folder.toPath()));
        }
    }

    /** File → Compare with → Git revision: the open folder as a branch, tag or commit of its repository holds it. */
    void compareWithGitRevision() {
        TextInputDialog dialog = new TextInputDialog("main");
        dialog.initOwner(stage);
        dialog.setTitle("Compare with a git revision");
        dialog.setHeaderText("The open folder, as a revision of its repository holds it, is the before side");
        dialog.setContentText("Branch, tag or commit (main, HEAD~1, v1.2):");
        dialog.showAndWait().map(String::strip).filter(revision -> !revision.isEmpty()).ifPresent(model.compare()::compareWithGitRevision);
    }

    /** File → Compare with → Cluster: one snapshot of the cluster is the before side: what would applying the open folder change? */
    void compareWithCluster() {
        new ConnectDialog(stage, model.cluster().connectForm()).ask().ifPresent(model.compare()::compareWithCluster);
    }

    /** Files dropped on the window open as one place. */
    void acceptDrops(Scene scene) {
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

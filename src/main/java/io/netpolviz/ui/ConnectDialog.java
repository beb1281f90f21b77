package io.netpolviz.ui;

import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.KubeconfigContext;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File → Connect to cluster: the kubeconfig (with Browse), a context picker with the current
 * context preselected and the kubeconfig's problems in plain sight, and all namespaces or a
 * chosen list. Binds to a {@link ConnectForm}; Connect is enabled once the form is complete.
 */
final class ConnectDialog extends Dialog<ClusterOptions> {

    static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    /** The width messages wrap at; the dialog is this plus the label column and padding. */
    private static final double FIELD_WIDTH = 540;

    private final ConnectForm form;

    ConnectDialog(Window owner, ConnectForm form) {
        this.form = form;
        initOwner(owner);
        setTitle("Connect to a cluster");
        setHeaderText("Follow a live cluster: NetPolViz only gets, lists and watches (read-only).");
        setResizable(true);
        getDialogPane().setId("connectDialog");
        getDialogPane().getStylesheets().add(MainWindow.class.getResource("netpolviz.css").toExternalForm());
        getDialogPane().getButtonTypes().addAll(CONNECT, ButtonType.CANCEL);
        getDialogPane().setContent(content(owner));
        getDialogPane().setPrefWidth(680);

        Button connect = (Button) getDialogPane().lookupButton(CONNECT);
        connect.setId("connectButton");
        connect.disableProperty().bind(form.blockerProperty().isNotEmpty());
        setResultConverter(button -> button == CONNECT ? form.options() : null);
        // The kubeconfig is read after the dialog opens: let the window grow to show what it found.
        Runnable refit = () -> Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        form.problems().addListener((ListChangeListener<String>) change -> refit.run());
        form.contexts().addListener((ListChangeListener<KubeconfigContext>) change -> refit.run());
    }

    private Node content(Window owner) {
        TextField kubeconfig = new TextField();
        kubeconfig.setId("kubeconfigField");
        kubeconfig.textProperty().bindBidirectional(form.kubeconfigProperty());
        kubeconfig.setPromptText("~/.kube/config");
        HBox.setHgrow(kubeconfig, Priority.ALWAYS);
        Button browse = new Button("Browse\u2026");
        browse.setId("browseKubeconfig");
        browse.setOnAction(event -> chooseFile(owner));
        HBox fileRow = new HBox(6, kubeconfig, browse);

        ComboBox<String> contexts = new ComboBox<>();
        contexts.setId("contextPicker");
        contexts.setMaxWidth(Double.MAX_VALUE);
        Runnable fillContexts = () -> contexts.getItems().setAll(form.contexts().stream().map(KubeconfigContext::name).toList());
        form.contexts().addListener((ListChangeListener<KubeconfigContext>) change -> fillContexts.run());
        fillContexts.run();
        contexts.valueProperty().bindBidirectional(form.contextProperty());
        contexts.disableProperty().bind(Bindings.isEmpty(form.contexts()));
        Label server = new Label();
        server.setId("contextDetails");
        server.getStyleClass().add("hint");
        server.setWrapText(true);
        server.visibleProperty().bind(server.textProperty().isNotEmpty());
        server.managedProperty().bind(server.visibleProperty());
        Runnable describe = () -> {
            KubeconfigContext chosen = form.chosenContext();
            server.setText(chosen == null ? "" : "Server " + (chosen.server().isEmpty() ? "(none)" : chosen.server())
                    + (chosen.user().isEmpty() ? "" : " \u00B7 user " + chosen.user())
                    + (chosen.namespace().isEmpty() ? "" : " \u00B7 default namespace " + chosen.namespace()));
        };
        form.contextProperty().addListener((o, before, after) -> describe.run());
        form.contexts().addListener((ListChangeListener<KubeconfigContext>) change -> describe.run());
        describe.run();

        Label problems = new Label();
        problems.setId("kubeconfigProblems");
        problems.getStyleClass().add("form-problem");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", form.problems()), form.problems()));
        problems.visibleProperty().bind(Bindings.isNotEmpty(form.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        ToggleGroup scope = new ToggleGroup();
        RadioButton all = new RadioButton("All namespaces");
        all.setId("allNamespaces");
        all.setToggleGroup(scope);
        RadioButton some = new RadioButton("Only:");
        some.setId("someNamespaces");
        some.setToggleGroup(scope);
        (form.allNamespacesProperty().get() ? all : some).setSelected(true);
        TextField names = new TextField();
        names.setId("namespacesField");
        names.setPromptText("shop, payments");
        names.textProperty().bindBidirectional(form.namespacesProperty());
        names.disableProperty().bind(all.selectedProperty());
        HBox.setHgrow(names, Priority.ALWAYS);
        some.selectedProperty().addListener((o, before, chosen) -> {
            form.allNamespacesProperty().set(!chosen);
            KubeconfigContext context = form.chosenContext();
            if (chosen && names.getText().isBlank() && context != null && !context.namespace().isEmpty()) {
                // The context's own namespace is the likeliest choice of someone limited to a few.
                names.setText(context.namespace());
            }
            if (chosen) {
                names.requestFocus();
            }
        });
        HBox scopeRow = new HBox(12, all, some, names);
        scopeRow.setAlignment(Pos.CENTER_LEFT);

        Label blocker = new Label();
        blocker.setId("connectBlocker");
        blocker.getStyleClass().add("hint");
        blocker.setWrapText(true);
        blocker.textProperty().bind(form.blockerProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Kubeconfig"), fileRow);
        grid.addRow(1, new Label("Context"), new VBox(4, contexts, server));
        grid.add(problems, 1, 2);
        grid.addRow(3, new Label("Namespaces"), scopeRow);
        grid.add(blocker, 1, 4);
        grid.setPadding(new Insets(6, 0, 0, 0));
        for (Label wrapped : new Label[] {server, problems, blocker}) {
            // Long messages wrap inside the field column instead of widening the dialog.
            wrapped.setMinWidth(0);
            wrapped.setPrefWidth(FIELD_WIDTH);
            wrapped.setMaxWidth(Double.MAX_VALUE);
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        return grid;
    }

    private void chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a kubeconfig");
        List<Path> files = form.files();
        if (!files.isEmpty() && files.get(0).getParent() != null && files.get(0).getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(files.get(0).getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            form.kubeconfigProperty().set(chosen.getPath());
        }
    }

    /** Shows the dialog and waits; the options to connect with, unless cancelled. */
    Optional<ClusterOptions> ask() {
        return showAndWait();
    }
}

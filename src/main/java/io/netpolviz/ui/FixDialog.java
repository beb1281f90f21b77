package io.netpolviz.ui;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The answer to "how do I allow (or block) this?" in a window of its own beside the diagram: the
 * verified proposal with what it changes and its YAML, and what to do with it — add it as a draft
 * policy, show the narrower one, save it as a file.
 */
final class FixDialog {

    private final Stage stage;

    FixDialog(Window owner, FixViewModel fixes, SelectionViewModel selection) {
        VBox root = new VBox(10);
        stage = SideWindows.create(owner, "The smallest fix", root, 760, 620);
        Label thinking = new Label("Looking for the smallest change and verifying it against the whole cluster\u2026");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        HBox waiting = new HBox(8, spinner, thinking);
        waiting.visibleProperty().bind(fixes.thinkingProperty());
        waiting.managedProperty().bind(fixes.thinkingProperty());
        ExplanationView answer = new ExplanationView(selection::select);
        answer.setId("fixAnswer");
        fixes.answerProperty().addListener((o, before, after) -> answer.show(after == null ? io.netpolviz.view.Details.EMPTY
                : new io.netpolviz.view.Details("", after.blocks(), java.util.Set.of(), java.util.Set.of(), null)));

        Button addDraft = new Button("Add as draft policy");
        addDraft.setId("addDraft");
        addDraft.setDefaultButton(true);
        // The answer was about the cluster without the draft: the picture shows what it does now.
        addDraft.setOnAction(event -> {
            fixes.addAsDraft();
            stage.hide();
        });
        Button narrower = new Button("Show the narrower change");
        narrower.setId("showNarrower");
        narrower.setOnAction(event -> fixes.showNarrower());
        Button adminTier = new Button("Show the Admin-tier change");
        adminTier.setId("showAdminTier");
        adminTier.setOnAction(event -> fixes.showAdminTier());
        adminTier.visibleProperty().bind(Bindings.createBooleanBinding(() -> fixes.answerProperty().get() != null
                && fixes.answerProperty().get().offersAdminTier(), fixes.answerProperty()));
        adminTier.managedProperty().bind(adminTier.visibleProperty());
        Button best = new Button("\u25C0 Back to the first proposal");
        best.setId("showBest");
        best.setOnAction(event -> fixes.showBest());
        best.visibleProperty().bind(Bindings.createBooleanBinding(() -> fixes.answerProperty().get() != null
                && fixes.answerProperty().get().offersBest(), fixes.answerProperty()));
        best.managedProperty().bind(best.visibleProperty());
        Button save = new Button("Save as\u2026");
        save.setId("saveFix");
        save.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the proposal as YAML");
            chooser.setInitialFileName("netpolviz-fix.yaml");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                fixes.save(file.toPath());
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.hide());
        var noProposal = Bindings.createBooleanBinding(() -> fixes.answerProperty().get() == null || !fixes.answerProperty().get().hasProposal(),
                fixes.answerProperty());
        addDraft.disableProperty().bind(noProposal);
        save.disableProperty().bind(noProposal);
        narrower.visibleProperty().bind(Bindings.createBooleanBinding(() -> fixes.answerProperty().get() != null
                && fixes.answerProperty().get().offersNarrower(), fixes.answerProperty()));
        narrower.managedProperty().bind(narrower.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, addDraft, best, narrower, adminTier, save, spacer, close);
        buttons.getStyleClass().add("fix-actions");
        root.getChildren().addAll(waiting, answer, buttons);
        VBox.setVgrow(answer, Priority.ALWAYS);
        root.setPadding(new Insets(12));
    }

    void show() {
        SideWindows.show(stage);
    }
}

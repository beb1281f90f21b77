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
        // The other proposals of one answer: each button shows only while its proposal is there and not on show.
        Button narrower = offer("Show the narrower change", "showNarrower", fixes, FixViewModel.Answer::offersNarrower, fixes::showNarrower);
        Button adminTier = offer("Show the Admin-tier change", "showAdminTier", fixes, FixViewModel.Answer::offersAdminTier, fixes::showAdminTier);
        Button best = offer("\u25C0 Back to the first proposal", "showBest", fixes, FixViewModel.Answer::offersBest, fixes::showBest);
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, addDraft, best, narrower, adminTier, save, spacer, close);
        buttons.getStyleClass().add("fix-actions");
        root.getChildren().addAll(waiting, answer, buttons);
        VBox.setVgrow(answer, Priority.ALWAYS);
        root.setPadding(new Insets(12));
    }

    private static Button offer(String text, String id, FixViewModel fixes, java.util.function.Predicate<FixViewModel.Answer> offered,
            Runnable show) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> show.run());
        button.visibleProperty().bind(Bindings.createBooleanBinding(() -> fixes.answerProperty().get() != null
                && offered.test(fixes.answerProperty().get()), fixes.answerProperty()));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    void show() {
        SideWindows.show(stage);
    }
}

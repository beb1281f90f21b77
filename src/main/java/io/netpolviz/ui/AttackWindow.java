package io.netpolviz.ui;

import io.netpolviz.view.Details;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The attacker's view in words, beside the diagram that marks it: what is reached in how many
 * hops, or the shortest paths with the port of each hop and the cut with its fixes.
 */
final class AttackWindow {

    private final Stage stage;

    AttackWindow(Window owner, AttackViewModel attack, SelectionViewModel selection) {
        VBox root = new VBox(10);
        stage = SideWindows.create(owner, "Attack paths", root, 600, 420);
        ExplanationView words = new ExplanationView(selection::select);
        words.setId("attackAnswer");
        attack.answerProperty().addListener((o, before, after) -> words.show(new Details("", after, Set.of(), Set.of(), null)));
        Button clear = new Button("Back to the plain picture");
        clear.setId("clearAttack");
        clear.setOnAction(event -> {
            attack.clear();
            stage.hide();
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, clear, spacer, close);
        buttons.getStyleClass().add("fix-actions");
        root.getChildren().addAll(words, buttons);
        VBox.setVgrow(words, Priority.ALWAYS);
        root.setPadding(new Insets(12));
    }

    void show() {
        SideWindows.show(stage);
    }
}

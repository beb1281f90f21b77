package io.netpolviz.ui;

import io.netpolviz.view.Details;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The attacker's view in words, beside the diagram that marks it: what is reached in how many
 * hops, or the shortest paths with the port of each hop and the cut with its fixes.
 */
final class AttackWindow {

    private final Stage stage = new Stage();

    AttackWindow(Window owner, AttackViewModel attack, SelectionViewModel selection) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Attack paths");
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
        VBox root = new VBox(10, words, buttons);
        VBox.setVgrow(words, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("side-panel");
        Scene scene = new Scene(root, 600, 420);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    void show() {
        // Over the lower right of the window, where the warnings are: the diagram it marks stays in view.
        Window owner = stage.getOwner();
        if (owner != null && !stage.isShowing()) {
            stage.setX(owner.getX() + Math.max(0, owner.getWidth() - stage.getScene().getWidth() - 16));
            stage.setY(owner.getY() + Math.max(0, owner.getHeight() - stage.getScene().getHeight() - 40));
        }
        stage.show();
        stage.toFront();
    }
}

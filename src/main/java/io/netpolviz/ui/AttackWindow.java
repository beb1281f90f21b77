package io.netpolviz.ui;

import io.netpolviz.view.Details;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

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
        HBox buttons = new HBox(8, new Label("Hops:"), hops(attack), clear, spacer, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("fix-actions");
        root.getChildren().addAll(words, buttons);
        VBox.setVgrow(words, Priority.ALWAYS);
        root.setPadding(new Insets(12));
    }

    /** The attacker's reach: any number of hops, or up to 1 to 6 (a click on the diagram's start asks again). */
    private static ComboBox<Integer> hops(AttackViewModel attack) {
        ComboBox<Integer> hops = new ComboBox<>(FXCollections.observableArrayList(0, 1, 2, 3, 4, 5, 6));
        hops.setId("attackHops");
        hops.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null || value == 0 ? "any number" : "up to " + value;
            }

            @Override
            public Integer fromString(String text) {
                return 0;
            }
        });
        hops.setValue(attack.maxHopsProperty().get());
        hops.valueProperty().addListener((o, before, after) -> attack.maxHopsProperty().set(after == null ? 0 : after));
        attack.maxHopsProperty().addListener((o, before, after) -> hops.setValue(after.intValue()));
        return hops;
    }

    void show() {
        SideWindows.show(stage);
    }
}

package io.netpolviz.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The answer windows beside the main one: owned by it, not modal, styled like it, shown over its lower right. */
final class SideWindows {

    private SideWindows() {
    }

    /** A stage for {@code root}, owned by {@code owner} and with its style sheets. */
    static Stage create(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        root.getStyleClass().add("side-panel");
        Scene scene = new Scene(root, width, height);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        return stage;
    }

    /** Shows it over the lower right of its owner, where the warnings are, so that the diagram it marks stays in view. */
    static void show(Stage stage) {
        Window owner = stage.getOwner();
        if (owner != null && !stage.isShowing()) {
            stage.setX(owner.getX() + Math.max(0, owner.getWidth() - stage.getScene().getWidth() - 16));
            stage.setY(owner.getY() + Math.max(0, owner.getHeight() - stage.getScene().getHeight() - 40));
        }
        stage.show();
        stage.toFront();
    }
}

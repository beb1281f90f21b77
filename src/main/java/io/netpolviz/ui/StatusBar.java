package io.netpolviz.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's bottom line: the progress of a load, the live cluster's state, the last thing
 * that happened, and what the last evaluation cost.
 */
final class StatusBar extends HBox {

    StatusBar(MainViewModel model) {
        super(10);
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
        ClusterStatusBar cluster = new ClusterStatusBar(model.cluster());
        status.maxWidthProperty().bind(Bindings.when(cluster.visibleProperty()).then(460.0).otherwise(Double.MAX_VALUE));
        Separator divider = new Separator(Orientation.VERTICAL);
        divider.visibleProperty().bind(cluster.visibleProperty());
        divider.managedProperty().bind(cluster.visibleProperty());
        getChildren().addAll(progress, cluster, divider, status, spacer, timing);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        getStyleClass().add("status-bar");
    }
}

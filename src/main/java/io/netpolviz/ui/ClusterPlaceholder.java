package io.netpolviz.ui;

import io.netpolviz.app.ClusterStatusLine;
import io.netpolviz.layout.Diagram;
import javafx.beans.value.ObservableValue;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Stands in the diagram's place while a live cluster has produced nothing to draw yet: says
 * that it is connecting, or why it cannot, and offers to reconnect or connect elsewhere, so an
 * unreadable cluster is never just an empty canvas.
 */
final class ClusterPlaceholder extends VBox {

    ClusterPlaceholder(LiveClusterViewModel cluster, ObservableValue<Diagram> diagram, Runnable connectElsewhere) {
        super(12);
        setId("clusterPlaceholder");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(40));
        setMaxWidth(760);
        setMaxHeight(USE_PREF_SIZE);
        getStyleClass().add("cluster-placeholder");
        Label heading = new Label();
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        Label detail = new Label();
        detail.setId("clusterPlaceholderDetail");
        detail.setWrapText(true);
        Button reconnect = new Button("Reconnect");
        reconnect.setOnAction(event -> cluster.reconnect());
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        Button elsewhere = new Button("Connect to another cluster\u2026");
        elsewhere.setOnAction(event -> connectElsewhere.run());
        HBox actions = new HBox(8, reconnect, elsewhere);
        actions.setAlignment(Pos.CENTER);
        getChildren().addAll(heading, detail, actions);

        Runnable show = () -> {
            ClusterStatusLine.Summary summary = cluster.clusterStatusProperty().get();
            boolean wanted = summary != null && diagram.getValue() == null;
            setVisible(wanted);
            if (!wanted) {
                return;
            }
            heading.setText(switch (summary.level()) {
                case BUSY -> summary.text();
                case ERROR -> "Cannot read the cluster";
                default -> "Waiting for the cluster\u2019s first snapshot";
            });
            detail.setText(summary.detail());
            reconnect.setVisible(summary.reconnectOffered());
        };
        cluster.clusterStatusProperty().addListener((o, before, after) -> show.run());
        diagram.addListener((o, before, after) -> show.run());
        show.run();
    }
}

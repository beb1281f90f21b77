package io.netpolviz.ui;

import io.netpolviz.app.ClusterStatusLine;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Circle;

/**
 * The live cluster's part of the status line: a coloured dot, the state with the context and
 * the last change, and a Reconnect button when the source is in trouble. Hidden when no cluster
 * is followed.
 */
final class ClusterStatusBar extends HBox {

    ClusterStatusBar(LiveClusterViewModel cluster) {
        super(8);
        setId("clusterStatusBar");
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("cluster-status");
        Circle dot = new Circle(5);
        dot.getStyleClass().add("cluster-dot");
        Label text = new Label();
        text.setId("clusterStatus");
        text.setGraphic(dot);
        text.setGraphicTextGap(7);
        text.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        text.setMinWidth(120);
        HBox.setHgrow(text, Priority.SOMETIMES);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        text.setTooltip(tip);
        Button reconnect = new Button("Reconnect");
        reconnect.setId("reconnectButton");
        reconnect.setTooltip(new Tooltip("Connect again now, re-reading the kubeconfig"));
        reconnect.setOnAction(event -> cluster.reconnect());
        reconnect.setMinWidth(USE_PREF_SIZE);
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        getChildren().addAll(text, reconnect);
        managedProperty().bind(visibleProperty());

        Runnable show = () -> {
            ClusterStatusLine.Summary summary = cluster.clusterStatusProperty().get();
            setVisible(summary != null);
            if (summary == null) {
                return;
            }
            text.setText(summary.text());
            tip.setText(summary.detail().isEmpty() ? summary.text() : summary.detail());
            reconnect.setVisible(summary.reconnectOffered());
            getStyleClass().removeIf(style -> style.startsWith("level-"));
            getStyleClass().add("level-" + summary.level().name().toLowerCase(Locale.ROOT));
        };
        cluster.clusterStatusProperty().addListener((o, before, after) -> show.run());
        show.run();
    }
}

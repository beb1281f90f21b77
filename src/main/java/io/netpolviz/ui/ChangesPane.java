package io.netpolviz.ui;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.PortSet;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Beside a compared picture: what changed from the side it is compared with, one line per pair
 * ({@code + prometheus → api  none → TCP 9090}); choosing a line selects its edge, so the pane
 * under the diagram explains it. Shown only while comparing.
 */
final class ChangesPane extends VBox {

    static final double WIDTH = 330;

    ChangesPane(CompareViewModel compare, SelectionViewModel selection) {
        setId("changesPane");
        getStyleClass().add("changes-pane");
        setSpacing(6);
        setPrefWidth(WIDTH);
        setMinWidth(220);
        Label heading = new Label();
        heading.setId("changesHeading");
        heading.setWrapText(true);
        heading.getStyleClass().add("changes-heading");
        ListView<ConnectivityChange> list = new ListView<>();
        list.setId("changesList");
        list.setPlaceholder(new Label("No connection differs."));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(view -> new ListCell<>() {
            private final Label text = new Label();

            {
                setPrefWidth(0);
                text.setWrapText(true);
                text.maxWidthProperty().bind(view.widthProperty().subtract(28));
            }

            @Override
            protected void updateItem(ConnectivityChange item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : text);
                if (item != null && !empty) {
                    text.setText(line(item));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, before, chosen) -> {
            if (chosen != null) {
                selection.selectEdge(GraphEdge.key(chosen.sourceId(), chosen.destinationId()));
            }
        });
        compare.changesProperty().addListener((o, before, changes) -> {
            list.setItems(FXCollections.observableArrayList(changes));
            heading.setText(compare.summary());
        });
        compare.comparisonProperty().addListener((o, before, side) -> heading.setText(compare.summary()));
        getChildren().addAll(heading, list);
        visibleProperty().bind(compare.comparisonProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    /** {@code + monitoring/prometheus → shop/api: none → 9090}, with − for removed and ~ for changed. */
    static String line(ConnectivityChange change) {
        String mark = switch (change.kind()) {
            case ADDED -> "+";
            case REMOVED -> "\u2212";
            case CHANGED -> "~";
        };
        return mark + " " + change.sourceId() + " \u2192 " + change.destinationId() + ":  " + words(change.before()) + " \u2192 "
                + words(change.after());
    }

    private static String words(PortSet ports) {
        return ports.display();
    }
}

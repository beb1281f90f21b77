package io.netpolviz.ui;

import io.netpolviz.model.Diagnostic;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Problems found while loading, each linking to its file and line. */
final class DiagnosticList extends ListView<Diagnostic> {

    DiagnosticList(ProblemsViewModel problems) {
        super(problems.diagnostics());
        setId("diagnostics");
        setPlaceholder(new Label("No problems while loading."));
        setCellFactory(view -> new ListCell<>() {
            private final Hyperlink where = new Hyperlink();
            private final Label message = new Label();
            private final VBox box = new VBox(2, where, message);

            {
                // Cells take the list's width and wrap, instead of scrolling sideways.
                setPrefWidth(0);
                message.setWrapText(true);
                message.maxWidthProperty().bind(view.widthProperty().subtract(28));
                where.setOnAction(event -> {
                    if (getItem() != null) {
                        problems.showSource(getItem().where(), getItem().message());
                    }
                });
            }

            @Override
            protected void updateItem(Diagnostic item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("severity-error", "severity-warning", "severity-note");
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                where.setText(problems.place(item.where()));
                where.setDisable(!ProblemsViewModel.hasSourceFile(item.where()));
                message.setText(item.severity().label() + ": " + item.message());
                getStyleClass().add("severity-" + item.severity().label());
                setGraphic(box);
            }
        });
    }
}

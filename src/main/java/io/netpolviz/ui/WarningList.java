package io.netpolviz.ui;

import io.netpolviz.model.Severity;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.MarkdownText;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The lint findings for the switched-on policies; clicking one selects what it is about. */
final class WarningList extends ListView<LintFinding> {

    WarningList(ProblemsViewModel problems, SelectionViewModel selection, ReadOnlyObjectProperty<Evaluated> evaluation) {
        super(problems.warnings());
        setId("warnings");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setId("warningsNote");
        // Before anything is evaluated (a cluster still connecting) there is nothing to vouch for; at
        // scale lint is skipped, and the list says so rather than claiming there is nothing to warn about.
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(evaluation.isNull()).then("")
                .otherwise(javafx.beans.binding.Bindings.when(problems.warningsNoteProperty().isEmpty())
                        .then("No warnings: none of the usual mistakes found.").otherwise(problems.warningsNoteProperty())));
        setPlaceholder(placeholder);
        setCellFactory(view -> new ListCell<>() {
            private final Label text = new Label();

            {
                // Cells take the list's width and wrap, instead of scrolling sideways.
                setPrefWidth(0);
                text.setWrapText(true);
                text.maxWidthProperty().bind(view.widthProperty().subtract(28));
                setOnMouseClicked(event -> {
                    if (getItem() != null) {
                        selection.selectWarning(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(LintFinding item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("severity-error", "severity-warning", "severity-note");
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                String mark = item.severity() == Severity.ERROR ? "\u2716 " : item.severity() == Severity.WARNING ? "\u26A0 " : "\u2139 ";
                text.setText(mark + MarkdownText.withoutCodeMarks(item.message()));
                getStyleClass().add("severity-" + item.severity().label());
                setGraphic(text);
            }
        });
    }
}

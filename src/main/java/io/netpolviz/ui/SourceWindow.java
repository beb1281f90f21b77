package io.netpolviz.ui;

import io.netpolviz.view.SourceExcerpt;

import java.nio.file.Path;
import java.util.List;
import javafx.application.HostServices;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with a manifest's text, scrolled to and selecting the line a diagnostic names. */
final class SourceWindow {

    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();
    private final Label problem = new Label();
    private final Button openButton = new Button("Open in editor");
    private SourceExcerpt shown;

    SourceWindow(Window owner, HostServices hostServices) {
        stage.initOwner(owner);
        text.setId("sourceText");
        text.setEditable(false);
        text.getStyleClass().add("code");
        problem.setWrapText(true);
        problem.getStyleClass().add("source-problem");
        openButton.setOnAction(event -> {
            if (shown != null && hostServices != null) {
                hostServices.showDocument(Path.of(shown.file()).toUri().toString());
            }
        });
        HBox bar = new HBox(8, openButton);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(text, problem, null, bar, null);
        BorderPane.setMargin(problem, new Insets(6));
        Scene scene = new Scene(root, 760, 560);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    void show(SourceExcerpt excerpt) {
        shown = excerpt;
        stage.setTitle(excerpt.file() + (excerpt.line() > 0 ? ":" + excerpt.line() : ""));
        problem.setText(excerpt.problem() == null ? "" : "Line " + excerpt.line() + ": " + excerpt.problem());
        List<String> lines = excerpt.text().lines().toList();
        StringBuilder numbered = new StringBuilder();
        int start = 0;
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i + 1 == excerpt.line()) {
                start = numbered.length();
            }
            numbered.append(String.format(java.util.Locale.ROOT, "%4d  ", i + 1)).append(lines.get(i)).append('\n');
            if (i + 1 == excerpt.line()) {
                end = numbered.length() - 1;
            }
        }
        text.setText(numbered.toString());
        stage.show();
        stage.toFront();
        if (excerpt.line() > 0 && end > start) {
            text.selectRange(start, end);
            // Bring the line near the top, with a few lines of context above it.
            text.setScrollTop(Math.max(0, (excerpt.line() - 4) * lineHeight()));
        }
    }

    private double lineHeight() {
        return text.getFont().getSize() * 1.35;
    }
}

package io.netpolviz.ui;

import io.netpolviz.view.ProductVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The window that tells the user a failure happened inside NetPolViz (a bug), that the app goes
 * on, and shows the details a report needs — the version, the thread and the stack trace — in a
 * text area with a Copy button, so that nothing is lost when an exception would otherwise vanish.
 * Later failures while it is open are added to the same window, never a pile of windows.
 */
final class FailureDialog {

    private final Alert alert;
    private final TextArea details = new TextArea();
    private int failures;

    FailureDialog(Window owner) {
        alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        alert.initModality(Modality.NONE);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("NetPolViz: something went wrong");
        alert.setHeaderText("Something went wrong inside NetPolViz");
        details.setId("failureDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.setStyle("-fx-font-family: monospace;");
        details.setPrefRowCount(16);
        details.setPrefColumnCount(90);
        VBox.setVgrow(details, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copyFailure");
        copy.setOnAction(event -> copyDetails());
        Label explanation = new Label("The app goes on, but what you just did may not have finished. This is a bug in "
                + "NetPolViz, not in your manifests: please report it with the details below (Copy puts them on the clipboard).");
        explanation.setWrapText(true);
        VBox content = new VBox(8, explanation, details, new HBox(copy));
        content.setPrefWidth(760);
        alert.getDialogPane().setContent(content);
        alert.setResizable(true);
        alert.setOnHidden(event -> {
            failures = 0;
            details.clear();
        });
    }

    /** Shows the failure, or adds it to the window if that is already open. */
    void show(Thread thread, Throwable error) {
        failures++;
        if (failures == 1) {
            details.setText(ProductVersion.line() + "\n");
        }
        details.appendText("\n" + describe(thread, error));
        alert.setHeaderText(failures == 1 ? "Something went wrong inside NetPolViz"
                : failures + " things went wrong inside NetPolViz");
        if (!alert.isShowing()) {
            alert.show();
        }
    }

    /** The text the Copy button puts on the clipboard. */
    String details() {
        return details.getText();
    }

    boolean isShowing() {
        return alert.isShowing();
    }

    void close() {
        alert.close();
    }

    private void copyDetails() {
        ClipboardContent content = new ClipboardContent();
        content.putString(details.getText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    static String describe(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return "In thread " + thread.getName() + ":\n" + trace.toString().replace("\r\n", "\n");
    }
}

package io.netpolviz.ui;

import io.netpolviz.view.ExportRequest;

import io.netpolviz.render.Background;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File → Export: the file, PNG or SVG, the PNG's scale (1×, 2× or a number), a white or
 * transparent background, and the title the picture will carry. The result is an
 * {@link ExportRequest}; the view-model paints and writes it off the JavaFX thread.
 */
final class ExportDialog extends Dialog<ExportRequest> {

    static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private final TextField file = new TextField();
    private final RadioButton png = new RadioButton("PNG image");
    private final RadioButton svg = new RadioButton("SVG drawing");
    private final RadioButton scale1 = new RadioButton("1\u00D7");
    private final RadioButton scale2 = new RadioButton("2\u00D7");
    private final RadioButton scaleCustom = new RadioButton("Custom:");
    private final TextField customScale = new TextField("3");
    private final RadioButton white = new RadioButton("White");
    private final RadioButton transparent = new RadioButton("Transparent");
    private final ObjectBinding<ExportRequest> request;

    /**
     * @param suggested the file to offer
     * @param title the title the export will carry (the source and what the view leaves out)
     */
    ExportDialog(Window owner, Path suggested, String title) {
        initOwner(owner);
        setTitle("Export the diagram");
        setHeaderText("Export the view as shown: filters, switched-off policies, dragged nodes and the legend.");
        setResizable(true);
        getDialogPane().setId("exportDialog");
        getDialogPane().getStylesheets().add(MainWindow.class.getResource("netpolviz.css").toExternalForm());
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        file.setText(suggested.toString());
        getDialogPane().setContent(content(owner, title));
        getDialogPane().setPrefWidth(640);

        request = Bindings.createObjectBinding(this::currentRequest, file.textProperty(), png.selectedProperty(),
                scale1.selectedProperty(), scale2.selectedProperty(), scaleCustom.selectedProperty(), customScale.textProperty(),
                transparent.selectedProperty());
        Button export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("exportButton");
        export.disableProperty().bind(request.isNull());
        setResultConverter(button -> button == EXPORT ? request.get() : null);
    }

    private Node content(Window owner, String title) {
        file.setId("exportFile");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse\u2026");
        browse.setOnAction(event -> chooseFile(owner));
        HBox fileRow = new HBox(6, file, browse);

        ToggleGroup formats = new ToggleGroup();
        png.setId("formatPng");
        svg.setId("formatSvg");
        png.setToggleGroup(formats);
        svg.setToggleGroup(formats);
        (ExportRequest.Format.of(Path.of(file.getText())) == ExportRequest.Format.SVG ? svg : png).setSelected(true);
        // The file name follows the format, so the two never disagree.
        png.selectedProperty().addListener((o, before, chosen) -> file.setText(withExtension(file.getText(),
                chosen ? ExportRequest.Format.PNG : ExportRequest.Format.SVG)));

        ToggleGroup scales = new ToggleGroup();
        scale1.setId("scale1");
        scale2.setId("scale2");
        scaleCustom.setId("scaleCustom");
        customScale.setId("customScale");
        for (RadioButton button : new RadioButton[] {scale1, scale2, scaleCustom}) {
            button.setToggleGroup(scales);
        }
        scale2.setSelected(true);
        customScale.setPrefColumnCount(4);
        customScale.disableProperty().bind(scaleCustom.selectedProperty().not());
        Label scaleHint = new Label("pixels per unit; 2\u00D7 is sharp on slides");
        scaleHint.getStyleClass().add("hint");
        HBox scaleRow = new HBox(12, scale1, scale2, scaleCustom, customScale, scaleHint);
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        scaleRow.disableProperty().bind(png.selectedProperty().not());

        ToggleGroup backgrounds = new ToggleGroup();
        white.setId("backgroundWhite");
        transparent.setId("backgroundTransparent");
        white.setToggleGroup(backgrounds);
        transparent.setToggleGroup(backgrounds);
        white.setSelected(true);

        Label titleLabel = new Label(title);
        titleLabel.setId("exportTitle");
        titleLabel.setWrapText(true);
        titleLabel.getStyleClass().add("export-title");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), fields);
        grid.addRow(0, new Label("File"), fileRow);
        grid.addRow(1, new Label("Format"), new HBox(12, png, svg));
        grid.addRow(2, new Label("Scale"), scaleRow);
        grid.addRow(3, new Label("Background"), new HBox(12, white, transparent));
        grid.addRow(4, new Label("Title"), titleLabel);
        grid.setPadding(new Insets(6, 0, 0, 0));
        return grid;
    }

    /** The request the form describes, or null while it is incomplete (no file, a bad scale). */
    private ExportRequest currentRequest() {
        String name = file.getText().strip();
        if (name.isEmpty()) {
            return null;
        }
        double scale = scale1.isSelected() ? 1 : scale2.isSelected() ? 2 : parseScale(customScale.getText());
        if (Double.isNaN(scale)) {
            return null;
        }
        ExportRequest.Format format = png.isSelected() ? ExportRequest.Format.PNG : ExportRequest.Format.SVG;
        return new ExportRequest(Path.of(withExtension(name, format)), format, scale,
                transparent.isSelected() ? Background.TRANSPARENT : Background.OPAQUE);
    }

    /** A number from 0.1 to 8, with or without a trailing {@code x}; NaN otherwise. */
    static double parseScale(String text) {
        String number = text.strip().toLowerCase(Locale.ROOT).replace("\u00D7", "x");
        if (number.endsWith("x")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        try {
            double value = Double.parseDouble(number);
            return value >= 0.1 && value <= ExportRequest.MAX_SCALE ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The name with the format's extension in place of a {@code .png} or {@code .svg} one. */
    static String withExtension(String name, ExportRequest.Format format) {
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.endsWith(".png") || lower.endsWith(".svg") ? name.substring(0, name.length() - 4) : name;
        return base.isBlank() ? name : base + "." + format.extension();
    }

    private void chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the diagram");
        boolean isPng = png.isSelected();
        chooser.getExtensionFilters().add(isPng ? new FileChooser.ExtensionFilter("PNG image", "*.png")
                : new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
        Path current = Path.of(file.getText().strip().isEmpty() ? "netpolviz.png" : file.getText().strip()).toAbsolutePath();
        if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName().toString());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            file.setText(withExtension(chosen.getPath(), isPng ? ExportRequest.Format.PNG : ExportRequest.Format.SVG));
        }
    }

    Optional<ExportRequest> ask() {
        return showAndWait();
    }
}

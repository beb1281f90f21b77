package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.awaitIdle;
import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Selected rows of the policy list and the warnings stay readable (WCAG contrast of at least 4.5:1
 * between every text in the row and the row's background, whether the list has the focus or not,
 * in both looks), and a warning is never cut off.
 */
@ExtendWith(ApplicationExtension.class)
class SelectedRowContrastTest {

    private static final double LEAST_CONTRAST = 4.5;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        window = new MainWindow(model, stage, null);
        window.show();
        NetPolVizApp.openInitial(model, List.of());
    }

    @BeforeEach
    void showStepThree() throws Exception {
        awaitIdle(model);
        // Step 3 has the half-open warning; every step has policies.
        fx(() -> {
            model.lesson().goToStep(3);
            return null;
        });
        awaitIdle(model);
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void theContrastRatioIsTheWcagOne() {
        assertEquals(21.0, contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, contrast(Color.web("#0072b2"), Color.web("#0072b2")), 1e-9);
        // The default selection bar under the warnings' brown text: what this test exists to catch.
        assertTrue(contrast(Color.web("#7a4a00"), Color.web("#0072b2")) < LEAST_CONTRAST);
    }

    @Test
    void everyTextOfASelectedPolicyOrWarningRowIsReadableFocusedOrNot(FxRobot robot) throws Exception {
        // Presentation mode shows neither list (PresentationLayout): the diagram and the guide alone.
        for (String list : List.of("#policyList", "#warnings")) {
            ListView<?> view = robot.lookup(list).queryAs(ListView.class);
            assertFalse(fx(() -> view.getItems().isEmpty()), list + " is empty");
            for (int row = 0; row < Math.min(4, fx(() -> view.getItems().size())); row++) {
                int index = row;
                for (boolean focused : List.of(true, false)) {
                    fx(() -> {
                        view.getSelectionModel().select(index);
                        view.scrollTo(index);
                        if (focused) {
                            view.requestFocus();
                        } else {
                            window.diagram().canvas().requestFocus();
                        }
                        return null;
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    List<String> low = fx(() -> lowContrast(view));
                    assertTrue(low.isEmpty(), list + " row " + index + (focused ? " focused" : " unfocused")
                            + ": " + low);
                }
            }
        }
    }

    @Test
    void aWarningIsNeverCutOff(FxRobot robot) throws Exception {
        // Presentation mode shows no warnings list (PresentationLayout): the diagram and the guide alone.
        ListView<?> warnings = robot.lookup("#warnings").queryAs(ListView.class);
        List<String> cut = fx(() -> {
            List<String> found = new ArrayList<>();
            for (Node cell : warnings.lookupAll(".list-cell")) {
                if (((ListCell<?>) cell).isEmpty() || !cell.isVisible()) {
                    continue;
                }
                for (Node node : cell.lookupAll(".label")) {
                    Labeled label = (Labeled) node;
                    Text shown = (Text) label.lookup(".text");
                    if (label.getText() == null || label.getText().isEmpty() || shown == null) {
                        continue;
                    }
                    boolean clippedByCell = label.getBoundsInParent().getMaxY() > ((ListCell<?>) cell).getHeight() + 1;
                    if (!shown.getText().equals(label.getText()) || clippedByCell) {
                        found.add(shown.getText());
                    }
                }
            }
            return found;
        });
        assertTrue(cut.isEmpty(), "cut off: " + cut);
        assertTrue(fx(() -> warnings.lookupAll(".list-cell").stream().anyMatch(cell -> !((ListCell<?>) cell).isEmpty())),
                "no warning on show");
    }

    /** The texts of the selected cells of a list whose contrast with the cell's background is below the least. */
    private static List<String> lowContrast(ListView<?> view) {
        List<String> low = new ArrayList<>();
        int selectedCells = 0;
        for (Node node : view.lookupAll(".list-cell")) {
            ListCell<?> cell = (ListCell<?>) node;
            if (cell.isEmpty() || !cell.getPseudoClassStates().contains(SELECTED)) {
                continue;
            }
            selectedCells++;
            Color background = background(cell);
            for (Node child : cell.lookupAll(".text")) {
                if (!(child instanceof Text text) || text.getText() == null || text.getText().isBlank() || !text.isVisible()) {
                    continue;
                }
                Paint fill = text.getFill();
                if (fill instanceof Color color) {
                    double ratio = contrast(color, background);
                    if (ratio < LEAST_CONTRAST) {
                        low.add(String.format(java.util.Locale.ROOT, "'%s' %s on %s: %.2f", text.getText(), color, background, ratio));
                    }
                }
            }
        }
        if (selectedCells == 0) {
            low.add("no selected cell found");
        }
        return low;
    }

    /** The colour behind a cell's text: the last fill of its background (fills paint in order). */
    private static Color background(ListCell<?> cell) {
        List<BackgroundFill> fills = cell.getBackground() == null ? List.of() : cell.getBackground().getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            if (fills.get(i).getFill() instanceof Color color && color.getOpacity() > 0.99) {
                return color;
            }
        }
        return Color.WHITE;
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

}

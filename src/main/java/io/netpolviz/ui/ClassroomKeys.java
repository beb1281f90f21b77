package io.netpolviz.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The keys a teacher presses, and a presenter's clicker sends, wherever the focus is: PageDown
 * and PageUp step a lesson, and so do Right and Left unless the focused control moves with them
 * (a text field's caret, the diagram's keyboard navigation, tabs) outside presentation mode;
 * Esc leaves presentation mode. They are caught on their way down to the focused control (a
 * scene filter), because a ticked policy's checkbox or the policy list would take them for
 * themselves.
 */
final class ClassroomKeys {

    private ClassroomKeys() {
    }

    static void install(Scene scene, MainViewModel model) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() || event.isAltDown() || event.isShiftDown() || event.isMetaDown()) {
                return;
            }
            if (act(event.getCode(), scene.getFocusOwner(), model)) {
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && scene.getWindow() instanceof Stage stage && stage.isFullScreen()) {
                // Full screen without presentation mode (F11) ends with Esc as everywhere; the stage leaves that to us (PresentationLayout).
                stage.setFullScreen(false);
            }
        });
    }

    /** Does what {@code key} asks, if it asks the app anything; true if it did. */
    static boolean act(KeyCode key, Node focus, MainViewModel model) {
        LessonViewModel lesson = model.lesson();
        boolean presenting = model.presentationProperty().get();
        boolean hasSteps = lesson.stepCountProperty().get() > 0;
        switch (key) {
            case ESCAPE:
                if (presenting) {
                    model.setPresentation(false);
                    return true;
                }
                return false;
            case PAGE_DOWN:
            case PAGE_UP:
                if (!hasSteps) {
                    return false;
                }
                step(lesson, key == KeyCode.PAGE_DOWN);
                return true;
            case RIGHT:
            case LEFT:
                // In presentation mode the clicker wins over everything but typing.
                if (!hasSteps || typesText(focus) || (!presenting && movesWithArrows(focus))) {
                    return false;
                }
                step(lesson, key == KeyCode.RIGHT);
                return true;
            default:
                return false;
        }
    }

    private static void step(LessonViewModel lesson, boolean forward) {
        if (forward) {
            lesson.nextStep();
        } else {
            lesson.previousStep();
        }
    }

    /** Controls that move something with Left and Right: the diagram (node to node), tabs, sliders. */
    private static boolean movesWithArrows(Node focus) {
        for (Node node = focus; node != null; node = node.getParent()) {
            if ("diagramCanvas".equals(node.getId()) || node instanceof TabPane || node instanceof Slider) {
                return true;
            }
        }
        return false;
    }

    /** A field the user types in keeps its arrows for the caret. */
    private static boolean typesText(Node focus) {
        return focus instanceof TextInputControl field && field.isEditable() && field.isVisible();
    }
}

package io.netpolviz.ui;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's status line: the last thing that happened, in words. A re-evaluation adds its
 * timing to the message it follows; the message is kept apart, so the next timing replaces the
 * last one instead of being read back out of the text.
 */
final class StatusLine {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "status", "");
    /** What was last said, without the timing of a re-evaluation. */
    private String message = "";

    void say(String newMessage) {
        message = newMessage;
        text.set(newMessage);
    }

    /** Says {@code done} with how long the re-evaluation it led to took. */
    void sayReevaluated(String done, double millis) {
        message = done;
        text.set(done + String.format(Locale.ROOT, " (re-evaluated in %.1f ms)", millis));
    }

    /** What was last said, without a re-evaluation's timing. */
    String message() {
        return message;
    }

    ReadOnlyStringProperty property() {
        return text.getReadOnlyProperty();
    }

    /** The message of a failure: the first cause that has one, else the failure's kind. */
    static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

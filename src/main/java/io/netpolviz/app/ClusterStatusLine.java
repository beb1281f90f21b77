package io.netpolviz.app;

import io.netpolviz.cluster.ChangeCause;
import io.netpolviz.cluster.ConnectionStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The status line of a live cluster, in words: whether the view follows the cluster, which
 * context it is, when the last change arrived and what it was, and whether the view is partial.
 * Built only from the source's own status (whose messages hold no credentials), the change cause
 * and a count of unreadable resources.
 */
public final class ClusterStatusLine {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** How the line is drawn: a spinner-like grey while connecting, green, amber or red. */
    public enum Level { BUSY, OK, WARNING, ERROR }

    /**
     * @param text the line itself
     * @param detail the source's full message, for a tooltip and the placeholder of an empty view
     * @param reconnectOffered whether a Reconnect button belongs next to it
     */
    public record Summary(Level level, String text, String detail, boolean reconnectOffered) {
    }

    private ClusterStatusLine() {
    }

    /**
     * @param cause what the last published snapshot changed, or null before the first
     * @param unreadable how many resources the user may not read (error diagnostics of the snapshot)
     */
    public static Summary summarize(ConnectionStatus status, ChangeCause cause, int unreadable, ZoneId zone) {
        String context = status.context().isEmpty() ? "the current context" : status.context();
        return switch (status.state()) {
            case CONNECTING -> new Summary(Level.BUSY, "Connecting to " + context + "\u2026", status.message(), false);
            case CONNECTED -> {
                String text = "Connected to " + context + lastChange(status.lastChange(), cause, zone);
                if (unreadable > 0) {
                    text += " \u2014 partial view: " + unreadable + (unreadable == 1 ? " resource is" : " resources are")
                            + " unreadable, see Load problems";
                }
                yield new Summary(unreadable > 0 ? Level.WARNING : Level.OK, text, status.message(), false);
            }
            case RECONNECTING -> new Summary(Level.WARNING, "Reconnecting: " + status.message(), status.message(), true);
            case ERROR -> new Summary(Level.ERROR, "Error: " + status.message(), status.message(), true);
        };
    }

    /** {@code  — last change 12:03:41, Pod shop/web-1 ADDED}, or nothing before the first snapshot. */
    private static String lastChange(Instant when, ChangeCause cause, ZoneId zone) {
        if (when == null) {
            return "";
        }
        String text = " \u2014 last change " + CLOCK.format(when.atZone(zone));
        return cause == null ? text : text + ", " + cause.display();
    }
}

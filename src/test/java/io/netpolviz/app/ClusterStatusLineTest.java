package io.netpolviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.cluster.ChangeCause;
import io.netpolviz.cluster.ChangeType;
import io.netpolviz.cluster.ConnectionState;
import io.netpolviz.cluster.ConnectionStatus;
import io.netpolviz.cluster.ObjectChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStatusLineTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:03:41Z");

    private static ConnectionStatus status(ConnectionState state, String message, Instant lastChange) {
        return new ConnectionStatus(state, "prod", message, AT, lastChange, false);
    }

    @Test
    void connectedNamesTheContextAndTheLastChangeWithItsTime() {
        ChangeCause cause = new ChangeCause(ChangeCause.Origin.WATCH_EVENTS,
                List.of(new ObjectChange("Pod", "shop", "web-1", ChangeType.ADDED)));
        ClusterStatusLine.Summary line = ClusterStatusLine.summarize(status(ConnectionState.CONNECTED, "Watching context 'prod'.", AT),
                cause, 0, ZoneOffset.UTC);
        assertEquals("Connected to prod \u2014 last change 12:03:41, Pod shop/web-1 ADDED", line.text());
        assertEquals(ClusterStatusLine.Level.OK, line.level());
        assertEquals("Watching context 'prod'.", line.detail());
    }

    @Test
    void unreadableResourcesMakeItAWarningThatPointsAtLoadProblems() {
        ClusterStatusLine.Summary line = ClusterStatusLine.summarize(status(ConnectionState.CONNECTED, "", AT),
                new ChangeCause(ChangeCause.Origin.INITIAL_READ, List.of()), 2, ZoneOffset.ofHours(2));
        assertEquals("Connected to prod \u2014 last change 14:03:41, initial read \u2014 partial view: 2 resources are unreadable, "
                + "see Load problems", line.text());
        assertEquals(ClusterStatusLine.Level.WARNING, line.level());
    }

    @Test
    void errorsShowTheSourcesMessageAndOfferReconnectWhileConnectingDoesNot() {
        ClusterStatusLine.Summary error = ClusterStatusLine.summarize(status(ConnectionState.ERROR,
                "Context 'prod': the server rejected the credentials (401 Unauthorized).", null), null, 0, ZoneOffset.UTC);
        assertEquals("Error: Context 'prod': the server rejected the credentials (401 Unauthorized).", error.text());
        assertTrue(error.reconnectOffered());
        ClusterStatusLine.Summary connecting = ClusterStatusLine.summarize(status(ConnectionState.CONNECTING, "Connecting\u2026", null),
                null, 0, ZoneOffset.UTC);
        assertEquals("Connecting to prod\u2026", connecting.text());
        assertFalse(connecting.reconnectOffered());
    }
}

package io.netpolviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LoggingTest {

    @Test
    void debugOutputIsAskedForByTheVariableOrTheProperty() {
        assertFalse(Logging.debugRequested(null, null));
        assertTrue(Logging.debugRequested("1", null));
        assertTrue(Logging.debugRequested(null, "true"));
        assertFalse(Logging.debugRequested("0", "false"));
        assertFalse(Logging.debugRequested("", " "));
    }

    @Test
    void byDefaultTheConsoleShowsOurWarningsAndNothingOfTheLibraries() {
        Properties levels = Logging.levels(false);
        assertEquals("WARNING", levels.getProperty("io.netpolviz.level"));
        assertEquals("WARNING", levels.getProperty(".level"), "no INFO chatter from anyone");
        assertEquals("OFF", levels.getProperty("io.fabric8.level"));
        assertEquals("OFF", levels.getProperty("io.netty.level"));
        assertEquals("OFF", levels.getProperty("javafx.level"), "JavaFX's class-path warning at every start is not the user's to fix");
    }

    @Test
    void debugOutputShowsAllOfOursAndTheLibrariesInfo() {
        Properties levels = Logging.levels(true);
        assertEquals("ALL", levels.getProperty("io.netpolviz.level"));
        assertEquals("INFO", levels.getProperty(".level"));
        assertEquals(null, levels.getProperty("io.fabric8.level"), "the libraries follow the root");
    }

    @Test
    void aRecordIsOneLineThatSaysHowToGetTheStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "the listener failed");
        record.setLoggerName("io.netpolviz.cluster.ClusterSource");
        record.setThrown(new IllegalStateException("boom"));

        String line = new Logging.ConsoleFormat(false).format(record);

        assertEquals("netpolviz: error: the listener failed (java.lang.IllegalStateException: boom; run again with "
                + "--verbose or " + Logging.DEBUG_VARIABLE + "=1 for the stack trace)\n", line);
    }

    @Test
    void debugOutputNamesTheLoggerAndPrintsTheStackTrace() {
        LogRecord record = new LogRecord(Level.WARNING, "a task failed");
        record.setLoggerName("io.netpolviz.cluster.ClusterSource");
        record.setThrown(new IllegalStateException("boom"));

        String text = new Logging.ConsoleFormat(true).format(record);

        assertTrue(text.startsWith("netpolviz: warning [io.netpolviz.cluster.ClusterSource]: a task failed\n"
                + "java.lang.IllegalStateException: boom\n\tat io.netpolviz.LoggingTest."), text);
        assertFalse(text.contains("\r"), "lines end with \\n on every platform");
        assertTrue(text.endsWith("\n"));
    }
}

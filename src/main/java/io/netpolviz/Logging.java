package io.netpolviz;

import io.netpolviz.cluster.KnownCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where log records go, set once at start-up. NetPolViz logs through {@link System.Logger}, and
 * the libraries under the cluster client (fabric8, Vert.x, Netty) through SLF4J, which
 * {@code slf4j-jdk14} hands on; both end in {@code java.util.logging}, configured here.
 *
 * <p>By default the console (standard error) shows NetPolViz's own warnings and errors, one line
 * each, and nothing of the cluster client's libraries or JavaFX: every failure of theirs that
 * matters already reaches the user in words (the connection status, the load problems), and the
 * client's records quote servers' answers verbatim. {@code NETPOLVIZ_DEBUG=1} (or {@code -Dnetpolviz.debug=true}) shows
 * everything NetPolViz logs, the libraries' INFO and above, and every stack trace: what a bug
 * report needs; so does {@code --verbose}, on the command line of a command or of the app. Known credentials are masked in every line either way. A
 * {@code java.util.logging.config.file} of the user's own replaces all of this.
 */
final class Logging {

    /** The environment variable that turns on the debug output; messages that ask for a stack trace name it. */
    static final String DEBUG_VARIABLE = "NETPOLVIZ_DEBUG";
    /** The system property that does the same. */
    static final String DEBUG_PROPERTY = "netpolviz.debug";

    /**
     * Loggers of libraries that are silent on the console unless debugging: the cluster client's
     * (fabric8, Vert.x, Netty) and JavaFX's, which warns at every start that the jar puts it on
     * the class path, something no user can act on.
     */
    private static final String[] LIBRARIES = {"io.fabric8", "io.vertx", "io.netty", "javafx"};

    private static final System.Logger LOG = System.getLogger(Logging.class.getName());

    private Logging() {
    }

    /**
     * Configures logging for this process, unless the user configured {@code java.util.logging}
     * already; {@code verbose} ({@code --verbose} on the command line) asks for the debug output
     * as the variable and the property do.
     */
    static void configure(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        boolean debug = verbose || debugRequested(System.getenv(DEBUG_VARIABLE), System.getProperty(DEBUG_PROPERTY));
        try {
            LogManager.getLogManager().readConfiguration(asStream(levels(debug)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        console.setFormatter(new ConsoleFormat(debug));
        // The root logger is held by the LogManager for good, so its handler stays.
        Logger.getLogger("").addHandler(console);
        // An exception that ends a thread (the JavaFX thread's included) is a bug: log it, so that
        // it is masked and formatted like everything else.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.log(System.Logger.Level.ERROR, "unexpected failure in thread " + thread.getName(), error));
    }

    /** Whether the variable or the property asks for debug output: set, and not {@code 0} or {@code false}. */
    static boolean debugRequested(String variable, String property) {
        return isOn(variable) || isOn(property);
    }

    private static boolean isOn(String value) {
        return value != null && !value.isBlank() && !value.trim().equals("0") && !value.trim().equalsIgnoreCase("false");
    }

    /**
     * The levels, as a {@code logging.properties} would set them: the LogManager applies them to
     * each logger when it is created, and keeps them while a logger is collected and made again.
     */
    static Properties levels(boolean debug) {
        Properties levels = new Properties();
        levels.setProperty(".level", debug ? "INFO" : "WARNING");
        levels.setProperty("io.netpolviz.level", debug ? "ALL" : "WARNING");
        for (String library : LIBRARIES) {
            if (!debug) {
                levels.setProperty(library + ".level", "OFF");
            }
        }
        return levels;
    }

    private static ByteArrayInputStream asStream(Properties properties) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        properties.store(bytes, null);
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    /**
     * One line per record, {@code netpolviz: warning: ...}, with known credentials masked. Without
     * debug output a record's exception is summed up in the line with a pointer to the debug
     * switch; with it, the logger's name and the full stack trace follow.
     */
    static final class ConsoleFormat extends Formatter {

        private final boolean debug;

        ConsoleFormat(boolean debug) {
            this.debug = debug;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder("netpolviz: ").append(levelName(record.getLevel()));
            if (debug && record.getLoggerName() != null) {
                line.append(" [").append(record.getLoggerName()).append(']');
            }
            line.append(": ").append(formatMessage(record));
            Throwable thrown = record.getThrown();
            if (thrown != null && debug) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace.toString().replace(System.lineSeparator(), "\n").stripTrailing());
            } else if (thrown != null) {
                line.append(" (").append(thrown).append("; run again with --verbose or ").append(DEBUG_VARIABLE)
                        .append("=1 for the stack trace)");
            }
            return KnownCredentials.redact(line.append('\n').toString());
        }

        private static String levelName(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "error";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "warning";
            }
            if (level.intValue() >= Level.INFO.intValue()) {
                return "info";
            }
            return level.intValue() >= Level.FINE.intValue() ? "debug" : "trace";
        }
    }
}

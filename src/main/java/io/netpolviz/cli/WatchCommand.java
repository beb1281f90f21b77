package io.netpolviz.cli;

import io.netpolviz.cluster.ChangeCause;
import io.netpolviz.cluster.ClusterListener;
import io.netpolviz.cluster.ClusterWatchFeed;
import io.netpolviz.cluster.ConnectionState;
import io.netpolviz.cluster.ConnectionStatus;
import io.netpolviz.cluster.ObjectChange;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.ConnectivityDiff;
import io.netpolviz.policy.ConnectivityMatrix;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code watch}: follows a live cluster and prints each change in allowed connectivity as it
 * happens — the pair, the ports, allowed→blocked or back, and which objects changed — an audit
 * trail of reachability. Runs until interrupted, or until {@code --changes N} updates arrived.
 */
final class WatchCommand implements Command {

    private final Clock clock;

    WatchCommand() {
        this(Clock.systemUTC());
    }

    WatchCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String usage() {
        return "watch --kubeconfig FILE [--context NAME] [--namespace NS]... [--format txt|jsonl] [--changes N]";
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(SourceOptions.VALUED);
        options.remove("off");
        options.add("format");
        options.add("changes");
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        if (!LiveClusterSource.requested(arguments)) {
            throw new UsageException("name the cluster with --kubeconfig FILE (and --context NAME)");
        }
        String format = arguments.option("format").orElse("txt").toLowerCase(Locale.ROOT);
        if (!format.equals("txt") && !format.equals("jsonl")) {
            throw new UsageException("unknown format '" + format + "': use txt or jsonl");
        }
        int maxUpdates = parseCount(arguments.option("changes").orElse("0"));
        AuditTrail trail = new AuditTrail(terminal, format.equals("jsonl"), maxUpdates);
        try {
            new ClusterWatchFeed(LiveClusterSource.options(arguments)).run(trail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AuditTrail.Enough e) {
            // --changes N updates were printed.
        } catch (AuditTrail.GaveUp e) {
            // The status line that says why (and what to do) is already on standard error.
            return ExitCode.INPUT_ERRORS;
        }
        return ExitCode.OK;
    }

    private static int parseCount(String text) throws UsageException {
        try {
            int count = Integer.parseInt(text);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--changes " + text + ": give a whole number (0 means run until interrupted)");
    }

    /** Compares each snapshot with the one before and prints what opened or closed. */
    private final class AuditTrail implements ClusterListener {

        private final Terminal terminal;
        private final boolean jsonLines;
        private final int maxUpdates;
        /** The last snapshot's evaluation: its matrix is asked pair by pair, never kept. */
        private Evaluation previous;
        private int updates;

        AuditTrail(Terminal terminal, boolean jsonLines, int maxUpdates) {
            this.terminal = terminal;
            this.jsonLines = jsonLines;
            this.maxUpdates = maxUpdates;
        }

        /**
         * Thrown from the listener when the source has given up for good (credentials the server
         * rejects, a context that does not exist): it would wait for a reconnect nobody asks for.
         */
        static final class GaveUp extends RuntimeException {
            private static final long serialVersionUID = 1L;

            GaveUp() {
                super(null, null, false, false);
            }
        }

        /** Thrown from the listener to stop the feed once enough updates were printed. */
        static final class Enough extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Enough() {
                super(null, null, false, false);
            }
        }

        @Override
        public void snapshot(ClusterSnapshot snapshot, ChangeCause cause) {
            Evaluation current = PolicyEngine.compile(snapshot).evaluate();
            Instant now = clock.instant();
            if (previous == null) {
                long[] pairs = new long[2];
                ConnectivityMatrix.forEach(current, connection -> {
                    pairs[0]++;
                    pairs[1] += connection.allowed().isEmpty() ? 0 : 1;
                });
                printEvent(now, "snapshot", Map.of(), cause, snapshot.workloads().size() + " workloads, " + snapshot.policies().size()
                        + " policies, " + pairs[1] + " of " + pairs[0] + " pairs allow something");
                for (var diagnostic : snapshot.diagnostics()) {
                    if (diagnostic.severity() != io.netpolviz.model.Severity.NOTE) {
                        printEvent(now, "diagnostic", Map.of(), cause, diagnostic.display());
                    }
                }
            } else {
                for (ConnectivityChange change : ConnectivityDiff.between(previous, current)) {
                    printChange(now, change, cause);
                }
                updates++;
            }
            previous = current;
            terminal.out().flush();
            if (maxUpdates > 0 && updates >= maxUpdates) {
                throw new Enough();
            }
        }

        @Override
        public void status(ConnectionStatus status) {
            if (jsonLines) {
                printEvent(clock.instant(), "status", Map.of("state", status.state().name()), null, status.message());
            } else {
                terminal.printErrorLine(clock.instant() + " " + status.display());
            }
            if (status.state() == ConnectionState.ERROR && !status.retrying()) {
                terminal.out().flush();
                throw new GaveUp();
            }
        }

        private void printChange(Instant now, ConnectivityChange change, ChangeCause cause) {
            PortSet opened = change.opened();
            PortSet closed = change.closed();
            if (jsonLines) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("from", change.sourceId());
                fields.put("to", change.destinationId());
                fields.put("opened", AnalysisReport.allowedText(opened, ", "));
                fields.put("closed", AnalysisReport.allowedText(closed, ", "));
                fields.put("before", AnalysisReport.allowedText(change.before(), ", "));
                fields.put("after", AnalysisReport.allowedText(change.after(), ", "));
                printEvent(now, "change", fields, cause, null);
                return;
            }
            StringBuilder line = new StringBuilder(now.toString()).append(' ')
                    .append(change.sourceId()).append(" -> ").append(change.destinationId()).append(':');
            if (!opened.isEmpty()) {
                line.append(" blocked\u2192allowed ").append(AnalysisReport.allowedText(opened, ", ")).append(';');
            }
            if (!closed.isEmpty()) {
                line.append(" allowed\u2192blocked ").append(AnalysisReport.allowedText(closed, ", ")).append(';');
            }
            line.setLength(line.length() - 1);
            line.append("  (").append(cause.display()).append(')');
            terminal.printLine(line);
        }

        private void printEvent(Instant now, String type, Map<String, Object> fields, ChangeCause cause, String message) {
            if (!jsonLines) {
                terminal.printLine(now + " " + message + (cause == null ? "" : "  (" + cause.display() + ")"));
                return;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("time", now.toString());
            event.put("type", type);
            event.putAll(fields);
            if (message != null) {
                event.put("message", message);
            }
            if (cause != null) {
                event.put("cause", cause.origin().name());
                event.put("objects", cause.changes().stream().map(ObjectChange::display).toList());
            }
            terminal.printLine(Json.writeLine(event));
        }
    }
}

package io.netpolviz.cli;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Connection;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortSet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The formats {@code analyze} writes. Every one is deterministic: same input, same bytes. Each
 * streams the connections as the matrix hands them over, so a report of millions of lines never
 * has to fit in memory.
 */
enum ReportFormat {
    TXT {
        @Override
        void write(AnalysisReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("NetPolViz analysis of ").append(report.snapshot().sourceName()).append('\n');
            out.append(report.summary()).append('\n');
            if (!report.switchedOff().isEmpty()) {
                out.append("Switched off: ").append(String.join(", ", report.switchedOff().stream().map(PolicyId::toString).toList())).append('\n');
            }
            // Every endpoint shows in both columns: the widths of the longest name, at least the headings'.
            int width = 4;
            int toWidth = 2;
            for (Endpoint endpoint : report.endpoints()) {
                width = Math.max(width, endpoint.id().length());
                toWidth = Math.max(toWidth, endpoint.id().length());
            }
            out.append('\n');
            row(out, "FROM", width, "TO", toWidth, "ALLOWED");
            int fromWidth = width;
            int destinationWidth = toWidth;
            RunTimeFilterMarks marks = new RunTimeFilterMarks(report.evaluation());
            report.forEachConnection(connection -> {
                row(out, connection.source().id(), fromWidth, connection.destination().id(), destinationWidth,
                        marks.allowedText(connection, ", "));
                output.written();
            });
            if (marks.marked()) {
                out.append(RunTimeFilterMarks.MEANING).append('\n');
            }
            out.append('\n').append("Diagnostics:").append(report.snapshot().diagnostics().isEmpty() ? " none" : "").append('\n');
            for (Diagnostic diagnostic : report.snapshot().diagnostics()) {
                out.append("  ").append(diagnostic.display()).append('\n');
            }
        }

        /** One line of the table: the first two columns padded to their widths, two spaces apart. */
        private void row(StringBuilder out, String from, int fromWidth, String to, int toWidth, String allowed) {
            out.append(from).append(" ".repeat(Math.max(0, fromWidth - from.length()))).append("  ");
            out.append(to).append(" ".repeat(Math.max(0, toWidth - to.length()))).append("  ");
            out.append(allowed).append('\n');
        }
    },
    JSON {
        @Override
        void write(AnalysisReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("namespaces", report.snapshot().namespaces().size());
            summary.put("workloads", report.workloadCount());
            summary.put("pods", report.podCount());
            summary.put("policies", report.snapshot().policies().size());
            if (!report.snapshot().ciliumPolicies().isEmpty()) {
                summary.put("ciliumPolicies", report.snapshot().ciliumPolicies().size());
            }
            if (!report.snapshot().calico().policies().isEmpty()) {
                summary.put("calicoPolicies", report.snapshot().calico().policies().size());
            }
            summary.put("switchedOff", report.switchedOff().stream().map(PolicyId::toString).toList());
            out.append("{\n");
            Json.member(out, "source", report.snapshot().sourceName());
            out.append(",\n");
            Json.member(out, "summary", summary);
            out.append(",\n");
            if (!report.standIns().isEmpty()) {
                // A policy-only input: these endpoints are stand-ins for the pods the selectors name, no real pods.
                Json.member(out, "standIns", report.standIns());
                out.append(",\n");
            }
            JsonRows connections = new JsonRows(out, "connections");
            RunTimeFilterMarks marks = new RunTimeFilterMarks(report.evaluation());
            report.forEachConnection(connection -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", connection.source().id());
                row.put("to", connection.destination().id());
                // Always a list, so that a reader needs one type: [] allows nothing, ["all"] every port of every protocol.
                row.put("allowed", connection.allowed().isAll() ? List.of("all")
                        : connection.allowed().ranges().stream().map(r -> r.display()).toList());
                PortSet filtered = marks.of(connection);
                if (!filtered.isEmpty()) {
                    // Only where a Cilium L7 or DNS-name rule filters requests on allowed ports at run time.
                    row.put("filteredAtRunTime", filtered.ranges().stream().map(r -> r.display()).toList());
                }
                connections.add(row);
                output.written();
            });
            connections.close();
            out.append(",\n");
            Json.member(out, "diagnostics", diagnostics(report));
            out.append("\n}\n");
        }

        private List<Object> diagnostics(AnalysisReport report) {
            List<Object> out = new ArrayList<>();
            for (Diagnostic diagnostic : report.snapshot().diagnostics()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("severity", diagnostic.severity().label());
                row.put("file", diagnostic.where().file());
                row.put("line", diagnostic.where().line());
                row.put("column", diagnostic.where().column());
                row.put("message", diagnostic.message());
                out.add(row);
            }
            return out;
        }
    },
    CSV {
        @Override
        void write(AnalysisReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("from,to,allowed\n");
            report.forEachConnection(connection -> {
                out.append(TextFields.csv(connection.source().id())).append(',').append(TextFields.csv(connection.destination().id())).append(',')
                        .append(TextFields.csv(AnalysisReport.allowedText(connection.allowed(), ";"))).append('\n');
                output.written();
            });
        }
    },
    MD {
        @Override
        void write(AnalysisReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("# NetPolViz analysis of `").append(report.snapshot().sourceName()).append("`\n\n");
            out.append(report.summary()).append("\n\n");
            out.append("| From | To | Allowed |\n|---|---|---|\n");
            RunTimeFilterMarks marks = new RunTimeFilterMarks(report.evaluation());
            report.forEachConnection(connection -> {
                String allowed = marks.allowedText(connection, ", ");
                String mark = connection.allowed().isEmpty() ? "\u2717 " : "\u2713 ";
                out.append("| `").append(connection.source().id()).append("` | `").append(connection.destination().id()).append("` | ")
                        .append(mark).append(allowed).append(" |\n");
                output.written();
            });
            if (marks.marked()) {
                out.append('\n').append(RunTimeFilterMarks.MEANING).append('\n');
            }
            out.append("\n## Diagnostics\n\n");
            if (report.snapshot().diagnostics().isEmpty()) {
                out.append("None.\n");
            }
            for (Diagnostic diagnostic : report.snapshot().diagnostics()) {
                out.append("- `").append(diagnostic.where().display()).append("` **").append(diagnostic.severity().label()).append("**: ")
                        .append(diagnostic.message().replace("|", "\\|")).append('\n');
            }
        }
    },
    DOT {
        @Override
        void write(AnalysisReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("digraph netpolviz {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];\n");
            TextFields.dotNodes(out, report.endpoints().stream().map(Endpoint::id).toList());
            RunTimeFilterMarks marks = new RunTimeFilterMarks(report.evaluation());
            report.forEachConnection(connection -> {
                if (connection.allowed().isEmpty() || connection.source().id().equals(connection.destination().id())) {
                    return;
                }
                out.append("  ").append(TextFields.dotQuote(connection.source().id())).append(" -> ").append(TextFields.dotQuote(connection.destination().id()))
                        .append(" [label=").append(TextFields.dotQuote(marks.allowedText(connection, ", "))).append("];\n");
                output.written();
            });
            out.append("}\n");
        }
    };

    /** Writes the report to {@code target}, a chunk at a time. */
    void write(AnalysisReport report, PrintStream target) {
        ChunkedOutput output = new ChunkedOutput(target);
        write(report, output);
        output.flush();
    }

    abstract void write(AnalysisReport report, ChunkedOutput output);

    static Optional<ReportFormat> parse(String text) {
        return TextFields.format(ReportFormat.class, text);
    }
}

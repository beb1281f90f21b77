package io.netpolviz.cli;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.policy.ConnectivityChange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The formats {@code diff} writes, each streaming the changes as the walk finds them and each
 * deterministic. The allowed sets use {@code analyze}'s words ({@code none}, {@code all}) with the
 * ports grouped per protocol ({@link AnalysisReport#compactText}); CSV and DOT have no place for
 * load diagnostics or one-sided endpoints, so {@link DiffCommand} sends those to standard error.
 */
enum DiffFormat {
    TXT {
        @Override
        void write(DiffReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("NetPolViz diff\n  before: ").append(report.beforeName()).append("\n  after:  ").append(report.afterName()).append('\n');
            for (DiffReport.OneSided one : report.oneSided()) {
                out.append(one.sentence()).append('\n');
            }
            int width = report.idWidth("SOURCE".length());
            out.append('\n');
            row(out, "DIFF", "SOURCE", width, "DESTINATION", "BEFORE", "AFTER");
            report.forEachChange(change -> {
                row(out, change.kind().word(), change.sourceId(), width, change.destinationId(), words(change.before()), words(change.after()));
                for (String cause : report.causesOf(change)) {
                    out.append("         because ").append(cause).append('\n');
                }
                output.written();
            });
            out.append('\n').append(report.summary()).append('\n');
            diagnostics(report, out, "\nDiagnostics (%s):\n", "  %s\n");
        }

        private void row(StringBuilder out, String kind, String source, int width, String destination, String before, String after) {
            out.append(kind).append(" ".repeat(Math.max(1, 9 - kind.length())));
            out.append(source).append(" ".repeat(Math.max(0, width - source.length()))).append("  ");
            out.append(destination).append(" ".repeat(Math.max(0, width - destination.length()))).append("  ");
            out.append(before).append("  \u2192  ").append(after).append('\n');
        }
    },
    CSV {
        @Override
        void write(DiffReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("diff-type,source,destination,before,after").append(report.explains() ? ",because" : "").append('\n');
            report.forEachChange(change -> {
                out.append(change.kind().word()).append(',').append(TextFields.csv(change.sourceId())).append(',').append(TextFields.csv(change.destinationId()))
                        .append(',').append(TextFields.csv(words(change.before()))).append(',').append(TextFields.csv(words(change.after())));
                if (report.explains()) {
                    out.append(',').append(TextFields.csv(String.join("; ", report.causesOf(change))));
                }
                out.append('\n');
                output.written();
            });
        }
    },
    MD {
        @Override
        void write(DiffReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("### Connectivity changes: `").append(report.beforeName()).append("` \u2192 `").append(report.afterName()).append("`\n\n");
            for (DiffReport.OneSided one : report.oneSided()) {
                out.append("- ").append(one.sentence().replace(one.id(), "`" + one.id() + "`")).append('\n');
            }
            if (!report.oneSided().isEmpty()) {
                out.append('\n');
            }
            out.append("| Change | Source | Destination | Before | After |").append(report.explains() ? " Because |" : "").append('\n');
            out.append("|---|---|---|---|---|").append(report.explains() ? "---|" : "").append('\n');
            report.forEachChange(change -> {
                out.append("| ").append(mark(change.kind())).append(' ').append(change.kind().word()).append(" | `").append(change.sourceId())
                        .append("` | `").append(change.destinationId()).append("` | ").append(words(change.before())).append(" | ")
                        .append(words(change.after())).append(" |");
                if (report.explains()) {
                    out.append(' ').append(String.join("; ", report.causesOf(change)).replace("|", "\\|")).append(" |");
                }
                out.append('\n');
                output.written();
            });
            out.append("\n**").append(report.summary()).append("**\n");
            diagnostics(report, out, "\n#### Diagnostics (%s)\n\n", "- %s\n");
        }

        /** A mark a reviewer finds at a glance in a long table: plus for added, minus for removed, arrows for changed. */
        private String mark(ConnectivityChange.Kind kind) {
            return switch (kind) {
                case ADDED -> "\u2795";
                case REMOVED -> "\u2796";
                case CHANGED -> "\uD83D\uDD04";
            };
        }
    },
    JSON {
        @Override
        void write(DiffReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("{\n");
            Json.member(out, "before", report.beforeName());
            out.append(",\n");
            Json.member(out, "after", report.afterName());
            out.append(",\n");
            List<Object> oneSided = new ArrayList<>();
            for (DiffReport.OneSided one : report.oneSided()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", "workload");
                row.put("id", one.id());
                row.put("only", one.inAfter() ? "after" : "before");
                oneSided.add(row);
            }
            Json.member(out, "oneSided", oneSided);
            out.append(",\n");
            JsonRows changes = new JsonRows(out, "changes");
            report.forEachChange(change -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("diff-type", change.kind().word());
                row.put("source", change.sourceId());
                row.put("destination", change.destinationId());
                row.put("before", words(change.before()));
                row.put("after", words(change.after()));
                row.put("opened", words(change.opened()));
                row.put("closed", words(change.closed()));
                if (report.explains()) {
                    row.put("because", report.causesOf(change));
                }
                changes.add(row);
                output.written();
            });
            changes.close();
            out.append(",\n");
            Map<String, Object> summary = new LinkedHashMap<>();
            for (ConnectivityChange.Kind kind : ConnectivityChange.Kind.values()) {
                summary.put(kind.word(), report.count(kind));
            }
            Json.member(out, "summary", summary);
            out.append(",\n");
            Map<String, Object> diagnostics = new LinkedHashMap<>();
            diagnostics.put("before", report.beforeSnapshot().diagnostics().stream().map(Diagnostic::display).toList());
            diagnostics.put("after", report.afterSnapshot().diagnostics().stream().map(Diagnostic::display).toList());
            Json.member(out, "diagnostics", diagnostics);
            out.append("\n}\n");
        }
    },
    DOT {
        @Override
        void write(DiffReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("digraph netpolviz_diff {\n  rankdir=LR;\n  label=").append(TextFields.dotQuote(report.beforeName() + " \u2192 " + report.afterName()))
                    .append(";\n  labelloc=t;\n  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];\n")
                    .append("  edge [fontname=\"DejaVu Sans\"];\n");
            TreeSet<String> ends = new TreeSet<>();
            report.forEachChange(change -> {
                ends.add(change.sourceId());
                ends.add(change.destinationId());
                String label;
                String style;
                switch (change.kind()) {
                    case ADDED -> {
                        label = "+ " + words(change.after());
                        style = "color=\"#0072B2\", penwidth=2";
                    }
                    case REMOVED -> {
                        label = "\u2212 " + words(change.before());
                        style = "color=\"#D55E00\", style=dashed, penwidth=2";
                    }
                    default -> {
                        label = words(change.before()) + " \u2192 " + words(change.after());
                        style = "color=\"#E69F00\", penwidth=2";
                    }
                }
                out.append("  ").append(TextFields.dotQuote(change.sourceId())).append(" -> ").append(TextFields.dotQuote(change.destinationId()))
                        .append(" [label=").append(TextFields.dotQuote(label)).append(", ").append(style).append("];\n");
                output.written();
            });
            // The nodes come last: only the ends of changes are drawn, and the walk tells which they are.
            TextFields.dotNodes(out, ends);
            out.append("}\n");
        }
    };

    /** Whether the format has a place for load diagnostics and one-sided endpoints; if not, they go to standard error. */
    boolean holdsNotes() {
        return this != CSV && this != DOT;
    }

    void write(DiffReport report, PrintStream target) {
        ChunkedOutput output = new ChunkedOutput(target);
        write(report, output);
        output.flush();
    }

    abstract void write(DiffReport report, ChunkedOutput output);

    static String words(io.netpolviz.policy.PortSet ports) {
        return AnalysisReport.compactText(ports);
    }

    /** Each side's diagnostics under a heading naming the side, when it has any. */
    static void diagnostics(DiffReport report, StringBuilder out, String heading, String line) {
        for (String side : List.of("before", "after")) {
            List<Diagnostic> diagnostics = (side.equals("before") ? report.beforeSnapshot() : report.afterSnapshot()).diagnostics();
            if (!diagnostics.isEmpty()) {
                out.append(String.format(java.util.Locale.ROOT, heading, side));
                diagnostics.forEach(diagnostic -> out.append(String.format(java.util.Locale.ROOT, line, diagnostic.display())));
            }
        }
    }

    static Optional<DiffFormat> parse(String text) {
        return TextFields.format(DiffFormat.class, text);
    }
}

package io.netpolviz.cli;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.policy.ConnectivityChange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
                out.append(change.kind().word()).append(',').append(csv(change.sourceId())).append(',').append(csv(change.destinationId()))
                        .append(',').append(csv(words(change.before()))).append(',').append(csv(words(change.after())));
                if (report.explains()) {
                    out.append(',').append(csv(String.join("; ", report.causesOf(change))));
                }
                out.append('\n');
                output.written();
            });
        }

        private String csv(String field) {
            if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
                return "\"" + field.replace("\"", "\"\"") + "\"";
            }
            return field;
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
            member(out, "before", report.beforeName());
            out.append(",\n");
            member(out, "after", report.afterName());
            out.append(",\n");
            List<Object> oneSided = new ArrayList<>();
            for (DiffReport.OneSided one : report.oneSided()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", one.workload() ? "workload" : "external");
                row.put("id", one.id());
                row.put("only", one.inAfter() ? "after" : "before");
                oneSided.add(row);
            }
            member(out, "oneSided", oneSided);
            out.append(",\n");
            Json.indent(out, 1);
            Json.string("changes", out);
            out.append(": ");
            boolean[] first = {true};
            report.forEachChange(change -> {
                out.append(first[0] ? "[\n" : ",\n");
                first[0] = false;
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
                Json.indent(out, 2);
                Json.write(row, out, 2);
                output.written();
            });
            out.append(first[0] ? "[]" : "\n  ]").append(",\n");
            Map<String, Object> summary = new LinkedHashMap<>();
            for (ConnectivityChange.Kind kind : ConnectivityChange.Kind.values()) {
                summary.put(kind.word(), report.count(kind));
            }
            member(out, "summary", summary);
            out.append(",\n");
            Map<String, Object> diagnostics = new LinkedHashMap<>();
            diagnostics.put("before", report.beforeSnapshot().diagnostics().stream().map(Diagnostic::display).toList());
            diagnostics.put("after", report.afterSnapshot().diagnostics().stream().map(Diagnostic::display).toList());
            member(out, "diagnostics", diagnostics);
            out.append("\n}\n");
        }

        private void member(StringBuilder out, String key, Object value) {
            Json.indent(out, 1);
            Json.string(key, out);
            out.append(": ");
            Json.write(value, out, 1);
        }
    },
    DOT {
        @Override
        void write(DiffReport report, ChunkedOutput output) {
            StringBuilder out = output.text();
            out.append("digraph netpolviz_diff {\n  rankdir=LR;\n  label=").append(quote(report.beforeName() + " \u2192 " + report.afterName()))
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
                out.append("  ").append(quote(change.sourceId())).append(" -> ").append(quote(change.destinationId()))
                        .append(" [label=").append(quote(label)).append(", ").append(style).append("];\n");
                output.written();
            });
            // The nodes come last: only the ends of changes are drawn, and the walk tells which they are.
            Map<String, List<String>> byNamespace = new TreeMap<>();
            for (String id : ends) {
                namespaceOf(id).ifPresentOrElse(ns -> byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(id),
                        () -> out.append("  ").append(quote(id)).append(" [shape=ellipse];\n"));
            }
            int cluster = 0;
            for (Map.Entry<String, List<String>> namespace : byNamespace.entrySet()) {
                out.append("  subgraph cluster_").append(cluster++).append(" {\n    label=").append(quote(namespace.getKey())).append(";\n");
                for (String id : namespace.getValue()) {
                    out.append("    ").append(quote(id)).append(" [label=").append(quote(id.substring(id.indexOf('/') + 1))).append("];\n");
                }
                out.append("  }\n");
            }
            out.append("}\n");
        }

        private Optional<String> namespaceOf(String id) {
            return id.startsWith("ext:") ? Optional.empty() : Optional.of(id.substring(0, id.indexOf('/')));
        }

        private String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
        for (DiffFormat format : values()) {
            if (format.name().equalsIgnoreCase(text)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}

package io.netpolviz.cli;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Connection;
import io.netpolviz.policy.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The formats {@code analyze} writes. Every one is deterministic: same input, same bytes. */
enum ReportFormat {
    TXT {
        @Override
        String format(AnalysisReport report) {
            StringBuilder out = new StringBuilder();
            out.append("NetPolViz analysis of ").append(report.snapshot().sourceName()).append('\n');
            out.append(report.summary()).append('\n');
            if (!report.switchedOff().isEmpty()) {
                out.append("Switched off: ").append(String.join(", ", report.switchedOff().stream().map(PolicyId::toString).toList())).append('\n');
            }
            int width = 4;
            for (Connection connection : report.connections()) {
                width = Math.max(width, connection.source().id().length());
            }
            int toWidth = 2;
            for (Connection connection : report.connections()) {
                toWidth = Math.max(toWidth, connection.destination().id().length());
            }
            out.append('\n');
            String pattern = "%-" + width + "s  %-" + toWidth + "s  %s%n";
            out.append(String.format(Locale.ROOT, pattern, "FROM", "TO", "ALLOWED"));
            for (Connection connection : report.connections()) {
                out.append(String.format(Locale.ROOT, pattern, connection.source().id(), connection.destination().id(),
                        AnalysisReport.allowedText(connection.allowed(), ", ")));
            }
            out.append('\n').append("Diagnostics:").append(report.snapshot().diagnostics().isEmpty() ? " none" : "").append('\n');
            for (Diagnostic diagnostic : report.snapshot().diagnostics()) {
                out.append("  ").append(diagnostic.display()).append('\n');
            }
            return out.toString();
        }
    },
    JSON {
        @Override
        String format(AnalysisReport report) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("source", report.snapshot().sourceName());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("namespaces", report.snapshot().namespaces().size());
            summary.put("workloads", report.snapshot().workloads().size());
            summary.put("pods", report.podCount());
            summary.put("policies", report.snapshot().policies().size());
            summary.put("switchedOff", report.switchedOff().stream().map(PolicyId::toString).toList());
            root.put("summary", summary);
            List<Object> connections = new ArrayList<>();
            for (Connection connection : report.connections()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", connection.source().id());
                row.put("to", connection.destination().id());
                if (connection.allowed().isAll() || connection.allowed().isEmpty()) {
                    row.put("allowed", connection.allowed().isAll() ? "all" : "none");
                } else {
                    row.put("allowed", connection.allowed().ranges().stream().map(r -> r.display()).toList());
                }
                connections.add(row);
            }
            root.put("connections", connections);
            root.put("diagnostics", diagnostics(report));
            return Json.write(root) + "\n";
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
        String format(AnalysisReport report) {
            StringBuilder out = new StringBuilder("from,to,allowed\n");
            for (Connection connection : report.connections()) {
                out.append(csv(connection.source().id())).append(',').append(csv(connection.destination().id())).append(',')
                        .append(csv(AnalysisReport.allowedText(connection.allowed(), ";"))).append('\n');
            }
            return out.toString();
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
        String format(AnalysisReport report) {
            StringBuilder out = new StringBuilder();
            out.append("# NetPolViz analysis of `").append(report.snapshot().sourceName()).append("`\n\n");
            out.append(report.summary()).append("\n\n");
            out.append("| From | To | Allowed |\n|---|---|---|\n");
            for (Connection connection : report.connections()) {
                String allowed = AnalysisReport.allowedText(connection.allowed(), ", ");
                String mark = connection.allowed().isEmpty() ? "\u2717 " : "\u2713 ";
                out.append("| `").append(connection.source().id()).append("` | `").append(connection.destination().id()).append("` | ")
                        .append(mark).append(allowed).append(" |\n");
            }
            out.append("\n## Diagnostics\n\n");
            if (report.snapshot().diagnostics().isEmpty()) {
                out.append("None.\n");
            }
            for (Diagnostic diagnostic : report.snapshot().diagnostics()) {
                out.append("- `").append(diagnostic.where().display()).append("` **").append(diagnostic.severity().label()).append("**: ")
                        .append(diagnostic.message().replace("|", "\\|")).append('\n');
            }
            return out.toString();
        }
    },
    DOT {
        @Override
        String format(AnalysisReport report) {
            StringBuilder out = new StringBuilder("digraph netpolviz {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];\n");
            Map<String, List<String>> byNamespace = new LinkedHashMap<>();
            List<String> externals = new ArrayList<>();
            for (Connection connection : report.connections()) {
                for (Endpoint endpoint : List.of(connection.source(), connection.destination())) {
                    namespaceOf(endpoint).ifPresentOrElse(
                            ns -> addOnce(byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()), endpoint.id()),
                            () -> addOnce(externals, endpoint.id()));
                }
            }
            int cluster = 0;
            for (Map.Entry<String, List<String>> namespace : byNamespace.entrySet()) {
                out.append("  subgraph cluster_").append(cluster++).append(" {\n    label=").append(quote(namespace.getKey())).append(";\n");
                for (String id : namespace.getValue()) {
                    out.append("    ").append(quote(id)).append(" [label=").append(quote(id.substring(id.indexOf('/') + 1))).append("];\n");
                }
                out.append("  }\n");
            }
            for (String id : externals) {
                out.append("  ").append(quote(id)).append(" [shape=ellipse];\n");
            }
            for (Connection connection : report.connections()) {
                if (connection.allowed().isEmpty() || connection.source().id().equals(connection.destination().id())) {
                    continue;
                }
                out.append("  ").append(quote(connection.source().id())).append(" -> ").append(quote(connection.destination().id()))
                        .append(" [label=").append(quote(AnalysisReport.allowedText(connection.allowed(), ", "))).append("];\n");
            }
            return out.append("}\n").toString();
        }

        private Optional<String> namespaceOf(Endpoint endpoint) {
            return endpoint instanceof Endpoint.Pods pods ? Optional.of(pods.workload().namespace()) : Optional.empty();
        }

        private void addOnce(List<String> list, String id) {
            if (!list.contains(id)) {
                list.add(id);
            }
        }

        private String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    };

    abstract String format(AnalysisReport report);

    static Optional<ReportFormat> parse(String text) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(text)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}

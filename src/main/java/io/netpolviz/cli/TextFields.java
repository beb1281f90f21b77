package io.netpolviz.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the text formats of {@code analyze} and {@code diff} write a field, a DOT node list and a format's name: once, for both. */
final class TextFields {

    private TextFields() {
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** A DOT string. */
    static String dotQuote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The nodes of a DOT graph: workloads ({@code namespace/name}) in a cluster per namespace,
     * labelled by their name, in the order given; then address blocks ({@code ext:…}) as ellipses.
     */
    static void dotNodes(StringBuilder out, Iterable<String> ids) {
        Map<String, List<String>> byNamespace = new LinkedHashMap<>();
        List<String> externals = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("ext:") || id.indexOf('/') < 0) {
                // Addresses, and the {ingress-controller}: peers outside every namespace.
                externals.add(id);
            } else {
                byNamespace.computeIfAbsent(id.substring(0, id.indexOf('/')), k -> new ArrayList<>()).add(id);
            }
        }
        int cluster = 0;
        for (Map.Entry<String, List<String>> namespace : byNamespace.entrySet()) {
            out.append("  subgraph cluster_").append(cluster++).append(" {\n    label=").append(dotQuote(namespace.getKey())).append(";\n");
            for (String id : namespace.getValue()) {
                out.append("    ").append(dotQuote(id)).append(" [label=").append(dotQuote(id.substring(id.indexOf('/') + 1))).append("];\n");
            }
            out.append("  }\n");
        }
        for (String id : externals) {
            out.append("  ").append(dotQuote(id)).append(" [shape=ellipse];\n");
        }
    }

    /** The constant of a format enum named {@code text}, in any case. */
    static <E extends Enum<E>> Optional<E> format(Class<E> formats, String text) {
        for (E format : formats.getEnumConstants()) {
            if (format.name().equalsIgnoreCase(text)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}

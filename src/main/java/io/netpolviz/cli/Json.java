package io.netpolviz.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small, deterministic JSON writer for maps, lists, strings, numbers and booleans. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    /** One object on one line, for JSON Lines. */
    static String writeLine(Map<String, ?> object) {
        StringBuilder out = new StringBuilder("{");
        int i = 0;
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            string(entry.getKey(), out);
            out.append(':');
            Object value = entry.getValue();
            if (value instanceof List<?> list) {
                out.append('[');
                for (int j = 0; j < list.size(); j++) {
                    write(list.get(j), out, 0);
                    out.append(j + 1 < list.size() ? "," : "");
                }
                out.append(']');
            } else {
                write(value, out, 0);
            }
            out.append(++i < object.size() ? "," : "");
        }
        return out.append('}').toString();
    }

    /** Writes a value as it shows {@code depth} levels deep in a document, for writers that stream a document's parts. */
    static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                indent(out, depth + 1);
                string(entry.getKey().toString(), out);
                out.append(": ");
                write(entry.getValue(), out, depth + 1);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean scalars = list.stream().noneMatch(item -> item instanceof Map || item instanceof List);
            if (scalars) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    write(list.get(i), out, depth);
                    out.append(i + 1 < list.size() ? ", " : "");
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                indent(out, depth + 1);
                write(list.get(i), out, depth + 1);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
        }
    }

    /** {@code "key": value} one level deep in a document. */
    static void member(StringBuilder out, String key, Object value) {
        memberKey(out, key);
        write(value, out, 1);
    }

    /** {@code "key": } one level deep in a document, for a value written after it. */
    static void memberKey(StringBuilder out, String key) {
        indent(out, 1);
        string(key, out);
        out.append(": ");
    }

    static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    /** Writes a JSON string; exposed for line-oriented writers such as JSON Lines. */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

package io.netpolviz.cli;

import java.util.Map;

/**
 * A member {@code "key": [...]} one level deep in a JSON document whose rows are written as they
 * come, so that an array of millions of rows is never held: {@code analyze}'s connections and
 * {@code diff}'s changes.
 */
final class JsonRows {

    private final StringBuilder out;
    private boolean empty = true;

    /** Starts the member; call {@link #add} per row and {@link #close} after the last. */
    JsonRows(StringBuilder out, String key) {
        this.out = out;
        Json.memberKey(out, key);
    }

    void add(Map<String, Object> row) {
        out.append(empty ? "[\n" : ",\n");
        empty = false;
        Json.indent(out, 2);
        Json.write(row, out, 2);
    }

    void close() {
        if (empty) {
            out.append("[]");
        } else {
            out.append('\n');
            Json.indent(out, 1);
            out.append(']');
        }
    }
}

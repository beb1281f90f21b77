package io.netpolviz.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a field sits inside one API object, such as {@code spec.ingress[0].ports[1].port}: used
 * both to name the field in messages and to find its line and column in the YAML node tree.
 */
final class FieldPath {

    static final FieldPath ROOT = new FieldPath(null, null, -1);

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final FieldPath parent;
    private final String key;
    private final int index;

    private FieldPath(FieldPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    FieldPath field(String name) {
        return new FieldPath(this, name, -1);
    }

    FieldPath index(int position) {
        return new FieldPath(this, null, position);
    }

    boolean isRoot() {
        return parent == null;
    }

    /** The segments from the root: {@code String} for a mapping key, {@code Integer} for a list index. */
    List<Object> segments() {
        List<Object> segments = new ArrayList<>();
        for (FieldPath at = this; !at.isRoot(); at = at.parent) {
            segments.add(at.key != null ? at.key : Integer.valueOf(at.index));
        }
        Collections.reverse(segments);
        return segments;
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "(the object)";
        }
        StringBuilder out = new StringBuilder();
        for (Object segment : segments()) {
            if (segment instanceof Integer position) {
                out.append('[').append(position).append(']');
            } else if (PLAIN_KEY.matcher((String) segment).matches()) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(segment);
            } else {
                out.append("[\"").append(segment).append("\"]");
            }
        }
        return out.toString();
    }
}

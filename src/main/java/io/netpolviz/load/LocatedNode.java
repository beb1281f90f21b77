package io.netpolviz.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a YAML node was written: its 1-based line and column (columns count code points, as
 * editors and SnakeYAML do), the chars it spans, and for a mapping its keys as written, for a
 * sequence its items. It is all {@link FieldLocations} needs to point a diagnostic at a field,
 * whichever reader read the text.
 */
final class LocatedNode {

    private final int line;
    private final int column;
    private final int startChar;
    private int endChar;
    /** The keys of a mapping as written (null for a key that is not a scalar), or null for other nodes. */
    private final List<String> keys;
    private final List<LocatedNode> keyNodes;
    /** A mapping's values or a sequence's items; null for scalars. */
    private final List<LocatedNode> children;

    private LocatedNode(int line, int column, int startChar, int endChar, boolean mapping, boolean container) {
        this.line = line;
        this.column = column;
        this.startChar = startChar;
        this.endChar = endChar;
        this.keys = mapping ? new ArrayList<>() : null;
        this.keyNodes = mapping ? new ArrayList<>() : null;
        this.children = container ? new ArrayList<>() : null;
    }

    static LocatedNode scalar(int line, int column, int startChar, int endChar) {
        return new LocatedNode(line, column, startChar, endChar, false, false);
    }

    static LocatedNode mapping(int line, int column, int startChar) {
        return new LocatedNode(line, column, startChar, startChar, true, true);
    }

    static LocatedNode sequence(int line, int column, int startChar) {
        return new LocatedNode(line, column, startChar, startChar, false, true);
    }

    void put(String key, LocatedNode keyNode, LocatedNode value) {
        keys.add(key);
        keyNodes.add(keyNode);
        children.add(value);
    }

    void add(LocatedNode item) {
        children.add(item);
    }

    LocatedNode endingAt(int end) {
        this.endChar = end;
        return this;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    int startChar() {
        return startChar;
    }

    int endChar() {
        return endChar;
    }

    /** The key and value nodes of a mapping's entry with this key, or null. */
    LocatedNode[] entry(String key) {
        if (keys == null) {
            return null;
        }
        int index = keys.indexOf(key);
        return index < 0 ? null : new LocatedNode[] {keyNodes.get(index), children.get(index)};
    }

    /** A sequence's item, or null. */
    LocatedNode item(int index) {
        return keys != null || children == null || index < 0 || index >= children.size() ? null : children.get(index);
    }
}

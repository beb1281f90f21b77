package io.netpolviz.load;

import io.netpolviz.model.SourceRef;
import java.util.Optional;

/**
 * The document an API object was read from, if any: it tells the line and column of any
 * field and the text the object was written as. Objects that never were YAML (a live cluster's)
 * use {@link #none()}, and their diagnostics point at the object as a whole.
 */
public final class FieldLocations {

    private static final FieldLocations NONE = new FieldLocations(null, null, "", LineMap.SAME);

    private final DocumentTree tree;
    /** The node these locations are of, or null for the root of {@link #tree}, which may not be composed yet. */
    private final LocatedNode node;
    private final String file;
    private final LineMap lines;

    private FieldLocations(DocumentTree tree, LocatedNode node, String file, LineMap lines) {
        this.tree = tree;
        this.node = node;
        this.file = file;
        this.lines = lines;
    }

    /** No positions: diagnostics fall back to the object's own {@link SourceRef}. */
    public static FieldLocations none() {
        return NONE;
    }

    static FieldLocations of(DocumentTree tree, String file) {
        return of(tree, file, LineMap.SAME);
    }

    /** Positions in a text whose lines stand for others ({@link LineMap}: a rendered Helm template). */
    static FieldLocations of(DocumentTree tree, String file, LineMap lines) {
        return tree == null ? NONE : new FieldLocations(tree, null, file, lines);
    }

    /** The locations of the object found at {@code path} (an item of a {@code List}), or none. */
    FieldLocations at(FieldPath path) {
        LocatedNode current = base();
        if (current == null) {
            return NONE;
        }
        for (Object segment : path.segments()) {
            Step entry = step(current, segment);
            if (entry == null) {
                return NONE;
            }
            current = entry.value();
        }
        return new FieldLocations(tree, current, file, lines);
    }

    /** Where the object itself starts. */
    Optional<SourceRef> where() {
        if (tree == null) {
            return Optional.empty();
        }
        return Optional.of(node == null ? new SourceRef(file, lines.sourceLine(tree.rootLine()), tree.rootColumn()) : ref(node));
    }

    /**
     * The position of the field at {@code path}: its key when {@code atKey} (to point at an
     * unknown field), otherwise its value. A field that is missing points at the nearest
     * enclosing field that exists.
     */
    Optional<SourceRef> locate(FieldPath path, boolean atKey) {
        LocatedNode current = base();
        if (current == null) {
            return where();
        }
        LocatedNode key = null;
        for (Object segment : path.segments()) {
            Step entry = step(current, segment);
            if (entry == null) {
                return Optional.of(ref(current));
            }
            key = entry.key();
            current = entry.value();
        }
        LocatedNode target = atKey && key != null ? key : current;
        return Optional.of(ref(target));
    }

    /** The text the object was written as, when it came from a file. */
    Optional<String> text() {
        if (tree == null) {
            return Optional.empty();
        }
        return Optional.of(node == null ? tree.text() : tree.text(node));
    }

    private LocatedNode base() {
        if (tree == null) {
            return null;
        }
        return node != null ? node : tree.root().orElse(null);
    }
    /** One step down: a mapping entry by key, or a list item (key null) by index. */
    private static Step step(LocatedNode node, Object segment) {
        if (segment instanceof String key) {
            LocatedNode[] entry = node.entry(key);
            return entry == null ? null : new Step(entry[0], entry[1]);
        }
        if (segment instanceof Integer index) {
            LocatedNode item = node.item(index);
            return item == null ? null : new Step(null, item);
        }
        return null;
    }

    private record Step(LocatedNode key, LocatedNode value) {
    }

    private SourceRef ref(LocatedNode located) {
        return new SourceRef(file, lines.sourceLine(located.line()), located.column());
    }
}

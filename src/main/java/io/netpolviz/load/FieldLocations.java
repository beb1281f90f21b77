package io.netpolviz.load;

import io.netpolviz.model.SourceRef;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML node tree an API object was read from, if any: it tells the line and column of any
 * field and the text the object was written as. Objects that never were YAML (a live cluster's)
 * use {@link #none()}, and their diagnostics point at the object as a whole.
 */
public final class FieldLocations {

    private static final FieldLocations NONE = new FieldLocations(null, "", null, LineMap.SAME);

    private final Node root;
    private final String file;
    private final SourceText source;
    private final LineMap lines;

    private FieldLocations(Node root, String file, SourceText source, LineMap lines) {
        this.root = root;
        this.file = file;
        this.source = source;
        this.lines = lines;
    }

    /** No positions: diagnostics fall back to the object's own {@link SourceRef}. */
    public static FieldLocations none() {
        return NONE;
    }

    static FieldLocations of(Node root, String file, SourceText source) {
        return of(root, file, source, LineMap.SAME);
    }

    /** Positions in a text whose lines stand for others ({@link LineMap}: a rendered Helm template). */
    static FieldLocations of(Node root, String file, SourceText source, LineMap lines) {
        return root == null ? NONE : new FieldLocations(root, file, source, lines);
    }

    /** The locations of the object found at {@code path} (an item of a {@code List}), or none. */
    FieldLocations at(FieldPath path) {
        if (root == null) {
            return NONE;
        }
        Node node = root;
        for (Object segment : path.segments()) {
            Step entry = step(node, segment);
            if (entry == null) {
                return NONE;
            }
            node = entry.value();
        }
        return new FieldLocations(node, file, source, lines);
    }

    /** Where the object itself starts. */
    Optional<SourceRef> where() {
        return root == null ? Optional.empty() : Optional.of(ref(root.getStartMark()));
    }

    /**
     * The position of the field at {@code path}: its key when {@code atKey} (to point at an
     * unknown field), otherwise its value. A field that is missing points at the nearest
     * enclosing field that exists.
     */
    Optional<SourceRef> locate(FieldPath path, boolean atKey) {
        if (root == null) {
            return Optional.empty();
        }
        Node node = root;
        Node key = null;
        for (Object segment : path.segments()) {
            Step entry = step(node, segment);
            if (entry == null) {
                return Optional.of(ref(node.getStartMark()));
            }
            key = entry.key();
            node = entry.value();
        }
        Node target = atKey && key != null ? key : node;
        return Optional.of(ref(target.getStartMark()));
    }

    /** The text the object was written as, when it came from a file. */
    Optional<String> text() {
        return root == null || source == null ? Optional.empty() : Optional.of(source.block(root));
    }

    /** One step down: a mapping entry by key, or a list item (key null) by index. */
    private static Step step(Node node, Object segment) {
        if (node instanceof MappingNode mapping && segment instanceof String key) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
                    return new Step(tuple.getKeyNode(), tuple.getValueNode());
                }
            }
            return null;
        }
        if (node instanceof SequenceNode sequence && segment instanceof Integer index
                && index >= 0 && index < sequence.getValue().size()) {
            return new Step(null, sequence.getValue().get(index));
        }
        return null;
    }

    private record Step(Node key, Node value) {
    }

    private SourceRef ref(Mark mark) {
        return new SourceRef(file, lines.sourceLine(mark.getLine() + 1), mark.getColumn() + 1);
    }
}

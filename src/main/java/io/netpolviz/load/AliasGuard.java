package io.netpolviz.load;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a composed document before anything walks it field by field. SnakeYAML limits how
 * many aliases a document may use, but a few aliases that each repeat the previous anchor twice
 * still double the document at every step; and an anchor that contains its own alias makes it
 * endless. This walk counts the nodes that aliases add and refuses both.
 */
final class AliasGuard {

    /** What is wrong, at which node. */
    record Finding(Node node, String message) {
    }

    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Node> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
    private final long maxExpansion;
    private long expansion;

    private AliasGuard(long maxExpansion) {
        this.maxExpansion = maxExpansion;
    }

    static Optional<Finding> check(Node root, long maxExpansion) {
        return Optional.ofNullable(new AliasGuard(maxExpansion).visit(root));
    }

    private Finding visit(Node node) {
        if (!seen.add(node) && ++expansion > maxExpansion) {
            return new Finding(node, "aliases expand this document by more than " + maxExpansion
                    + " nodes, which looks like an alias bomb (\"billion laughs\")");
        }
        if (!(node instanceof MappingNode) && !(node instanceof SequenceNode)) {
            return null;
        }
        if (!enclosing.add(node)) {
            return new Finding(node, "an anchor here contains an alias to itself, which would make the document endless");
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Finding finding = visit(tuple.getKeyNode());
                if (finding == null) {
                    finding = visit(tuple.getValueNode());
                }
                if (finding != null) {
                    return finding;
                }
            }
        } else {
            for (Node item : ((SequenceNode) node).getValue()) {
                Finding finding = visit(item);
                if (finding != null) {
                    return finding;
                }
            }
        }
        enclosing.remove(node);
        return null;
    }
}

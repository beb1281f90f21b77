package io.netpolviz.load;

import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One document's place in its text and where each of its nodes was written. A document SnakeYAML
 * read hands its positions over at once; for one the fast {@link BlockYamlReader} read, they are
 * read again from the document's lines the first time something asks for a position inside it:
 * a diagnostic, or a policy rule remembering where it was written. Most documents never are.
 */
final class DocumentTree {

    private final SourceText source;
    /** The char offsets of the root's first character and of the end of the document. */
    private final int rootChar;
    private final int endChar;
    private final int rootLine;
    private final int rootColumn;
    private Supplier<LocatedNode> later;
    private LocatedNode root;

    private DocumentTree(SourceText source, int rootChar, int endChar, int rootLine, int rootColumn) {
        this.source = source;
        this.rootChar = rootChar;
        this.endChar = endChar;
        this.rootLine = rootLine;
        this.rootColumn = rootColumn;
    }

    /** The tree SnakeYAML composed. */
    static DocumentTree of(Node root, SourceText source) {
        Mark start = root.getStartMark();
        DocumentTree tree = new DocumentTree(source, source.charIndex(start.getIndex()), source.charIndex(root.getEndMark().getIndex()),
                start.getLine() + 1, start.getColumn() + 1);
        tree.root = located(root, source);
        return tree;
    }

    /** A document the fast reader read; its positions are read when first asked for. */
    static DocumentTree later(SourceText source, BlockYamlReader.Document document) {
        DocumentTree tree = new DocumentTree(source, document.rootChar(), document.endChar(), document.line(), document.column());
        tree.later = document::locate;
        return tree;
    }

    int rootLine() {
        return rootLine;
    }

    int rootColumn() {
        return rootColumn;
    }

    /** The lines of the whole document, made to stand alone ({@link SourceText#block}). */
    String text() {
        return source.block(rootChar, endChar);
    }

    /** The lines of one node of the document. */
    String text(LocatedNode node) {
        return source.block(node.startChar(), Math.max(node.startChar(), node.endChar()));
    }

    /** Where the nodes were written; empty if that cannot be told (which the fast reader's documents never are). */
    synchronized Optional<LocatedNode> root() {
        if (later != null) {
            root = later.get();
            later = null;
        }
        return Optional.ofNullable(root);
    }

    private static LocatedNode located(Node node, SourceText source) {
        Mark start = node.getStartMark();
        int startChar = source.charIndex(start.getIndex());
        int endChar = source.charIndex(node.getEndMark().getIndex());
        int line = start.getLine() + 1;
        int column = start.getColumn() + 1;
        if (node instanceof MappingNode mapping) {
            LocatedNode located = LocatedNode.mapping(line, column, startChar);
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                located.put(key, located(tuple.getKeyNode(), source), located(tuple.getValueNode(), source));
            }
            return located.endingAt(endChar);
        }
        if (node instanceof SequenceNode sequence) {
            LocatedNode located = LocatedNode.sequence(line, column, startChar);
            sequence.getValue().forEach(item -> located.add(located(item, source)));
            return located.endingAt(endChar);
        }
        return LocatedNode.scalar(line, column, startChar, endChar);
    }
}

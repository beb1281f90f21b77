package io.netpolviz.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the YAML that manifests are almost always written in — block mappings and sequences,
 * one-line plain and quoted scalars, comments, several documents — several times faster than
 * SnakeYAML composes its node tree, and without keeping one. It gives up on everything else
 * (anchors and aliases, tags, block scalars, multi-line scalars, flow collections other than
 * {@code []}, {@code {}} and one-line lists of simple scalars, escapes, tabs, directives, document
 * end markers, merge keys, duplicate keys) and then reads nothing, so that the full parser reads
 * the whole text exactly as before, with its own diagnostics. Scalars are typed by SnakeYAML's own
 * resolver and constructor ({@link ScalarValues}): the values are those the full parser gives,
 * which {@code BlockYamlReaderTest} checks document by document against it.
 */
final class BlockYamlReader {

    /**
     * A document read: its value, where its root starts (1-based line and column), the chars it
     * spans, and the reader that can tell where each of its fields was written.
     */
    record Document(Object value, int line, int column, int rootChar, int endChar, BlockYamlReader reader) {

        /** Where the document's nodes were written, read again from its lines; null if they cannot be. */
        LocatedNode locate() {
            return value == null ? LocatedNode.scalar(line, column, rootChar, endChar) : reader.locate(line - 1);
        }
    }

    private final String text;
    /** Types the scalars while the documents are read; dropped after. */
    private ScalarValues scalars;
    private final int maxDepth;
    private final YamlLines lines;
    private int docEnd;
    private int next;
    private int depth;
    /** Whether the reader gives the positions of nodes ({@link LocatedNode}s) instead of their values. */
    private boolean located;

    private BlockYamlReader(YamlLines lines, ScalarValues scalars, int maxDepth) {
        this.text = lines.text;
        this.lines = lines;
        this.scalars = scalars;
        this.maxDepth = maxDepth;
    }

    /** The documents of {@code text}, or empty when it needs the full parser. */
    static Optional<List<Document>> read(String text, int maxNestingDepth) {
        BlockYamlReader reader = null;
        try {
            reader = new BlockYamlReader(YamlLines.of(text), new ScalarValues(), Math.max(1, maxNestingDepth / 2));
            return Optional.of(reader.documents());
        } catch (NotPlainYaml | StackOverflowError e) {
            return Optional.empty();
        } finally {
            if (reader != null) {
                reader.scalars = null;
            }
        }
    }

    /** The positions of the nodes of the document whose root starts on line {@code first} (0-based). */
    private synchronized LocatedNode locate(int first) {
        located = true;
        depth = 0;
        int marker = first;
        while (marker < lines.starts.length && !lines.isDocumentMarker(marker)) {
            marker++;
        }
        docEnd = marker;
        try {
            return (LocatedNode) node(first, lines.indents[first], -1);
        } catch (NotPlainYaml | StackOverflowError e) {
            return null;
        } finally {
            located = false;
        }
    }

    private List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        int line = 0;
        boolean explicit = false;
        while (line <= lines.starts.length) {
            int marker = line;
            while (marker < lines.starts.length && !lines.isDocumentMarker(marker)) {
                marker++;
            }
            docEnd = marker;
            int first = nextContent(line);
            if (first < docEnd) {
                documents.add(document(first));
            } else if (explicit) {
                documents.add(emptyDocument());
            }
            explicit = true;
            line = marker + 1;
        }
        return documents;
    }

    private Document document(int first) {
        int rootChar = lines.starts[first] + lines.indents[first];
        char c = text.charAt(rootChar);
        if (c == '%' || (c == '.' && text.startsWith("...", rootChar))) {
            throw NotPlainYaml.INSTANCE;
        }
        Object value = node(first, lines.indents[first], -1);
        if (nextContent(next) < docEnd || !(value instanceof Map<?, ?> || value instanceof List<?>)) {
            throw NotPlainYaml.INSTANCE;
        }
        int endChar = docEnd < lines.starts.length ? lines.starts[docEnd] : text.length();
        return new Document(value, first + 1, lines.column(first, lines.indents[first]), rootChar, endChar, this);
    }

    /**
     * An explicit document with nothing in it (as a skipped object leaves behind, cut down to its
     * line breaks): a null value where the full parser puts it, at the next document's marker or
     * the end of the text.
     */
    private Document emptyDocument() {
        if (docEnd < lines.starts.length) {
            return new Document(null, docEnd + 1, 1, lines.starts[docEnd], lines.starts[docEnd], this);
        }
        int last = lines.starts.length - 1;
        return new Document(null, last + 1, text.codePointCount(lines.starts[last], text.length()) + 1, text.length(), text.length(), this);
    }

    /** The node whose content starts at {@code column} of {@code line}; its parent is indented {@code parentIndent}. */
    private Object node(int line, int column, int parentIndent) {
        if (++depth > maxDepth) {
            throw NotPlainYaml.INSTANCE;
        }
        Object value;
        if (lines.isSequenceEntry(line, column)) {
            value = sequence(line, column);
        } else if (keyEnd(line, column) >= 0) {
            value = mapping(line, column);
        } else {
            value = inlineValue(line, column);
            next = line + 1;
            int following = nextContent(next);
            if (following < docEnd && lines.indents[following] > parentIndent) {
                throw NotPlainYaml.INSTANCE; // a scalar continued on the next line
            }
        }
        depth--;
        return value;
    }

    private Object mapping(int line, int indent) {
        Map<Object, Object> values = located ? null : new LinkedHashMap<>();
        LocatedNode node = located ? LocatedNode.mapping(line + 1, lines.column(line, indent), lines.starts[line] + indent) : null;
        int current = line;
        while (true) {
            int colon = keyEnd(current, indent);
            if (colon < 0) {
                throw NotPlainYaml.INSTANCE;
            }
            if (located) {
                int keyChar = lines.starts[current] + indent;
                String written = InlineYaml.written(text.substring(keyChar, colon).stripTrailing());
                node.put(written, LocatedNode.scalar(current + 1, lines.column(current, indent), keyChar, colon),
                        (LocatedNode) valueAfter(current, colon + 1, indent, true));
            } else {
                Object key = key(current, indent, colon);
                if (values.containsKey(key)) {
                    throw NotPlainYaml.INSTANCE; // the full parser words the duplicate
                }
                values.put(key, valueAfter(current, colon + 1, indent, true));
            }
            int following = nextContent(next);
            if (following >= docEnd || lines.indents[following] < indent) {
                next = following;
                return located ? node.endingAt(tokenAt(following)) : values;
            }
            if (lines.indents[following] > indent || lines.isSequenceEntry(following, indent)) {
                throw NotPlainYaml.INSTANCE;
            }
            current = following;
        }
    }

    private Object sequence(int line, int indent) {
        List<Object> values = located ? null : new ArrayList<>();
        LocatedNode node = located ? LocatedNode.sequence(line + 1, lines.column(line, indent), lines.starts[line] + indent) : null;
        int current = line;
        while (true) {
            Object item = valueAfter(current, lines.starts[current] + indent + 1, indent, false);
            if (located) {
                node.add((LocatedNode) item);
            } else {
                values.add(item);
            }
            int following = nextContent(next);
            boolean ends = following >= docEnd || lines.indents[following] < indent;
            if (!ends && lines.indents[following] > indent) {
                throw NotPlainYaml.INSTANCE;
            }
            if (ends || !lines.isSequenceEntry(following, indent)) {
                // Without a dash at its indentation the sequence ends, and the mapping that holds it there goes on.
                next = following;
                return located ? node.endingAt(tokenAt(following)) : values;
            }
            current = following;
        }
    }

    /**
     * The value after a key's colon or an item's dash, at {@code from}: on the same line, or
     * below it when the line ends there. A mapping's value may be a sequence at the key's own
     * indentation.
     */
    private Object valueAfter(int line, int from, int indent, boolean ofMappingKey) {
        int content = lines.skipSpaces(line, from);
        if (content < lines.ends[line] && text.charAt(content) != '#') {
            if (content == from) {
                throw NotPlainYaml.INSTANCE;
            }
            if (!ofMappingKey) {
                return node(line, content - lines.starts[line], indent);
            }
            Object value = inlineValue(line, content - lines.starts[line]);
            next = line + 1;
            int following = nextContent(next);
            if (following < docEnd && lines.indents[following] > indent) {
                throw NotPlainYaml.INSTANCE;
            }
            return value;
        }
        int following = nextContent(line + 1);
        if (following < docEnd && lines.indents[following] > indent) {
            return node(following, lines.indents[following], indent);
        }
        if (ofMappingKey && following < docEnd && lines.indents[following] == indent && lines.isSequenceEntry(following, indent)) {
            if (++depth > maxDepth) {
                throw NotPlainYaml.INSTANCE;
            }
            Object sequence = sequence(following, indent);
            depth--;
            return sequence;
        }
        next = line + 1;
        return located ? LocatedNode.scalar(line + 1, lines.column(line, from - lines.starts[line]), from, from) : null;
    }

    /** The index of the colon that ends a key starting at {@code column}, or -1 when the line holds no key there. */
    private int keyEnd(int line, int column) {
        int at = lines.starts[line] + column;
        int end = lines.ends[line];
        char first = text.charAt(at);
        if (first == '"' || first == '\'') {
            int close = InlineYaml.closingQuote(text, at, lines.ends[line]);
            int colon = lines.skipSpaces(line, close + 1);
            return colon < end && text.charAt(colon) == ':' && (colon + 1 == end || text.charAt(colon + 1) == ' ') ? colon : -1;
        }
        if (InlineYaml.isIndicator(first)) {
            return -1;
        }
        for (int i = at + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (c == '#' && text.charAt(i - 1) == ' ') {
                return -1;
            }
        }
        return -1;
    }

    private Object key(int line, int column, int colon) {
        int at = lines.starts[line] + column;
        char first = text.charAt(at);
        if (first == '"' || first == '\'') {
            return InlineYaml.quoted(text, at, lines.ends[line]);
        }
        String written = text.substring(at, colon).stripTrailing();
        if (written.length() > 1024 || written.equals("<<")) {
            throw NotPlainYaml.INSTANCE;
        }
        return plain(written);
    }

    private Object plain(String written) {
        Object value = scalars.plain(written);
        if (value == ScalarValues.UNUSUAL) {
            throw NotPlainYaml.INSTANCE;
        }
        return value;
    }

    /** A scalar or a one-line flow collection written on the rest of the line from {@code column}. */
    private Object inlineValue(int line, int column) {
        int at = lines.starts[line] + column;
        char first = text.charAt(at);
        Object value;
        int after;
        if (first == '"' || first == '\'') {
            after = InlineYaml.closingQuote(text, at, lines.ends[line]) + 1;
            value = located ? LocatedNode.scalar(line + 1, lines.column(line, column), at, after) : InlineYaml.quoted(text, at, lines.ends[line]);
        } else if (first == '[' || first == '{') {
            int close = InlineYaml.flowEnd(text, at, lines.ends[line]);
            value = located ? locatedFlow(line, at, close) : InlineYaml.flow(text, at, close, this::plain);
            after = close + 1;
        } else if (InlineYaml.isIndicator(first)) {
            throw NotPlainYaml.INSTANCE;
        } else {
            int end = InlineYaml.plainEnd(text, at, lines.ends[line]);
            String written = text.substring(at, end);
            if (written.contains(": ") || written.endsWith(":")) {
                throw NotPlainYaml.INSTANCE; // a mapping on one line, or an error: the full parser knows
            }
            return located ? LocatedNode.scalar(line + 1, lines.column(line, column), at, end) : plain(written);
        }
        int rest = lines.skipSpaces(line, after);
        if (rest < lines.ends[line] && (text.charAt(rest) != '#' || rest == after)) {
            throw NotPlainYaml.INSTANCE;
        }
        return value;
    }

    /** The positions of a one-line flow collection and of its items. */
    private LocatedNode locatedFlow(int line, int open, int close) {
        boolean list = text.charAt(open) == '[';
        int column = lines.column(line, open - lines.starts[line]);
        LocatedNode node = list ? LocatedNode.sequence(line + 1, column, open) : LocatedNode.mapping(line + 1, column, open);
        for (int[] span : InlineYaml.flowSpans(text, open + 1, close)) {
            if (list) {
                node.add(located(line, span[0], span[1]));
            } else {
                int colon = InlineYaml.flowColon(text, span);
                int keyEnd = colon;
                int valueStart = colon + 2;
                while (valueStart < span[1] && text.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                node.put(InlineYaml.written(text.substring(span[0], keyEnd).stripTrailing()), located(line, span[0], keyEnd),
                        located(line, valueStart, span[1]));
            }
        }
        return node.endingAt(close + 1);
    }

    private LocatedNode located(int line, int startChar, int endChar) {
        return LocatedNode.scalar(line + 1, lines.column(line, startChar - lines.starts[line]), startChar, endChar);
    }

    /** Where the token at the start of {@code line} is, or the end of the document when there is no such line. */
    private int tokenAt(int line) {
        if (line < docEnd) {
            return lines.starts[line] + lines.indents[line];
        }
        return docEnd < lines.starts.length ? lines.starts[docEnd] : text.length();
    }

    private int nextContent(int line) {
        int at = line;
        while (at < docEnd && lines.indents[at] < 0) {
            at++;
        }
        return Math.min(at, docEnd);
    }
}

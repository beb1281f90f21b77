package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits one file's text into YAML documents (JSON is YAML too) and hands each over with its
 * node tree and plain value. Texts in the YAML that manifests are almost always written in are
 * read by the fast {@link BlockYamlReader}, which composes no tree; the rest by SnakeYAML. Documents are composed one at a time, so a syntax error stops the
 * file at the broken document while the documents before it still count; a document that
 * parses but cannot be used (duplicate keys, alias bombs) is skipped and the next one read.
 */
final class YamlDocuments {

    /** Receives what the file holds. */
    interface Handler {

        /** A document: its node tree (positions), its plain value, and where it starts. */
        void document(DocumentTree tree, Object value, SourceRef where);

        void problem(Diagnostic diagnostic);
    }

    private YamlDocuments() {
    }

    static void read(String file, SourceText source, LoadLimits limits, Handler handler) {
        String text = source.text();
        int unprintable = firstUnprintable(text);
        if (text.length() <= limits.maxFileBytes() && unprintable < 0) {
            Optional<List<BlockYamlReader.Document>> plain = BlockYamlReader.read(text, limits.maxNestingDepth());
            if (plain.isPresent()) {
                for (BlockYamlReader.Document document : plain.get()) {
                    handler.document(DocumentTree.later(source, document),
                            document.value(), new SourceRef(file, document.line(), document.column()));
                }
                return;
            }
        }
        readFully(file, source, limits, handler, unprintable);
    }

    /** Reads the text with SnakeYAML, whatever YAML it is written in. */
    static void readFully(String file, SourceText source, LoadLimits limits, Handler handler) {
        readFully(file, source, limits, handler, firstUnprintable(source.text()));
    }

    private static void readFully(String file, SourceText source, LoadLimits limits, Handler handler, int unprintable) {
        LoaderOptions options = options(limits);
        String text = source.text();
        if (unprintable >= 0) {
            // SnakeYAML checks characters a buffer at a time, which would lose the documents
            // before the bad one too; read only those, whole.
            int[] position = SourceText.lineAndColumn(text, unprintable);
            handler.problem(Diagnostic.error(new SourceRef(file, position[0], position[1]), String.format(Locale.ROOT,
                    "the character U+%04X is not allowed in YAML; remove it. The documents before this one in the file are"
                            + " still read, the rest are not", text.codePointAt(unprintable))));
            text = text.substring(0, startOfDocument(text, unprintable));
        }
        String spaced = FlowTabs.spaced(text);
        if (!spaced.equals(text) && refusesTabs(text, source, options)) {
            text = spaced;
        }
        ParserImpl parser = new ParserImpl(new StreamReader(text), options);
        Composer composer = new Composer(parser, new Resolver(), options);
        SourceRef documentStart = new SourceRef(file, 1, 1);
        while (true) {
            Node root;
            try {
                if (!composer.checkNode()) {
                    return;
                }
                documentStart = ref(file, parser.peekEvent().getStartMark()).orElse(documentStart);
                root = composer.getNode();
            } catch (ReaderException e) {
                handler.problem(unreadableCharacter(file, source, e));
                return;
            } catch (MarkedYAMLException e) {
                handler.problem(Diagnostic.error(markOf(file, e).orElse(documentStart), "YAML syntax error: " + explain(e)
                        + ". Fix the YAML; the documents before this one in the file are still read, the rest are not"));
                return;
            } catch (YAMLException e) {
                handler.problem(Diagnostic.error(documentStart, limitMessage(e, limits)));
                return;
            } catch (StackOverflowError e) {
                handler.problem(Diagnostic.error(documentStart, "the document starting here is nested too deeply to read"));
                return;
            }
            SourceRef where = ref(file, root.getStartMark()).orElse(documentStart);
            Optional<AliasGuard.Finding> finding = AliasGuard.check(root, limits.maxAliasExpansion());
            if (finding.isPresent()) {
                SourceRef at = ref(file, finding.get().node().getStartMark()).orElse(where);
                handler.problem(Diagnostic.error(at, finding.get().message() + "; the document is skipped"));
                continue;
            }
            Object value;
            try {
                value = new PlainConstructor(options).construct(root);
            } catch (DuplicateKeyException e) {
                handler.problem(Diagnostic.error(markOf(file, e).orElse(where), "duplicate key: " + e.getProblem()
                        + "; the API server rejects a field given twice, so the document is skipped. Remove one of them"));
                continue;
            } catch (MarkedYAMLException e) {
                handler.problem(Diagnostic.error(markOf(file, e).orElse(where), "cannot read this document: " + explain(e)
                        + "; the document is skipped"));
                continue;
            } catch (YAMLException e) {
                handler.problem(Diagnostic.error(where, "cannot read this document: " + e.getMessage() + "; the document is skipped"));
                continue;
            }
            handler.document(DocumentTree.of(root, source), value, where);
        }
    }

    /**
     * Whether SnakeYAML stops at a tab in {@code text} (the source's text or the part of it before
     * an unreadable character), which {@link FlowTabs} may make readable as Go's YAML reader reads it.
     */
    private static boolean refusesTabs(String text, SourceText source, LoaderOptions options) {
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
            while (composer.checkNode()) {
                composer.getNode();
            }
            return false;
        } catch (MarkedYAMLException e) {
            // SnakeYAML's versions word the tab differently: look at the character it stopped at,
            // which its mark gives at the tab or, in some versions, just after it.
            if (e.getProblemMark() == null) {
                return false;
            }
            int at = source.charIndex(e.getProblemMark().getIndex());
            return at < text.length() && text.charAt(at) == '\t' || at > 0 && at <= text.length() && text.charAt(at - 1) == '\t';
        } catch (YAMLException | StackOverflowError e) {
            return false;
        }
    }

    private static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Printable ASCII, line breaks and tabs are nearly every character: decided without a code point.
            if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (!StreamReader.isPrintable(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint) - 1;
        }
        return -1;
    }

    /** Where the document holding {@code offset} begins: its {@code ---} line, or the start of the text. */
    private static int startOfDocument(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        while (lineStart > 0) {
            if (text.startsWith("---", lineStart) && (lineStart + 3 == text.length() || " \t\r\n".indexOf(text.charAt(lineStart + 3)) >= 0)) {
                return lineStart;
            }
            lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        }
        return 0;
    }

    private static LoaderOptions options(LoadLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliasesForCollections());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static String explain(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "unreadable YAML" : e.getProblem();
        if (e.getContext() != null && e.getContextMark() != null) {
            return problem + " (" + e.getContext() + " that starts at line " + (e.getContextMark().getLine() + 1) + ")";
        }
        return problem;
    }

    private static String limitMessage(YAMLException e, LoadLimits limits) {
        String text = String.valueOf(e.getMessage());
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("aliases")) {
            return "the document starting here uses more than " + limits.maxAliasesForCollections()
                    + " aliases to lists or mappings, which looks like an alias bomb (\"billion laughs\");"
                    + " it and the rest of the file are skipped";
        }
        if (lower.contains("nesting depth")) {
            return "the document starting here is nested more than " + limits.maxNestingDepth()
                    + " levels deep, far deeper than any Kubernetes object; it and the rest of the file are skipped";
        }
        if (lower.contains("exceeds the limit")) {
            return "the document starting here is larger than the limit of " + limits.maxFileBytes()
                    + " characters; it and the rest of the file are skipped";
        }
        return "cannot read YAML: " + text + "; the rest of the file is skipped";
    }

    private static Diagnostic unreadableCharacter(String file, SourceText source, ReaderException e) {
        int[] position = SourceText.lineAndColumn(source.text(), source.charIndex(e.getPosition()));
        return Diagnostic.error(new SourceRef(file, position[0], position[1]),
                String.format(Locale.ROOT, "the character U+%04X is not allowed in YAML; remove it. The documents before it"
                        + " in the file are still read, the rest are not", e.getCodePoint()));
    }

    private static Optional<SourceRef> markOf(String file, MarkedYAMLException e) {
        Optional<SourceRef> problem = ref(file, e.getProblemMark());
        return problem.isPresent() ? problem : ref(file, e.getContextMark());
    }

    private static Optional<SourceRef> ref(String file, Mark mark) {
        return mark == null ? Optional.empty() : Optional.of(new SourceRef(file, mark.getLine() + 1, mark.getColumn() + 1));
    }
}

package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The parsed documents of manifest texts, shared by loads that read the same bytes under other
 * names: the two sides of a diff are mostly the same files, and parsing YAML is most of a load.
 * A text is parsed once, by whichever load reaches it first; the other waits for it and replays
 * the documents under its own file name. A text with a problem is not shared: its diagnostics are
 * worded with the file's name, so each load parses it itself. Safe for loads on several threads;
 * the parsed values are never changed by the readers that consume them.
 */
public final class ParsedTexts {

    /** A document of a text, where it starts. */
    record Document(Node root, Object value, int line, int column) {
    }

    /** The documents of a text, or null when it had a problem. */
    private final ConcurrentHashMap<String, CompletableFuture<List<Document>>> byText = new ConcurrentHashMap<>();

    /**
     * Replays the documents of {@code source} to {@code handler} as file {@code file}, parsing it
     * first unless another load has; a text with a problem is parsed for this file alone.
     */
    void read(String file, SourceText source, LoadLimits limits, YamlDocuments.Handler handler) {
        CompletableFuture<List<Document>> mine = new CompletableFuture<>();
        CompletableFuture<List<Document>> parsed = byText.putIfAbsent(source.text(), mine);
        if (parsed == null) {
            parse(file, source, limits, handler, mine);
            return;
        }
        List<Document> documents = parsed.join();
        if (documents == null) {
            YamlDocuments.read(file, source, limits, handler);
            return;
        }
        for (Document document : documents) {
            handler.document(document.root(), document.value(), new SourceRef(file, document.line(), document.column()));
        }
    }

    /** Parses {@code source} for the loads to come, unless one has begun it already; nothing is handed over. */
    void parseAhead(String file, SourceText source, LoadLimits limits) {
        CompletableFuture<List<Document>> mine = new CompletableFuture<>();
        if (byText.putIfAbsent(source.text(), mine) == null) {
            parse(file, source, limits, new YamlDocuments.Handler() {
                @Override
                public void document(Node root, Object value, SourceRef where) {
                    // Kept for the loads; none is building a snapshot here.
                }

                @Override
                public void problem(Diagnostic diagnostic) {
                    // A text with a problem is parsed again by each load, which reports it under its own name.
                }
            }, mine);
        }
    }

    /** Parses a text, handing its documents over as they come, and completes {@code into} for the loads that wait for it. */
    private static void parse(String file, SourceText source, LoadLimits limits, YamlDocuments.Handler handler,
            CompletableFuture<List<Document>> into) {
        List<Document> documents = new ArrayList<>();
        boolean[] problem = {false};
        try {
            YamlDocuments.read(file, source, limits, new YamlDocuments.Handler() {
                @Override
                public void document(Node root, Object value, SourceRef where) {
                    documents.add(new Document(root, value, where.line(), where.column()));
                    handler.document(root, value, where);
                }

                @Override
                public void problem(Diagnostic diagnostic) {
                    problem[0] = true;
                    handler.problem(diagnostic);
                }
            });
        } catch (RuntimeException | Error unexpected) {
            into.complete(null);
            throw unexpected;
        }
        into.complete(problem[0] ? null : List.copyOf(documents));
    }
}

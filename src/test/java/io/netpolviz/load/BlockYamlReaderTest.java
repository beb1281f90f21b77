package io.netpolviz.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The fast reader gives exactly what SnakeYAML gives — the same values of the same types in the
 * same order, the same document positions, the same text of each object and the same position
 * of every field a diagnostic may point at — or gives up and leaves the text to SnakeYAML.
 * Checked on every manifest the project ships and on random documents written in many styles.
 */
class BlockYamlReaderTest {

    /** Scalars chosen to hit YAML 1.1's implicit types, indicators, quoting and comments. */
    private static final List<Object> SCALARS = List.of("yes", "No", "on", "OFF", "true", "False", "~", "null", "", "0x1F", "017",
            "1_000", "1:30", "3.14", ".inf", "-.5", "1e3", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "a: b", "#x", "x #y", "- a",
            "it's", "say \"hi\"", "café ✓", "a\\b", "[x]", "{y}", "&a", "*b", "!t", "|", "> x", "%p", "@x", "`x", "?x", "-x", ":x",
            "a:b", "http://x.y/z", "<<", "=", "  lead", "trail  ", "two\nlines", "0.0.0.0/0", "TCP", "app", "k8s-app", "kube-dns",
            80, 8080, -1, 2.5, true, false, 12345678901L, "x: y: z", "a,b", "'q'", "\"dq\"", "tab\there");

    @Test
    void everyShippedManifestReadsAsSnakeYamlReadsIt() throws IOException {
        int files = 0;
        for (Path root : List.of(Path.of("sample-clusters"), Path.of("src/test/resources"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(BlockYamlReaderTest::isManifest).sorted().toList()) {
                    assertSameReading(file.toString(), Files.readString(file));
                    files++;
                }
            }
        }
        assertTrue(files > 100, "the corpus was found: " + files);
        // The lessons are written as people write manifests: the fast reader reads nearly all of them
        // (two use flow collections inside flow collections, which it leaves to SnakeYAML).
        try (Stream<Path> walk = Files.walk(Path.of("sample-clusters"))) {
            List<Path> lessons = walk.filter(BlockYamlReaderTest::isManifest).toList();
            List<Path> slow = lessons.stream().filter(file -> BlockYamlReader.read(read(file), LoadLimits.DEFAULT.maxNestingDepth()).isEmpty())
                    .toList();
            assertTrue(lessons.size() > 40 && slow.size() * 10 <= lessons.size(), "read by SnakeYAML: " + slow);
        }
    }

    @Test
    void randomDocumentsInManyStylesReadAsSnakeYamlReadsThem() {
        Random random = new Random(42);
        int fast = 0;
        int total = 600;
        for (int i = 0; i < total; i++) {
            String text = random.nextBoolean() ? dumped(random) : handWritten(random);
            if (BlockYamlReader.read(text, LoadLimits.DEFAULT.maxNestingDepth()).isPresent()) {
                fast++;
            }
            assertSameReading("random-" + i, text);
        }
        assertTrue(fast > total / 4, fast + " of " + total + " read fast");
    }

    @Test
    void givesUpOnWhatItDoesNotRead() {
        for (String text : List.of("a: &x 1\nb: *x\n", "a: |\n  text\n", "a: !!str 1\n", "a: b\n  c\n", "a: \"x\\ty\"\n",
                "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "a:\tb\n", "a: [b, [c]]\n", "a: {b: c: d}\n",
                "a: 'x\n  y'\n", "just a scalar\n", "? complex\n: key\n", "a: 1\r b: 2\n")) {
            assertFalse(BlockYamlReader.read(text, 50).isPresent(), text);
            assertSameReading("given-up", text);
        }
    }

    @Test
    void readsWhatManifestsAreWrittenIn() {
        String text = "# leading comment\n---\napiVersion: v1   # trailing\nkind: Pod\nmetadata:\n  name: 'it''s'\n  labels: {}\n"
                + "spec:\n  containers:\n  - name: main\n    ports:\n    - containerPort: 80\n      protocol: \"TCP\"\n"
                + "  list: [a, \"b\", 3]\n\n---\n# second\nkind: Namespace\r\n";
        List<BlockYamlReader.Document> documents = BlockYamlReader.read(text, 50).orElseThrow();
        assertEquals(2, documents.size());
        assertEquals(3, documents.get(0).line());
        assertEquals(18, documents.get(1).line());
        assertSameReading("manifest", text);
    }

    @Test
    void readsTheEmptyDocumentsASkippedObjectLeavesBehind() {
        // KindSniffer cuts a document of a skipped kind down to its line breaks; the rest keeps its lines.
        for (String text : List.of("a: 1\n---\n\n\n---\nb: 2\n", "a: 1\n---\n", "---\n# c\n---\nb: 1\n", "a: 1\n---\n\n  \n",
                "---\n---\n", "a: 1\n---\n  ", "kind: Pod\r\n---\r\n\r\n")) {
            assertTrue(BlockYamlReader.read(text, 50).isPresent(), text);
            assertSameReading("emptied", text);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    /** Reads the text both ways and compares everything a load takes from it. */
    private static void assertSameReading(String file, String text) {
        SourceText source = new SourceText(text);
        Reading full = new Reading();
        Reading either = new Reading();
        YamlDocuments.readFully(file, source, LoadLimits.DEFAULT, full);
        YamlDocuments.read(file, source, LoadLimits.DEFAULT, either);
        assertEquals(full.problems, either.problems, file);
        assertEquals(full.documents.size(), either.documents.size(), file);
        for (int i = 0; i < full.documents.size(); i++) {
            Reading.Read expected = full.documents.get(i);
            Reading.Read actual = either.documents.get(i);
            assertEquals(typed(expected.value()), typed(actual.value()), file + " document " + i);
            assertEquals(expected.where(), actual.where(), file);
            FieldLocations expectedAt = FieldLocations.of(expected.tree(), file);
            FieldLocations actualAt = FieldLocations.of(actual.tree(), file);
            assertEquals(expectedAt.where(), actualAt.where(), file);
            assertEquals(expectedAt.text(), actualAt.text(), file);
            List<FieldPath> paths = new ArrayList<>();
            collectPaths(expected.value(), FieldPath.ROOT, paths);
            for (FieldPath path : paths) {
                assertEquals(expectedAt.locate(path, true), actualAt.locate(path, true), file + " " + path);
                assertEquals(expectedAt.locate(path, false), actualAt.locate(path, false), file + " " + path);
                assertEquals(expectedAt.at(path).text(), actualAt.at(path).text(), file + " " + path);
            }
        }
    }

    /** The value with every node's class written out, so that 1 and 1L or two key orders differ. */
    private static String typed(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder(value.getClass().getSimpleName()).append('{');
            map.forEach((key, item) -> out.append(typed(key)).append('=').append(typed(item)).append(", "));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder(value.getClass().getSimpleName()).append('[');
            list.forEach(item -> out.append(typed(item)).append(", "));
            return out.append(']').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    private static void collectPaths(Object value, FieldPath path, List<FieldPath> into) {
        into.add(path);
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (key instanceof String name) {
                    collectPaths(item, path.field(name), into);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectPaths(list.get(i), path.index(i), into);
            }
        }
    }

    private static Object randomTree(Random random, int depth) {
        int kind = depth > 3 ? 2 : random.nextInt(3);
        if (kind == 0) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                Object key = random.nextInt(5) == 0 ? SCALARS.get(random.nextInt(SCALARS.size())) : "k" + random.nextInt(6);
                map.put(key, randomTree(random, depth + 1));
            }
            return map;
        }
        if (kind == 1) {
            List<Object> list = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                list.add(randomTree(random, depth + 1));
            }
            return list;
        }
        return random.nextInt(8) == 0 ? null : SCALARS.get(random.nextInt(SCALARS.size()));
    }

    /** Documents as SnakeYAML writes them, in its block styles. */
    private static String dumped(Random random) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(random.nextInt(5) == 0 ? DumperOptions.FlowStyle.AUTO : DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2 + random.nextInt(3));
        if (random.nextBoolean()) {
            options.setIndicatorIndent(options.getIndent() - 1);
            options.setIndentWithIndicator(random.nextBoolean());
        }
        options.setSplitLines(random.nextBoolean());
        options.setExplicitStart(random.nextBoolean());
        Yaml yaml = new Yaml(options);
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(3); i >= 0; i--) {
            Map<Object, Object> document = new LinkedHashMap<>();
            document.put("kind", "Pod");
            document.put("spec", randomTree(random, 0));
            if (i > 0 || out.length() > 0) {
                out.append("---\n");
            }
            out.append(yaml.dump(document));
        }
        return out.toString();
    }

    /** Documents as people and kubectl write them: compact lists, comments, blank lines, quotes, CRLF. */
    private static String handWritten(Random random) {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append("# generated\n---\n");
        }
        out.append("apiVersion: v1\nkind: ConfigMap\n");
        write(random, "data", randomTree(random, 0), 0, out);
        String text = out.toString();
        return random.nextInt(5) == 0 ? text.replace("\n", "\r\n") : text;
    }

    private static void write(Random random, String key, Object value, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        out.append(pad).append(key).append(':');
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append(random.nextInt(4) == 0 ? "   # a comment\n" : "\n");
            map.forEach((k, v) -> write(random, String.valueOf(k).replaceAll("[^A-Za-z0-9_.-]", "x") + "k", v, indent + 2, out));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            int itemIndent = random.nextBoolean() ? indent : indent + 2;
            for (Object item : list) {
                if (random.nextInt(6) == 0) {
                    out.append('\n').append(" ".repeat(itemIndent)).append("# between items\n");
                }
                if (item instanceof Map<?, ?> itemMap && !itemMap.isEmpty()) {
                    StringBuilder nested = new StringBuilder();
                    itemMap.forEach((k, v) -> write(random, String.valueOf(k).replaceAll("[^A-Za-z0-9_.-]", "x") + "k", v, itemIndent + 2, nested));
                    out.append(" ".repeat(itemIndent)).append("- ").append(nested.substring(itemIndent + 2));
                } else {
                    out.append(" ".repeat(itemIndent)).append("- ").append(scalar(random, item instanceof Map || item instanceof List ? "[]" : item))
                            .append('\n');
                }
            }
        } else {
            String written = value instanceof Map ? "{}" : value instanceof List ? "[]" : scalar(random, value);
            out.append(written.isEmpty() ? "" : " " + written).append(random.nextInt(5) == 0 ? "  # note" : "").append('\n');
        }
    }

    private static String scalar(Random random, Object value) {
        if (value == null) {
            return random.nextBoolean() ? "" : "null";
        }
        String text = String.valueOf(value);
        return switch (random.nextInt(3)) {
            case 0 -> "'" + text.replace("'", "''") + "'";
            case 1 -> "\"" + text.replace("\"", "") + "\"";
            default -> text;
        };
    }

    /** Collects what a reading hands over. */
    private static final class Reading implements YamlDocuments.Handler {
        record Read(DocumentTree tree, Object value, SourceRef where) {
        }

        final List<Read> documents = new ArrayList<>();
        final List<Diagnostic> problems = new ArrayList<>();

        @Override
        public void document(DocumentTree tree, Object value, SourceRef where) {
            documents.add(new Read(tree, value, where));
        }

        @Override
        public void problem(Diagnostic diagnostic) {
            problems.add(diagnostic);
        }
    }
}

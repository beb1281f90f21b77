package io.netpolviz.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two loads that share their parsing (the sides of a diff) give the snapshots two loads of their
 * own give, each naming its own files, whichever of them parses a text first.
 */
class ParsedTextsTest {

    private static final Path LESSON = Path.of("sample-clusters/09-review-a-change");

    @TempDir
    Path dir;

    @Test
    void sharedParsingGivesTheSnapshotsOfSeparateLoads() throws IOException {
        Path before = copy(LESSON.resolve("main"), "before");
        Path after = copy(LESSON.resolve("pull-request"), "after");
        // A file both sides have with a problem in it: each side must report it under its own name.
        for (Path side : List.of(before, after)) {
            Files.writeString(side.resolve("broken.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: x\n");
        }
        ClusterSnapshot alone = new ManifestLoader().load(List.of(after));

        for (int attempt = 0; attempt < 5; attempt++) {
            ParsedTexts shared = new ParsedTexts();
            ManifestLoader first = new ManifestLoader(shared);
            ManifestLoader second = new ManifestLoader(shared);
            CompletableFuture<ClusterSnapshot> beforeSide = CompletableFuture.supplyAsync(() -> first.load(List.of(before)));
            second.parseAhead(List.of(after));
            ClusterSnapshot afterSide = second.load(List.of(after));

            assertEquals(alone, afterSide);
            assertEquals(new ManifestLoader().load(List.of(before)), beforeSide.join());
            assertTrue(afterSide.diagnostics().stream().map(Diagnostic::display).anyMatch(line -> line.startsWith(after.resolve("broken.yaml") + ":")),
                    afterSide.diagnostics().toString());
            assertTrue(afterSide.workloads().stream().allMatch(workload -> workload.where().file().startsWith(after.toString())),
                    "every object is placed in this side's files");
        }
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}

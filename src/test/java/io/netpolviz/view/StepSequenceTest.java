package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSequenceTest {

    @TempDir
    Path root;

    @Test
    void numberedFoldersBecomeStepsInNumericOrder() throws IOException {
        Files.createDirectories(root.resolve("10-last"));
        Files.createDirectories(root.resolve("2-deny-all"));
        Files.createDirectories(root.resolve("1-wide-open"));
        StepSequence steps = StepSequence.detect(root).orElseThrow();
        assertEquals(List.of(1, 2, 10), steps.steps().stream().map(StepSequence.Step::number).toList());
    }

    @Test
    void stepKLoadsSharedFilesAndFoldersOneToK() throws IOException {
        Path one = Files.createDirectories(root.resolve("1-wide-open"));
        Path two = Files.createDirectories(root.resolve("2-deny-all"));
        Files.createDirectories(root.resolve("3-allows"));
        Path shared = Files.writeString(root.resolve("namespaces.yaml"), "kind: Namespace\n");
        Files.writeString(root.resolve("notes.txt"), "not a manifest");
        StepSequence steps = StepSequence.detect(root).orElseThrow();
        assertEquals(List.of(shared, one, two), steps.pathsUpTo(2));
        assertThrows(IllegalArgumentException.class, () -> steps.pathsUpTo(4));
    }

    @Test
    void captionComesFromTheReadmeHeadingWithoutTheStepPrefix() throws IOException {
        Path two = Files.createDirectories(root.resolve("2-deny-all"));
        Files.createDirectories(root.resolve("1-wide-open"));
        Files.writeString(two.resolve("README.md"), "\n# Step 2: Deny all in production\nEvery edge turns red.\n");
        StepSequence steps = StepSequence.detect(root).orElseThrow();
        assertEquals("Deny all in production", steps.step(2).caption());
        assertEquals("Every edge turns red.", steps.step(2).notes());
        assertEquals("Step 2: Deny all in production", steps.step(2).title());
    }

    @Test
    void withoutAReadmeTheFolderNameGivesTheCaption() throws IOException {
        Files.createDirectories(root.resolve("1-wide-open"));
        Files.createDirectories(root.resolve("2-deny_all"));
        StepSequence steps = StepSequence.detect(root).orElseThrow();
        assertEquals("Wide open", steps.step(1).caption());
        assertEquals("Deny all", steps.step(2).caption());
    }

    @Test
    void aFolderWithOneNumberedSubFolderIsNotASequence() throws IOException {
        Files.createDirectories(root.resolve("2024-backup"));
        Files.createDirectories(root.resolve("manifests"));
        assertTrue(StepSequence.detect(root).isEmpty());
    }

    @Test
    void aFileIsNotASequence() throws IOException {
        Path file = Files.writeString(root.resolve("a.yaml"), "");
        assertTrue(StepSequence.detect(file).isEmpty());
    }
}

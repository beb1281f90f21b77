package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the app shows of file names and lesson notes: relative to the lesson, and without Markdown marks. */
class ShownTextTest {

    @Test
    void markdownMarksAreTakenOutAndTheWordsKept() {
        assertEquals("The test runner from staging does get through.",
                ShownText.fromMarkdown("The test runner from `staging` does **get** through."));
        assertEquals("Step 2\n\u2022 read the README\n\u2022 untick deny-all",
                ShownText.fromMarkdown("## Step 2\n- read the [README](../README.md)\n* untick _deny-all_"));
        assertEquals("kubectl apply -f x.yaml", ShownText.fromMarkdown("```sh\nkubectl apply -f x.yaml\n```"));
        // Marks that are part of words stay.
        assertEquals("snake_case_name and 2*3*4", ShownText.fromMarkdown("snake_case_name and 2*3*4"));
    }

    @Test
    void everyLessonsNotesReadWithoutMarks() throws Exception {
        try (Stream<Path> readmes = Files.walk(Path.of("sample-clusters"))) {
            for (Path readme : readmes.filter(path -> path.getFileName().toString().equals("README.md")).toList()) {
                String shown = ShownText.fromMarkdown(Files.readString(readme));
                assertFalse(shown.contains("`"), readme + ": " + shown);
                assertFalse(shown.contains("**"), readme + ": " + shown);
                assertFalse(shown.lines().anyMatch(line -> line.startsWith("#")), readme + ": " + shown);
            }
        }
    }

    @Test
    void aFileIsNamedRelativeToTheLessonEvenWhenTheLessonWasCopiedToATemporaryFolder() throws Exception {
        Path extracted = BundledSample.extract();
        Workspace bundled = TutorialSteps.open(extracted, 3, true, java.util.Set.of()).workspace();
        SourceRef denyAll = new SourceRef(extracted.resolve("2-deny-all/deny-all.yaml").toString(), 2, 1);
        assertEquals("2-deny-all/deny-all.yaml:2", ShownText.place(denyAll, bundled));
        String elsewhere = ShownText.place(new SourceRef(Path.of(System.getProperty("java.io.tmpdir"), "x", "other.yaml").toString(), 0, 0),
                bundled);
        assertEquals("other.yaml", elsewhere, "outside the lesson, the bundled tutorial names the file alone");
        assertTrue(ShownText.place(SourceRef.inCluster("cluster:kind/NetworkPolicy/a/b", "NetworkPolicy"), bundled).startsWith("cluster:"));
        assertEquals("", ShownText.place(SourceRef.NONE, bundled));
    }
}

package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void marksGoAndTheWordsStay() {
        assertEquals("Step 3 is the surprise. backend-api admits frontend on 8080, not web \u2192 db (see the docs).",
                MarkdownText.plain("**Step 3 is the surprise.** `backend-api` admits *frontend* on 8080, not web -> db "
                        + "(see [the docs](https://kubernetes.io))."));
    }

    @Test
    void whatIsInsideBackticksStaysAsItIs() {
        assertEquals("namespaceSelector: {} and a*b*c", MarkdownText.plain("`namespaceSelector: {}` and `a*b*c`"));
    }

    @Test
    void snakeCaseNamesAndArithmeticKeepTheirMarks() {
        assertEquals("kube_dns 2 * 3 = 6", MarkdownText.plain("kube_dns 2 * 3 = 6"));
    }

    @Test
    void paragraphsAndItemsBecomeOneLineEachAndTablesAndCodeAreLeftOut() {
        List<String> lines = List.of("First line", "goes on.", "", "| a | b |", "|---|---|", "- an item", "  that wraps",
                "1. **numbered**", "```sh", "java -jar x", "```", "### a heading", "Last.");
        assertEquals(List.of("First line goes on.", "an item that wraps", "1. numbered", "Last."), MarkdownText.blocks(lines));
    }

    @Test
    void everyLessonsNotesReadWithoutMarks() throws Exception {
        try (Stream<Path> readmes = Files.walk(Path.of("sample-clusters"))) {
            for (Path readme : readmes.filter(path -> path.getFileName().toString().equals("README.md")).toList()) {
                for (String shown : MarkdownText.blocks(Files.readAllLines(readme))) {
                    assertFalse(shown.contains("`"), readme + ": " + shown);
                    assertFalse(shown.contains("**"), readme + ": " + shown);
                    assertFalse(shown.startsWith("#"), readme + ": " + shown);
                    assertFalse(shown.matches(".*\\]\\(.*"), readme + " shows a link target: " + shown);
                }
            }
        }
    }

    @Test
    void theCommandLinesCodeMarksGoButLoneBackticksStay() {
        assertEquals("Admin tier: ClusterNetworkPolicy protect-prod (priority 10) rule deny-from-staging denies this",
                MarkdownText.withoutCodeMarks("Admin tier: ClusterNetworkPolicy `protect-prod` (priority 10) rule `deny-from-staging` denies this"));
        assertEquals("a ` alone", MarkdownText.withoutCodeMarks("a ` alone"));
        String untouched = "no marks";
        org.junit.jupiter.api.Assertions.assertSame(untouched, MarkdownText.withoutCodeMarks(untouched));
    }
}

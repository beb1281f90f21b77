package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the app tells a learner beside each lesson's picture, read from the lessons' READMEs. */
class LessonGuideTest {

    private static final Path SAMPLES = Path.of("sample-clusters");
    private static final Path TUTORIAL = SAMPLES.resolve("01-tutorial");
    /** What Markdown marks look like when they are shown instead of read. */
    private static final Pattern MARKS = Pattern.compile("`|\\*\\*|(?<!\\w)\\*\\w|\\w\\*(?!\\w)|\\]\\(|^#|^\\s*[-*+] |(?<=\\s)_\\w|\\w_(?=\\s)| -> ");

    @TempDir
    Path scratch;

    @Test
    void eachTutorialStepHasItsCaptionAndItsOwnThingsToLookAt() {
        StepSequence steps = StepSequence.detect(TUTORIAL).orElseThrow();
        List<String> firstThings = new ArrayList<>();
        for (int position = 1; position <= steps.size(); position++) {
            LessonGuide guide = LessonGuide.of(List.of(TUTORIAL), steps, position);
            assertEquals("Lesson 1: The tutorial, step by step", guide.lesson());
            assertEquals(steps.step(position).title(), guide.heading());
            assertFalse(guide.caption().isEmpty(), "step " + position + " has a caption");
            assertFalse(guide.lookAt().isEmpty(), "step " + position + " says what to look at");
            assertNoMarks(guide);
            firstThings.add(guide.lookAt().get(0));
        }
        assertEquals(steps.size(), firstThings.stream().distinct().count(), "each step its own: " + firstThings);
        LessonGuide three = LessonGuide.of(List.of(TUTORIAL), steps, 3);
        assertEquals("Step 3: The tutorial's allow rules", three.heading());
        assertTrue(three.lookAt().get(0).startsWith("This step is the surprise."), three.lookAt().get(0));
        assertTrue(three.lookAt().get(0).contains("frontend \u2192 backend-api is still \u2717 blocked"), three.lookAt().get(0));
    }

    @Test
    void stepOnesCaptionNamesTheLegendsColourForAllowedEdges() {
        StepSequence steps = StepSequence.detect(TUTORIAL).orElseThrow();
        String caption = LessonGuide.of(List.of(TUTORIAL), steps, 1).caption();
        assertFalse(caption.toLowerCase().contains("green"), caption);
        assertTrue(caption.contains("\u2713 allowed (blue"), caption);
    }

    @Test
    void lessonsInOneFolderShowTheirWhatToLookAt() {
        for (String lesson : List.of("02-cross-namespace", "03-egress-internet", "04-ports", "05-shop")) {
            Path folder = SAMPLES.resolve(lesson);
            LessonGuide guide = LessonGuide.of(List.of(folder), null, 0);
            assertTrue(guide.heading().startsWith("Lesson " + Integer.parseInt(lesson.substring(0, 2)) + ": "), guide.heading());
            assertFalse(guide.caption().isEmpty(), lesson + " has an introduction");
            assertTrue(guide.lookAt().size() >= 3, lesson + ": " + guide.lookAt());
            assertNoMarks(guide);
        }
        LessonGuide two = LessonGuide.of(List.of(SAMPLES.resolve("02-cross-namespace")), null, 0);
        assertEquals("analytics/batch-job \u2192 api-or is allowed, \u2192 api-and is blocked: the namespace peer on its own lets in "
                + "every pod of the namespace.", two.lookAt().get(0));
    }

    @Test
    void lessonReadmesNameColoursAsTheLegendDoes() throws IOException {
        // The legend says blue for allowed and vermillion for blocked; green, red and yellow mean nothing on screen.
        Pattern otherColours = Pattern.compile("(?i)\\b(green|red|yellow|orange)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path readme : files.filter(path -> path.getFileName().toString().equals("README.md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (otherColours.matcher(lines.get(i)).find()) {
                        found.add(readme + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void aFolderWhoseReadmeSaysNothingToLookAtIsNoLesson() throws IOException {
        Files.writeString(scratch.resolve("README.md"), "# Our manifests\n\nApply with kubectl.\n");
        assertTrue(LessonGuide.of(List.of(scratch), null, 0).isEmpty());
        assertTrue(LessonGuide.of(List.of(scratch.resolve("README.md")), null, 0).isEmpty());
    }

    @Test
    void aStepWithoutItsOwnSubSectionHasNothingToLookAtButItsCaption() throws IOException {
        Path one = Files.createDirectories(scratch.resolve("1-open"));
        Files.createDirectories(scratch.resolve("2-closed"));
        Files.writeString(one.resolve("README.md"), "# Step 1: Open\nAll *open*, see `a.yaml`.\n");
        Files.writeString(scratch.resolve("README.md"), String.join("\n", "# Lesson", "", "## What to look at", "",
                "### Step 2: Closed", "", "- **Nothing** gets in: see [the docs](https://example.org).", "",
                "## Things to try", "", "- not this"));
        StepSequence steps = StepSequence.detect(scratch).orElseThrow();
        LessonGuide first = LessonGuide.of(List.of(scratch), steps, 1);
        assertEquals("All open, see a.yaml.", first.caption());
        assertEquals(List.of(), first.lookAt());
        LessonGuide second = LessonGuide.of(List.of(scratch), steps, 2);
        assertEquals("Step 2: Closed", second.heading());
        assertEquals(List.of("Nothing gets in: see the docs."), second.lookAt());
    }

    private static void assertNoMarks(LessonGuide guide) {
        List<String> texts = new ArrayList<>(List.of(guide.lesson(), guide.heading(), guide.caption()));
        texts.addAll(guide.lookAt());
        for (String text : texts) {
            assertFalse(MARKS.matcher(text).find(), "Markdown marks in: " + text);
        }
    }
}

package io.netpolviz.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lesson's {@code README.md} tells the app, in plain text: its title (the first
 * {@code # } heading), its first paragraph, and its "What to look at" section, whose
 * {@code ### Step N} sub-sections belong to the steps of a lesson told in steps.
 *
 * @param title the title, e.g. {@code Lesson 2: Cross-namespace peers, AND versus OR}; empty if none
 * @param intro the first paragraph under the title, empty when there is none or it only leads
 *     into a table or a list (it ends with a colon)
 * @param lookAt the section's paragraphs and items before any step sub-section
 * @param lookAtByStep each step's paragraphs and items, by the step number its sub-section names
 */
public record LessonReadme(String title, String intro, List<String> lookAt, Map<Integer, List<String>> lookAtByStep) {

    public static final LessonReadme NONE = new LessonReadme("", "", List.of(), Map.of());

    private static final Pattern H1 = Pattern.compile("^#\\s+(.*)$");
    private static final Pattern H2 = Pattern.compile("^##\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern H3 = Pattern.compile("^###\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern STEP = Pattern.compile("(?i)step\\s+(\\d+)\\b.*");

    public LessonReadme {
        lookAt = List.copyOf(lookAt);
        Map<Integer, List<String>> copy = new TreeMap<>();
        lookAtByStep.forEach((step, items) -> copy.put(step, List.copyOf(items)));
        lookAtByStep = Map.copyOf(copy);
    }

    /** Whether it says anything to look at, in general or for some step. */
    public boolean hasLookAt() {
        return !lookAt.isEmpty() || !lookAtByStep.isEmpty();
    }

    /** What to look at in step {@code number}: its own sub-section, else nothing. */
    public List<String> lookAtStep(int number) {
        return lookAtByStep.getOrDefault(number, List.of());
    }

    /** The README of {@code folder}, if it has a readable one. */
    public static Optional<LessonReadme> read(Path folder) {
        Path readme = folder.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readAllLines(readme, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // An unreadable README only costs the guide.
            return Optional.empty();
        }
    }

    public static LessonReadme parse(List<String> lines) {
        String title = "";
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i < lines.size()) {
            Matcher h1 = H1.matcher(lines.get(i).strip());
            if (h1.matches()) {
                title = MarkdownText.plain(h1.group(1));
                i++;
            }
        }
        String intro = intro(lines, i);
        List<String> general = new ArrayList<>();
        Map<Integer, List<String>> byStep = new TreeMap<>();
        int start = -1;
        for (int k = i; k < lines.size(); k++) {
            Matcher h2 = H2.matcher(lines.get(k).strip());
            if (h2.matches() && !lines.get(k).strip().startsWith("###")) {
                if (start >= 0) {
                    lookAtSection(lines.subList(start, k), general, byStep);
                    start = -1;
                    break;
                }
                if (MarkdownText.plain(h2.group(1)).toLowerCase(Locale.ROOT).startsWith("what to look at")) {
                    start = k + 1;
                }
            }
        }
        if (start >= 0) {
            lookAtSection(lines.subList(start, lines.size()), general, byStep);
        }
        return new LessonReadme(title, intro, general, byStep);
    }

    /** The first paragraph from {@code from}, if it is prose that stands on its own. */
    private static String intro(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        List<String> paragraph = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).isBlank()) {
            paragraph.add(lines.get(i));
            i++;
        }
        if (paragraph.isEmpty() || paragraph.get(0).strip().startsWith("#") || paragraph.get(0).strip().startsWith("|")) {
            return "";
        }
        List<String> blocks = MarkdownText.blocks(paragraph);
        if (blocks.size() != 1 || blocks.get(0).endsWith(":")) {
            return "";
        }
        return blocks.get(0);
    }

    private static void lookAtSection(List<String> section, List<String> general, Map<Integer, List<String>> byStep) {
        List<String> part = new ArrayList<>();
        Integer step = null;
        for (String line : section) {
            Matcher h3 = H3.matcher(line.strip());
            if (h3.matches()) {
                add(part, step, general, byStep);
                part = new ArrayList<>();
                Matcher number = STEP.matcher(MarkdownText.plain(h3.group(1)));
                step = number.matches() ? Integer.valueOf(number.group(1)) : null;
                continue;
            }
            part.add(line);
        }
        add(part, step, general, byStep);
    }

    private static void add(List<String> part, Integer step, List<String> general, Map<Integer, List<String>> byStep) {
        List<String> blocks = MarkdownText.blocks(part);
        if (step == null) {
            general.addAll(blocks);
        } else {
            byStep.computeIfAbsent(step, n -> new ArrayList<>()).addAll(blocks);
        }
    }
}

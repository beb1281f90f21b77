package io.netpolviz.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A lesson told in steps: a folder whose numbered sub-folders ({@code 1-wide-open/},
 * {@code 2-deny-all/}, ...) each add manifests to the ones before. Step k is folders 1..k loaded
 * together, plus any manifests that sit directly in the folder.
 */
public record StepSequence(Path root, List<Path> sharedFiles, List<Step> steps) {

    /** One step: its number, its folder, its caption and the rest of its README (may be empty), in plain text. */
    public record Step(int number, Path folder, String caption, String notes) {

        /** {@code Step 2: Deny all in production}. */
        public String title() {
            return "Step " + number + ": " + caption;
        }
    }

    private static final Pattern STEP_FOLDER = Pattern.compile("(\\d+)(?:[-_. ](.*))?");
    private static final Pattern STEP_HEADING = Pattern.compile("#+\\s*(?:Step\\s+\\d+\\s*[:.\\-–—]\\s*)?(.*)", Pattern.CASE_INSENSITIVE);

    public StepSequence {
        sharedFiles = List.copyOf(sharedFiles);
        steps = List.copyOf(steps);
    }

    /**
     * The steps of {@code folder}, if it has at least two numbered sub-folders; a single one is
     * more likely a folder that happens to start with a digit.
     */
    public static Optional<StepSequence> detect(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        List<Path> shared = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                Matcher matcher = STEP_FOLDER.matcher(name);
                if (Files.isDirectory(child) && matcher.matches()) {
                    int number = Integer.parseInt(matcher.group(1));
                    steps.add(readStep(number, child, matcher.group(2)));
                } else if (Files.isRegularFile(child) && isManifest(name)) {
                    shared.add(child);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        if (steps.size() < 2) {
            return Optional.empty();
        }
        steps.sort(Comparator.comparingInt(Step::number).thenComparing(step -> step.folder().getFileName().toString()));
        return Optional.of(new StepSequence(folder, shared, steps));
    }

    /** The paths to load for step {@code k} (1-based): the shared files and step folders 1..k. */
    public List<Path> pathsUpTo(int k) {
        if (k < 1 || k > steps.size()) {
            throw new IllegalArgumentException("no step " + k + " in " + root + " (1.." + steps.size() + ")");
        }
        List<Path> paths = new ArrayList<>(sharedFiles);
        for (int i = 0; i < k; i++) {
            paths.add(steps.get(i).folder());
        }
        return paths;
    }

    public int size() {
        return steps.size();
    }

    /** The step's 1-based position. Folder numbers need not run 1, 2, 3; positions do. */
    public Step step(int position) {
        return steps.get(position - 1);
    }

    public static boolean isManifest(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    /**
     * The caption is the first line of the step's README.md ({@code # Step N: caption}), else the
     * folder name in words; the notes are the README's other paragraphs, one blank line apart.
     */
    private static Step readStep(int number, Path folder, String nameRest) {
        Path readme = folder.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            try {
                List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
                int first = 0;
                while (first < lines.size() && lines.get(first).isBlank()) {
                    first++;
                }
                if (first < lines.size()) {
                    String line = lines.get(first).strip();
                    Matcher heading = STEP_HEADING.matcher(line);
                    // The app shows these words as they are: Markdown's marks would show as marks.
                    String caption = MarkdownText.plain(heading.matches() ? heading.group(1) : line);
                    String notes = String.join("\n\n", MarkdownText.blocks(lines.subList(first + 1, lines.size())));
                    if (!caption.isEmpty()) {
                        return new Step(number, folder, caption, notes);
                    }
                }
            } catch (IOException e) {
                // An unreadable README only costs the caption; the folder name stands in.
            }
        }
        return new Step(number, folder, captionFromName(folder, nameRest), "");
    }

    private static String captionFromName(Path folder, String nameRest) {
        if (nameRest == null || nameRest.isBlank()) {
            return folder.getFileName().toString();
        }
        String words = nameRest.replace('-', ' ').replace('_', ' ').strip();
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}

package io.netpolviz.view;

import io.netpolviz.model.SourceRef;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as the app shows it to a learner: files named relative to the lesson or folder that was
 * opened (the bundled tutorial lives in a temporary folder nobody should have to read), and
 * lesson notes written in Markdown with their marks taken out.
 */
public final class ShownText {

    private static final Pattern CODE_SPAN = Pattern.compile("`+([^`]*)`+");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1", Pattern.DOTALL);
    private static final Pattern EMPHASIS_STAR = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])");
    private static final Pattern EMPHASIS_UNDERSCORE = Pattern.compile("(?<![\\w_])_(\\S(?:[^_]*?\\S)?)_(?![\\w_])");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");

    private ShownText() {
    }

    /**
     * Where a policy or workload is written, as {@code 3-tutorial-allows/deny-all.yaml:4}: relative
     * to the lesson's folder (or the folder opened, or the opened files' folder); a cluster object
     * as its origin; nothing when it was never written anywhere.
     */
    public static String place(SourceRef where, Workspace workspace) {
        if (!where.isFile()) {
            return where.file().isEmpty() ? "" : where.display();
        }
        String file = relative(where.file(), workspace);
        return where.line() > 0 ? file + ":" + where.line() : file;
    }

    private static String relative(String file, Workspace workspace) {
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return file;
        }
        Path root = rootOf(workspace);
        if (root != null && path.startsWith(root) && !path.equals(root)) {
            return root.relativize(path).toString().replace('\\', '/');
        }
        // Outside what was opened: the file's name says enough, and never a temporary folder.
        return workspace != null && workspace.bundled() || path.getFileName() == null ? String.valueOf(path.getFileName()) : file;
    }

    private static Path rootOf(Workspace workspace) {
        if (workspace == null || workspace.live()) {
            return null;
        }
        if (workspace.hasSteps()) {
            return workspace.steps().root().toAbsolutePath().normalize();
        }
        List<Path> place = workspace.place();
        Path first = place.get(0).toAbsolutePath().normalize();
        if (place.size() == 1 && Files.isDirectory(first)) {
            return first;
        }
        Path common = first.getParent();
        for (Path other : place) {
            Path normal = other.toAbsolutePath().normalize();
            while (common != null && !normal.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    /** Markdown as plain text: no backticks, stars, heading hashes, link targets or fences; bullets as {@code •}. */
    public static String fromMarkdown(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\\R", -1)) {
            if (FENCE.matcher(line).matches()) {
                continue;
            }
            String plain = HEADING.matcher(line).replaceFirst("");
            plain = QUOTE.matcher(plain).replaceFirst("");
            plain = BULLET.matcher(plain).replaceFirst("$1\u2022 ");
            out.append(plain).append('\n');
        }
        // Spans may run over a line break.
        String plain = LINK.matcher(out).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        plain = CODE_SPAN.matcher(plain).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        plain = STRONG.matcher(plain).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
        plain = EMPHASIS_STAR.matcher(plain).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        plain = EMPHASIS_UNDERSCORE.matcher(plain).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        return plain.strip();
    }
}

package io.netpolviz.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one manifest file, able to cut out the lines a node was written on. SnakeYAML
 * marks count code points, Java strings count chars: the two differ only after a character
 * outside the Basic Multilingual Plane, so a sparse table of checkpoints bridges them.
 */
final class SourceText {

    private static final int CHECKPOINT_EVERY = 4096;

    private final String text;
    /** char offset of code point {@code i * CHECKPOINT_EVERY}; null when chars and code points agree. */
    private final int[] checkpoints;

    SourceText(String text) {
        this.text = text;
        this.checkpoints = hasSurrogates(text) ? buildCheckpoints(text) : null;
    }

    String text() {
        return text;
    }

    private static boolean hasSurrogates(String text) {
        // Answered at once for text that is all Latin-1, the usual case, and by a fast scan otherwise.
        return text.codePointCount(0, text.length()) != text.length();
    }

    private static int[] buildCheckpoints(String text) {
        List<Integer> offsets = new ArrayList<>();
        int codePoint = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (codePoint % CHECKPOINT_EVERY == 0) {
                offsets.add(i);
            }
            codePoint++;
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The char offset of a code point index as SnakeYAML's marks give it. */
    int charIndex(int codePointIndex) {
        if (checkpoints == null) {
            return Math.min(codePointIndex, text.length());
        }
        int slot = Math.min(codePointIndex / CHECKPOINT_EVERY, checkpoints.length - 1);
        if (slot < 0) {
            return 0;
        }
        int from = checkpoints[slot];
        int remaining = codePointIndex - slot * CHECKPOINT_EVERY;
        int available = text.codePointCount(from, text.length());
        return remaining >= available ? text.length() : text.offsetByCodePoints(from, remaining);
    }

    /**
     * The lines of the chars from {@code start} to {@code end} (a node), made to stand alone: comment lines right above it are
     * kept (they usually describe it), trailing blank and comment lines dropped (they usually
     * belong to what follows), and the common indentation removed, so that a policy written
     * as an item of a {@code List} reads like a document of its own.
     */
    String block(int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        // Spaces in place of what precedes the node on its first line ("- " for a list item).
        String written = " ".repeat(start - lineStart) + text.substring(start, end);
        List<String> body = lines(written);
        List<String> leadingComments = new ArrayList<>();
        int above = lineStart - 1;
        while (above > 0) {
            int previousStart = text.lastIndexOf('\n', above - 1) + 1;
            String previous = stripCarriageReturn(text.substring(previousStart, above));
            if (!previous.strip().startsWith("#")) {
                break;
            }
            leadingComments.add(0, previous);
            above = previousStart - 1;
        }
        while (!body.isEmpty() && isBlankOrComment(body.get(body.size() - 1))) {
            body.remove(body.size() - 1);
        }
        List<String> all = new ArrayList<>(leadingComments);
        all.addAll(body);
        int indent = all.stream().filter(line -> !line.isBlank()).mapToInt(SourceText::indentation).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : all) {
            out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The lines of a text, without their line breaks ({@code \n} or {@code \r\n}). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            lines.add(text.substring(start, newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline));
            start = newline + 1;
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean isBlankOrComment(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    private static int indentation(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    /** The 1-based line and column of a char offset, for problems found before YAML parsing. */
    static int[] lineAndColumn(String text, int charOffset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < charOffset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, Math.min(charOffset, text.length())) + 1;
        return new int[] {line, column};
    }
}

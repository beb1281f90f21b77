package io.netpolviz.view;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain words of the little Markdown a lesson README uses, for text the app shows: emphasis
 * stars, code backticks, links and headings' hashes go, the words stay; an ASCII arrow between
 * two words reads as one. Paragraphs and list items become blocks of one line each.
 */
public final class MarkdownText {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)]*)\\)");
    private static final Pattern CODE = Pattern.compile("`+([^`]*)`+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("(?<![\\w_])_(?=\\S)([^_]+?)(?<=\\S)_(?![\\w_])");
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}(\\d+)[.)]\\s+(.*)$");
    private static final Pattern ARROW_RIGHT = Pattern.compile("(?<=^|\\s)->(?=\\s|$)");
    private static final Pattern ARROW_LEFT = Pattern.compile("(?<=^|\\s)<-(?=\\s|$)");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private MarkdownText() {
    }

    /** One inline run of Markdown as plain text: {@code **A** `b` [c](d) x -> y} reads {@code A b c x → y}. */
    public static String plain(String markdown) {
        String text = markdown.strip();
        Matcher heading = HEADING.matcher(text);
        if (heading.matches()) {
            text = heading.group(1);
        }
        // Code first: what is inside backticks is shown as it is, stars and all.
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        StringBuilder withoutCode = new StringBuilder();
        while (code.find()) {
            codes.add(code.group(1));
            code.appendReplacement(withoutCode, Matcher.quoteReplacement("\u0000" + (codes.size() - 1) + "\u0000"));
        }
        code.appendTail(withoutCode);
        text = withoutCode.toString();
        text = LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = STRONG.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
        text = EMPHASIS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = UNDERSCORE_EMPHASIS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        text = arrows(text);
        for (int i = 0; i < codes.size(); i++) {
            text = text.replace("\u0000" + i + "\u0000", arrows(codes.get(i)));
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * A sentence written for the command line, where {@code `name`} sets a name apart, as the app
     * shows it: the backticks go, the name stays (a name is already set apart by its link or its
     * words there). Only paired backticks on one line are taken; everything else stays as it is.
     */
    public static String withoutCodeMarks(String text) {
        return text.indexOf('`') < 0 ? text : INLINE_CODE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\n]+)`");

    /** {@code a -> b} as {@code a → b}: an arrow on its own between words, not one inside a word. */
    private static String arrows(String text) {
        return ARROW_RIGHT.matcher(ARROW_LEFT.matcher(text).replaceAll("\u2190")).replaceAll("\u2192");
    }

    /**
     * The paragraphs and list items of a stretch of Markdown, each as one line of plain text; a
     * numbered item keeps its number ({@code 1. }), a bulleted one loses its dash. Tables, fenced
     * code and headings are left out: they do not read as sentences.
     */
    public static List<String> blocks(List<String> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean fenced = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                flush(current, blocks);
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith("|") || HEADING.matcher(line).matches()) {
                flush(current, blocks);
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            if (bullet.matches()) {
                flush(current, blocks);
                current.append(bullet.group(1));
            } else if (numbered.matches()) {
                flush(current, blocks);
                current.append(numbered.group(1)).append(". ").append(numbered.group(2));
            } else {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(stripped);
            }
        }
        flush(current, blocks);
        return blocks;
    }

    private static void flush(StringBuilder current, List<String> blocks) {
        if (current.length() > 0) {
            String block = plain(current.toString());
            if (!block.isEmpty()) {
                blocks.add(block);
            }
            current.setLength(0);
        }
    }
}

package io.netpolviz.load;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps the lines of a document Helm rendered back to the lines of the template that produced it.
 * Helm keeps most template lines as they are, with {@code {{ ... }}} actions replaced by values,
 * so the lines are aligned in order: each rendered line goes to the next template line that reads
 * the same once actions match anything; a line no template line matches (from an include, a range,
 * a helper) goes to the last line matched. Good enough to open the template near the object.
 */
final class TemplateLines {

    private static final Pattern ACTION = Pattern.compile("\\{\\{-?.*?-?}}");
    /** How far ahead a rendered line looks for its template line: past conditionals, not across the file. */
    private static final int LOOK_AHEAD = 40;

    private TemplateLines() {
    }

    /**
     * The map for {@code rendered} (the text of one {@code # Source:} piece, whose first line is
     * {@code firstLine} of what is read) produced by {@code template}.
     */
    static LineMap of(String template, List<String> rendered, int firstLine) {
        if (template.isBlank()) {
            return LineMap.SAME;
        }
        List<Pattern> patterns = template.lines().map(TemplateLines::pattern).toList();
        int[] map = new int[rendered.size()];
        int next = 0;
        int last = 1;
        for (int i = 0; i < rendered.size(); i++) {
            String line = rendered.get(i).strip();
            for (int t = next; t < Math.min(patterns.size(), next + LOOK_AHEAD); t++) {
                if (!line.isEmpty() && patterns.get(t) != null && patterns.get(t).matcher(line).matches()) {
                    last = t + 1;
                    next = t + 1;
                    break;
                }
            }
            map[i] = last;
        }
        return read -> {
            int index = read - firstLine;
            return index >= 0 && index < map.length ? map[index] : read;
        };
    }

    /** A template line as a pattern: its text, with each action standing for any text; null for lines that render to nothing. */
    private static Pattern pattern(String templateLine) {
        String line = templateLine.strip();
        String withoutActions = ACTION.matcher(line).replaceAll("");
        if (withoutActions.isBlank() || line.startsWith("#")) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        int at = 0;
        var actions = ACTION.matcher(line);
        while (actions.find()) {
            regex.append(Pattern.quote(line.substring(at, actions.start()))).append(".*");
            at = actions.end();
        }
        regex.append(Pattern.quote(line.substring(at)));
        return Pattern.compile(regex.toString());
    }
}

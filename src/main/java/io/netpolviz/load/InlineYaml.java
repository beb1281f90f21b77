package io.netpolviz.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one-line pieces of YAML that {@link BlockYamlReader} reads itself: plain scalars up to a
 * comment, quoted scalars without escapes, and the flow collections {@code []}, {@code {}} and
 * {@code [a, "b", 80]}. Anything else throws {@link NotPlainYaml}.
 */
final class InlineYaml {

    private InlineYaml() {
    }

    /** Where a plain scalar ends: at a comment or the end of the line, trailing spaces left out. */
    static int plainEnd(String text, int at, int lineEnd) {
        int end = lineEnd;
        for (int i = at + 1; i < end; i++) {
            if (text.charAt(i) == '#' && text.charAt(i - 1) == ' ') {
                end = i;
                break;
            }
        }
        while (end > at && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    static String quoted(String text, int at, int lineEnd) {
        int close = closingQuote(text, at, lineEnd);
        String inside = text.substring(at + 1, close);
        return text.charAt(at) == '\'' ? inside.replace("''", "'") : inside;
    }

    /** The closing quote of a one-line quoted scalar without escapes. */
    static int closingQuote(String text, int at, int lineEnd) {
        char quote = text.charAt(at);
        for (int i = at + 1; i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                throw NotPlainYaml.INSTANCE;
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        throw NotPlainYaml.INSTANCE; // continued on the next line
    }

    static int flowEnd(String text, int at, int lineEnd) {
        char close = text.charAt(at) == '[' ? ']' : '}';
        for (int i = at; i < lineEnd; i++) {
            if (text.charAt(i) == close) {
                return i;
            }
        }
        throw NotPlainYaml.INSTANCE;
    }

    /** A list or a mapping of simple scalars, such as {@code ["TCP", 80]} or {@code {app: web}}. */
    static Object flow(String text, int open, int close, Function<String, Object> plain) {
        List<int[]> spans = flowSpans(text, open + 1, close);
        if (text.charAt(open) == '[') {
            List<Object> items = new ArrayList<>();
            for (int[] span : spans) {
                items.add(flowItem(text.substring(span[0], span[1]), plain));
            }
            return items;
        }
        Map<Object, Object> mapping = new LinkedHashMap<>();
        for (int[] span : spans) {
            int colon = flowColon(text, span);
            Object key = flowItem(text.substring(span[0], colon).strip(), plain);
            if (key == null || mapping.containsKey(key)) {
                throw NotPlainYaml.INSTANCE;
            }
            mapping.put(key, flowItem(text.substring(colon + 2, span[1]).strip(), plain));
        }
        return mapping;
    }

    /** The spans [start, end) of the comma-separated items from {@code from} to {@code to}, spaces left out; none when blank. */
    static List<int[]> flowSpans(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        if (text.substring(from, to).isBlank()) {
            return spans;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == ',') {
                int[] span = {start, i};
                while (span[0] < span[1] && text.charAt(span[0]) == ' ') {
                    span[0]++;
                }
                while (span[1] > span[0] && text.charAt(span[1] - 1) == ' ') {
                    span[1]--;
                }
                spans.add(span);
                start = i + 1;
            }
        }
        return spans;
    }

    /** The colon of a flow mapping's entry {@code key: value}. */
    static int flowColon(String text, int[] span) {
        int colon = text.indexOf(": ", span[0]);
        if (colon < 0 || colon >= span[1]) {
            throw NotPlainYaml.INSTANCE;
        }
        return colon;
    }

    /** A key as written, without its quotes: what SnakeYAML's node holds and a field path names. */
    static String written(String item) {
        if (item.length() >= 2 && item.charAt(0) == '"') {
            return item.substring(1, item.length() - 1);
        }
        return item.length() >= 2 && item.charAt(0) == '\'' ? item.substring(1, item.length() - 1).replace("''", "'") : item;
    }

    private static Object flowItem(String item, Function<String, Object> plain) {
        if (item.length() >= 2 && (item.charAt(0) == '"' || item.charAt(0) == '\'') && item.charAt(item.length() - 1) == item.charAt(0)) {
            String inside = item.substring(1, item.length() - 1);
            if (inside.indexOf(item.charAt(0)) < 0 && inside.indexOf('\\') < 0) {
                return inside;
            }
            throw NotPlainYaml.INSTANCE;
        }
        if (item.isEmpty()) {
            throw NotPlainYaml.INSTANCE;
        }
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            boolean simple = Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '/' || (c == '-' && i > 0);
            if (!simple || c > 127) {
                throw NotPlainYaml.INSTANCE;
            }
        }
        return plain.apply(item);
    }

    /** The characters that cannot start a plain scalar in block context, or start something else there. */
    static boolean isIndicator(char c) {
        return "-?:,[]{}#&*!|>'\"%@`".indexOf(c) >= 0;
    }
}

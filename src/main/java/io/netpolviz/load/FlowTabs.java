package io.netpolviz.load;

/**
 * Tabs inside a flow collection ({@code [...]}, {@code {...}}) written as spaces. YAML allows a
 * tab as white space there (YAML 1.2, 6.2: "tab characters must not be used in indentation", but
 * flow content is not indented), and Go's YAML reader, which kubectl and netpol-analyzer use,
 * takes such files; SnakeYAML refuses the tab ("found character '\t' that cannot start any
 * token"), which would lose the rest of the file. Only tabs outside quotes, comments and block
 * scalars change, one character for one, so every line and column stays where it was.
 */
final class FlowTabs {

    private FlowTabs() {
    }

    /** The text with its flow collections' tabs written as spaces; the same text when it has none. */
    static String spaced(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        char[] out = text.toCharArray();
        int n = out.length;
        boolean changed = false;
        int depth = 0;
        boolean nodeStart = true;
        boolean lineStart = true;
        int lineIndent = 0;
        int blockScalarParent = -1;
        int i = 0;
        while (i < n) {
            if (lineStart) {
                int lineEnd = lineEnd(text, i);
                int indent = i;
                while (indent < lineEnd && out[indent] == ' ') {
                    indent++;
                }
                if (blockScalarParent >= 0 && (text.substring(i, lineEnd).isBlank() || indent - i > blockScalarParent)) {
                    i = lineEnd + 1;
                    continue;
                }
                blockScalarParent = -1;
                lineIndent = indent - i;
                nodeStart |= depth == 0;
                lineStart = false;
                i = indent;
                continue;
            }
            char c = out[i];
            if (c == '\n') {
                lineStart = true;
                i++;
            } else if (c == '#' && (i == 0 || out[i - 1] == ' ' || out[i - 1] == '\t' || out[i - 1] == '\n')) {
                i = lineEnd(text, i);
            } else if (nodeStart && (c == '"' || c == '\'')) {
                i = quoteEnd(out, i, c) + 1;
                nodeStart = false;
            } else if (depth > 0) {
                if (c == '\t') {
                    out[i] = ' ';
                    changed = true;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    depth--;
                }
                if (c == '[' || c == '{' || c == ',' || c == ':') {
                    nodeStart = true;
                } else if (c != ' ' && c != '\t') {
                    nodeStart = false;
                }
                i++;
            } else if (nodeStart && (c == '[' || c == '{')) {
                depth = 1;
                i++;
            } else if (nodeStart && (c == '|' || c == '>')) {
                // A block scalar: its lines, indented deeper than this one, are text, not YAML.
                blockScalarParent = lineIndent;
                i = lineEnd(text, i);
            } else {
                boolean indicator = (c == '-' || c == ':') && (i + 1 == n || out[i + 1] == ' ' || out[i + 1] == '\n');
                nodeStart = indicator || nodeStart && c == ' ';
                i++;
            }
        }
        return changed ? new String(out) : text;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** Where the quoted scalar opened at {@code start} closes (its last character), possibly on a later line. */
    private static int quoteEnd(char[] text, int start, char quote) {
        for (int at = start + 1; at < text.length; at++) {
            if (quote == '"' && text[at] == '\\') {
                at++;
            } else if (text[at] == quote) {
                if (quote == '\'' && at + 1 < text.length && text[at + 1] == '\'') {
                    at++;
                } else {
                    return at;
                }
            }
        }
        return text.length;
    }
}

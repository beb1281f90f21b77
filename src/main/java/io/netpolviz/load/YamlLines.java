package io.netpolviz.load;

/**
 * The lines of a text as {@link BlockYamlReader} walks them: where each starts, where its content
 * ends (before {@code \n} or {@code \r\n}) and its indentation, or -1 for a blank or comment line.
 * A text with what the fast reader leaves to SnakeYAML in its line structure (tabs, a byte order
 * mark, lone carriage returns, the other line breaks YAML 1.1 knows) is refused with
 * {@link NotPlainYaml}.
 */
final class YamlLines {

    final String text;
    final int[] starts;
    final int[] ends;
    final int[] indents;

    private YamlLines(String text, int count) {
        this.text = text;
        this.starts = new int[count];
        this.ends = new int[count];
        this.indents = new int[count];
    }

    static YamlLines of(String text) {
        if (text.indexOf('\t') >= 0 || text.startsWith("\uFEFF") || hasOtherLineBreaks(text)) {
            throw NotPlainYaml.INSTANCE;
        }
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        YamlLines lines = new YamlLines(text, count);
        lines.split();
        return lines;
    }

    /** NEL, LS and PS break lines in YAML 1.1 as SnakeYAML reads it. */
    private static boolean hasOtherLineBreaks(String text) {
        return text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
    }

    private boolean hasCarriageReturn(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    private void split() {
        boolean carriageReturns = text.indexOf('\r') >= 0;
        int line = 0;
        int start = 0;
        while (line < starts.length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (carriageReturns && hasCarriageReturn(start, contentEnd)) {
                throw NotPlainYaml.INSTANCE; // a lone carriage return breaks lines for YAML, not here
            }
            starts[line] = start;
            ends[line] = contentEnd;
            int indent = 0;
            while (start + indent < contentEnd && text.charAt(start + indent) == ' ') {
                indent++;
            }
            boolean blank = start + indent == contentEnd || text.charAt(start + indent) == '#';
            indents[line] = blank ? -1 : indent;
            line++;
            start = end + 1;
        }
    }

    /** A line holding {@code ---} alone (a comment may follow): the next document starts. */
    boolean isDocumentMarker(int line) {
        int start = starts[line];
        if (!text.startsWith("---", start)) {
            return false;
        }
        int after = start + 3;
        if (after == ends[line]) {
            return true;
        }
        if (text.charAt(after) != ' ') {
            return false;
        }
        int rest = skipSpaces(line, after);
        if (rest < ends[line] && text.charAt(rest) != '#') {
            throw NotPlainYaml.INSTANCE; // content on the marker's line
        }
        return true;
    }

    boolean isSequenceEntry(int line, int column) {
        int at = starts[line] + column;
        return at < ends[line] && text.charAt(at) == '-' && (at + 1 == ends[line] || text.charAt(at + 1) == ' ');
    }

    /** The column of a char of a line as editors and SnakeYAML count it: in code points, 1-based. */
    int column(int line, int charColumn) {
        return text.codePointCount(starts[line], starts[line] + charColumn) + 1;
    }

    int skipSpaces(int line, int from) {
        int at = from;
        while (at < ends[line] && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}

package io.netpolviz.load;

/**
 * The lines of a YAML text as {@link BlockYamlReader} reads them: where each starts, where its
 * content ends (before any line break), and its indentation, or -1 when it is blank or a comment.
 */
final class YamlLines {

    final String text;
    final int[] starts;
    final int[] ends;
    final int[] indents;

    private YamlLines(String text, int lines) {
        this.text = text;
        this.starts = new int[lines];
        this.ends = new int[lines];
        this.indents = new int[lines];
    }

    /**
     * The lines of {@code text}, or null when it needs the full parser: tabs, a byte order mark,
     * or line breaks other than LF and CRLF.
     */
    static YamlLines split(String text) {
        if (text.indexOf('\t') >= 0 || text.startsWith("\uFEFF") || hasOtherLineBreaks(text)) {
            return null;
        }
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        YamlLines lines = new YamlLines(text, count);
        return lines.fill() ? lines : null;
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

    /** Fills the tables; false when a lone carriage return breaks a line, which YAML reads as a line break and this reader not. */
    private boolean fill() {
        boolean carriageReturns = text.indexOf('\r') >= 0;
        int line = 0;
        int start = 0;
        while (line < starts.length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (carriageReturns && hasCarriageReturn(start, contentEnd)) {
                return false;
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
        return true;
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

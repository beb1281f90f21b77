package io.netpolviz.view;

import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.SourceRef;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A policy's YAML as written, with the lines of some of its rules marked in the gutter, so the
 * panel shows which rule did the admitting without losing the context around it.
 */
public final class RuleMarker {

    public static final String MARK = "\u25B6 ";
    static final String BLANK = "  ";

    private RuleMarker() {
    }

    /**
     * The policy's source text with a gutter; lines of the rules at {@code ruleStarts} are marked.
     * A rule runs from its own line down to the last line indented at least as deep as its first key.
     * Without source text, the policy's identity and file position stand in.
     */
    public static String marked(NetworkPolicy policy, Collection<SourceRef> ruleStarts) {
        String text = policy.sourceText();
        if (text.isBlank()) {
            return "(no YAML recorded for " + policy.id() + ", defined at " + policy.where().display() + ")\n";
        }
        List<String> lines = text.lines().toList();
        Set<Integer> markedLines = new TreeSet<>();
        int firstLine = policy.where().line();
        // The loader keeps the comments above a policy and removes the indentation of a list item.
        int leading = 0;
        while (leading < lines.size() && (lines.get(leading).isBlank() || lines.get(leading).strip().startsWith("#"))) {
            leading++;
        }
        int removedIndent = Math.max(0, policy.where().column() - 1);
        for (SourceRef start : ruleStarts) {
            int index = leading + start.line() - firstLine;
            if (firstLine <= 0 || start.line() <= 0 || !start.file().equals(policy.where().file())
                    || index < 0 || index >= lines.size()) {
                continue;
            }
            int keyIndent = Math.max(0, start.column() - 1 - removedIndent);
            markedLines.add(index);
            for (int i = index + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                if (indentOf(line) < keyIndent) {
                    break;
                }
                markedLines.add(i);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(markedLines.contains(i) ? MARK : BLANK).append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }
}

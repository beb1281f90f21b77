package io.netpolviz.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, without parsing YAML, the documents of a text whose kind is skipped anyway (a
 * CustomResourceDefinition, a ConfigMap, RBAC): real trees are mostly such objects, CRDs with
 * schemas of thousands of lines, and composing their node trees was most of a load. A document
 * is recognised only when it is a block mapping written the common way, with {@code apiVersion:}
 * and {@code kind:} at column 0 as plain or quoted scalars before any other sign of them; anything
 * else is left to the parser. The skipped documents are cut down to their line breaks, which keeps every line and
 * column of the documents that are parsed (their offsets move: the text handed on is the one parsed).
 */
final class KindSniffer {

    /** A document left out: its kind, apiVersion and the 1-based line and column where it starts. */
    record Skipped(String kind, String apiVersion, int line, int column) {
    }

    /** The text to parse (skipped documents cut down to their line breaks) and the documents skipped, in order. */
    record Result(String text, List<Skipped> skipped) {
    }

    private static final Pattern TOP_FIELD = Pattern.compile("^(apiVersion|kind):[ \\t]*([\"']?)([A-Za-z0-9./_-]+)\\2[ \\t]*(#.*)?$");

    private KindSniffer() {
    }

    static Result sniff(String text) {
        String first = text.stripLeading();
        if (first.startsWith("{") || first.startsWith("[") || !text.contains("kind:")) {
            return new Result(text, List.of());
        }
        List<Skipped> skipped = new ArrayList<>();
        StringBuilder kept = null;
        int copiedUpTo = 0;
        int documentStart = 0;
        int line = 1;
        int documentLine = 1;
        int at = 0;
        while (at <= text.length()) {
            int end = text.indexOf('\n', at);
            int lineEnd = end < 0 ? text.length() : end;
            boolean marker = isDocumentMarker(text, at, lineEnd);
            if (marker || end < 0) {
                int documentEnd = marker ? at : text.length();
                Skipped found = skippable(text, documentStart, documentEnd, documentLine);
                if (found != null) {
                    kept = kept == null ? new StringBuilder(text.length() / 4) : kept;
                    kept.append(text, copiedUpTo, documentStart);
                    lineBreaksOf(text, documentStart, documentEnd, kept);
                    copiedUpTo = documentEnd;
                    skipped.add(found);
                }
                documentStart = lineEnd + 1;
                documentLine = line + 1;
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
            line++;
        }
        if (kept == null) {
            return new Result(text, List.of());
        }
        kept.append(text, copiedUpTo, text.length());
        return new Result(kept.toString(), List.copyOf(skipped));
    }

    private static boolean isDocumentMarker(String text, int lineStart, int lineEnd) {
        boolean starts = text.startsWith("---", lineStart) || text.startsWith("...", lineStart);
        return starts && (lineEnd - lineStart == 3 || Character.isWhitespace(text.charAt(lineStart + 3)));
    }

    /** The document's kind and apiVersion when it is skipped and can be recognised safely, else null. */
    private static Skipped skippable(String text, int start, int end, int firstLine) {
        String kind = null;
        String apiVersion = null;
        int contentLine = 0;
        int line = firstLine;
        for (int at = start; at < end; line++) {
            int newline = text.indexOf('\n', at);
            int lineEnd = newline < 0 ? end : Math.min(end, newline);
            // Indented, blank and comment lines are most of a document: looked at without copying them.
            if (at >= lineEnd || text.charAt(at) == '#' || Character.isWhitespace(text.charAt(at))) {
                at = lineEnd + 1;
                continue;
            }
            String row = text.substring(at, lineEnd);
            at = lineEnd + 1;
            if (contentLine == 0) {
                contentLine = line;
            }
            char lead = row.charAt(0);
            if (lead == '%' || lead == '{' || lead == '[' || lead == '&' || lead == '!' || lead == '*' || lead == '?' || lead == '-') {
                // A directive, a flow or anchored root, a list: the parser's job.
                return null;
            }
            Matcher field = TOP_FIELD.matcher(row.stripTrailing());
            if (field.matches()) {
                boolean isKind = field.group(1).equals("kind");
                if ((isKind ? kind : apiVersion) != null) {
                    return null;
                }
                if (isKind) {
                    kind = field.group(3);
                } else {
                    apiVersion = field.group(3);
                }
                if (kind != null && apiVersion != null) {
                    // Enough: the rest of a CRD is its schema. A field given twice further down goes unreported, as the
                    // rest of a skipped object does.
                    break;
                }
            } else if (row.startsWith("kind") || row.startsWith("apiVersion")) {
                return null;
            }
        }
        if (kind == null || apiVersion == null || kind.endsWith("List") || !(ApiKinds.decide(apiVersion, kind) instanceof ApiKinds.Skip)) {
            return null;
        }
        return new Skipped(kind, apiVersion, contentLine, 1);
    }

    private static void lineBreaksOf(String text, int start, int end, StringBuilder into) {
        for (int i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
            into.append('\n');
        }
    }
}

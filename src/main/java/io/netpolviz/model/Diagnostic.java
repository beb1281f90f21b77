package io.netpolviz.model;

/**
 * A problem found while reading a source, with where it is and a plain message that says what
 * is wrong and, where it helps, what to do.
 */
public record Diagnostic(Severity severity, SourceRef where, String message) implements Comparable<Diagnostic> {

    public static Diagnostic error(SourceRef where, String message) {
        return new Diagnostic(Severity.ERROR, where, message);
    }

    public static Diagnostic warning(SourceRef where, String message) {
        return new Diagnostic(Severity.WARNING, where, message);
    }

    public static Diagnostic note(SourceRef where, String message) {
        return new Diagnostic(Severity.NOTE, where, message);
    }

    /** {@code file:line:column: error: message}, the form compilers use and editors link. */
    public String display() {
        return where.display() + ": " + severity.label() + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byFile = where.file().compareTo(other.where.file());
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(where.line(), other.where.line());
        if (byLine != 0) {
            return byLine;
        }
        int byColumn = Integer.compare(where.column(), other.where.column());
        return byColumn != 0 ? byColumn : message.compareTo(other.message);
    }
}

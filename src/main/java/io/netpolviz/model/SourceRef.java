package io.netpolviz.model;

/**
 * Where an object or a problem comes from: a file with a 1-based line and column, or a
 * live-cluster origin such as {@code cluster:context/kind/ns/name} with line 0.
 */
public record SourceRef(String file, int line, int column) {

    /** For objects that were never written anywhere, such as implicit namespaces. */
    public static final SourceRef NONE = new SourceRef("", 0, 0);

    public SourceRef {
        file = file == null ? "" : file;
    }

    public static SourceRef of(String file) {
        return new SourceRef(file, 0, 0);
    }

    /** {@code file:line:column}, shortened to what is known. */
    public String display() {
        if (file.isEmpty()) {
            return "(no source)";
        }
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return display();
    }
}

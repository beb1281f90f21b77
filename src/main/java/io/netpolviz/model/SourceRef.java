package io.netpolviz.model;

/**
 * Where an object or a problem comes from: a file with a 1-based line and column, or a
 * live-cluster origin such as {@code cluster:context/kind/ns/name} with line 0.
 *
 * @param file the file's path, or the cluster origin's name, for display; empty when nowhere
 * @param origin what the reference points into, decided where it is made: readers of a
 *     reference ask this rather than guess from the name
 * @param resourceKind for a cluster origin, the API kind it names ({@code NetworkPolicy},
 *     {@code Pod}); empty otherwise
 */
public record SourceRef(String file, int line, int column, Origin origin, String resourceKind) {

    /** What a reference points into. */
    public enum Origin {
        /** Nothing was ever written anywhere, such as an implicit namespace. */
        NOWHERE,
        /** A file that can be opened and shown at the line. */
        FILE,
        /** An object, or a kind of resource, of a live cluster: there is no file to show. */
        CLUSTER
    }

    /** For objects that were never written anywhere, such as implicit namespaces. */
    public static final SourceRef NONE = new SourceRef("", 0, 0);

    public SourceRef {
        file = file == null ? "" : file;
        origin = origin == null ? (file.isEmpty() ? Origin.NOWHERE : Origin.FILE) : origin;
        resourceKind = resourceKind == null ? "" : resourceKind;
    }

    /** A place in a file (nowhere when {@code file} is empty). */
    public SourceRef(String file, int line, int column) {
        this(file, line, column, null, "");
    }

    /** A whole file. */
    public static SourceRef of(String file) {
        return new SourceRef(file, 0, 0);
    }

    /**
     * An object or a kind of resource of a live cluster.
     *
     * @param name {@code cluster:<context>/<Kind>[/...]}, as the cluster reader names it
     * @param resourceKind the API kind it is about
     */
    public static SourceRef inCluster(String name, String resourceKind) {
        return new SourceRef(name, 0, 0, Origin.CLUSTER, resourceKind);
    }

    /** Whether there is a file to open at this place. */
    public boolean isFile() {
        return origin == Origin.FILE;
    }

    /** Whether this names an object or resource of kind {@code kind} of a live cluster. */
    public boolean isInCluster(String kind) {
        return origin == Origin.CLUSTER && resourceKind.equals(kind);
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

package io.netpolviz.view;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tutorial lesson that ships inside the app, so that a first start shows something real. The
 * build copies {@code sample-clusters/01-tutorial} into the jar; it is copied out to a temporary
 * folder and opened like any other, which keeps the loader, the steps and the file links the same.
 */
public final class BundledSample {

    /** Where the build puts the lesson on the classpath. */
    static final String RESOURCE = "/samples/01-tutorial";

    private BundledSample() {
    }

    /** Copies the lesson to a new temporary folder (removed when the app exits) and returns it. */
    public static Path extract() throws IOException {
        URL url = BundledSample.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("this build has no bundled tutorial (" + RESOURCE + " is not on the classpath)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource address " + url, e);
        }
        Path target = Files.createTempDirectory("netpolviz-").resolve("01-tutorial");
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar;
            boolean opened = false;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            try {
                copyTree(jar.provider().getPath(uri), target);
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        } else {
            copyTree(Path.of(uri), target);
        }
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> all;
        try (Stream<Path> tree = Files.walk(source)) {
            all = tree.sorted().toList();
        }
        target.getParent().toFile().deleteOnExit();
        for (Path from : all) {
            // Resolve by name: the jar's paths belong to another file system.
            Path to = target;
            for (Path part : source.relativize(from)) {
                to = to.resolve(part.toString());
            }
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
            // Deletion on exit runs in reverse order of registration: files before their folders.
            to.toFile().deleteOnExit();
        }
    }
}

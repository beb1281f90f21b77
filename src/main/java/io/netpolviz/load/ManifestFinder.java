package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Expands the paths a user gave into the manifest files to read: files as given, folders
 * walked recursively in name order for {@code .yaml}, {@code .yml} and {@code .json} files.
 * Hidden folders ({@code .git}) are skipped, symbolic link loops refused, and a file reached
 * twice is read once. A folder with a {@code Chart.yaml} is one Helm chart, read by rendering it
 * (its templates are not YAML); a kustomization and its patches are not objects
 * ({@link Kustomizations}). Whatever cannot be used becomes a diagnostic.
 */
final class ManifestFinder {

    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private final Consumer<Diagnostic> report;
    private final Map<Path, String> filesByRealPath = new HashMap<>();
    private final List<ManifestFile> files = new ArrayList<>();
    private final Kustomizations kustomizations = new Kustomizations();

    ManifestFinder(Consumer<Diagnostic> report) {
        this.report = report;
    }

    List<ManifestFile> find(List<Path> paths) {
        for (Path given : paths) {
            String display = given.toString();
            if (Files.isDirectory(given)) {
                walk(given, new ArrayDeque<>());
            } else if (Files.isRegularFile(given)) {
                addFile(given, display);
            } else {
                reportMissing(given, display, "does not exist; check the path");
            }
        }
        kustomizations.note().ifPresent(report);
        return List.copyOf(files);
    }

    private void walk(Path folder, Deque<Path> enclosingFolders) {
        String display = folder.toString();
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            error(display, "cannot be opened (" + reason(e) + ")");
            return;
        }
        if (enclosingFolders.contains(real)) {
            error(display, "is a symbolic link loop: it leads back to " + real + ", a folder that contains it; it is skipped");
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            error(display, "cannot be listed (" + reason(e) + "); its files are skipped");
            return;
        }
        if (Files.isRegularFile(folder.resolve(HelmCharts.CHART_FILE))) {
            files.add(new ManifestFile(folder, display, true));
            return;
        }
        Kustomizations.fileOf(folder).ifPresent(kustomization -> kustomizations.add(folder, display, kustomization));
        children.sort(Comparator.comparing(child -> child.getFileName().toString()));
        enclosingFolders.push(real);
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (!name.startsWith(".")) {
                    walk(child, enclosingFolders);
                }
            } else if (isManifestName(name) && !kustomizations.isNotAnObject(child)) {
                if (Files.isRegularFile(child)) {
                    addFile(child, child.toString());
                } else {
                    reportMissing(child, child.toString(), "cannot be read");
                }
            }
        }
        enclosingFolders.pop();
    }

    private void addFile(Path path, String display) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            real = path.toAbsolutePath().normalize();
        }
        String first = filesByRealPath.putIfAbsent(real, display);
        if (first != null) {
            report.accept(Diagnostic.note(SourceRef.of(display), "is the same file as " + first + " and is read only once"));
            return;
        }
        files.add(new ManifestFile(path, display));
    }

    /** A path that is neither a folder nor a regular file: say why, as precisely as the file system lets us. */
    private void reportMissing(Path path, String display, String otherwise) {
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "?";
            }
            error(display, "is a symbolic link to " + target + ", which does not exist; fix or remove the link");
        } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            error(display, "is not a regular file or a folder; give manifest files or folders of them");
        } else {
            error(display, otherwise);
        }
    }

    static boolean isManifestName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private void error(String display, String message) {
        report.accept(Diagnostic.error(SourceRef.of(display), message));
    }

    static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}

package io.netpolviz.view;

import io.netpolviz.model.SourceRef;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a thing is written, as the app shows it to a learner: relative to the lesson or folder
 * that was opened (the bundled tutorial lives in a temporary folder nobody should have to read).
 * Lesson notes lose their Markdown marks where they are read ({@link MarkdownText}).
 */
public final class SourcePlace {

    private SourcePlace() {
    }

    /**
     * Where a policy or workload is written, as {@code 3-tutorial-allows/deny-all.yaml:4}: relative
     * to the lesson's folder (or the folder opened, or the opened files' folder); a cluster object
     * as its origin; nothing when it was never written anywhere.
     */
    public static String place(SourceRef where, Workspace workspace) {
        if (!where.isFile()) {
            return where.file().isEmpty() ? "" : where.display();
        }
        String file = relative(where.file(), workspace);
        return where.line() > 0 ? file + ":" + where.line() : file;
    }

    private static String relative(String file, Workspace workspace) {
        Path path;
        try {
            path = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return file;
        }
        Path root = rootOf(workspace);
        if (root != null && path.startsWith(root) && !path.equals(root)) {
            return root.relativize(path).toString().replace('\\', '/');
        }
        // Outside what was opened: the file's name says enough, and never a temporary folder.
        return workspace != null && workspace.bundled() || path.getFileName() == null ? String.valueOf(path.getFileName()) : file;
    }

    private static Path rootOf(Workspace workspace) {
        if (workspace == null || workspace.live()) {
            return null;
        }
        if (workspace.hasSteps()) {
            return workspace.steps().root().toAbsolutePath().normalize();
        }
        List<Path> place = workspace.place();
        Path first = place.get(0).toAbsolutePath().normalize();
        if (place.size() == 1 && Files.isDirectory(first)) {
            return first;
        }
        Path common = first.getParent();
        for (Path other : place) {
            Path normal = other.toAbsolutePath().normalize();
            while (common != null && !normal.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }
}

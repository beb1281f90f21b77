package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Helm charts in a git revision: which folders are charts (they hold a {@code Chart.yaml}; a chart's
 * own {@code charts/} dependencies belong to it), and rendering one from its files held in memory by
 * writing them to a temporary folder for the embedded Helm, which reads charts from disk only, and
 * removing the folder after.
 */
final class GitCharts {

    private GitCharts() {
    }

    /** The folders of {@code paths} that are charts, outermost only, sorted. */
    static List<String> roots(Set<String> paths) {
        List<String> roots = new ArrayList<>();
        paths.stream().filter(path -> path.equals(HelmCharts.CHART_FILE) || path.endsWith("/" + HelmCharts.CHART_FILE))
                .map(path -> path.length() == HelmCharts.CHART_FILE.length() ? "" : path.substring(0, path.length() - HelmCharts.CHART_FILE.length() - 1))
                .sorted(Comparator.comparingInt(String::length)).forEach(folder -> {
                    if (roots.stream().noneMatch(root -> chartOf(folder + "/", List.of(root)) != null)) {
                        roots.add(folder);
                    }
                });
        roots.sort(Comparator.naturalOrder());
        return roots;
    }

    /** The chart folder {@code path} belongs to, or null. */
    static String chartOf(String path, List<String> roots) {
        for (String root : roots) {
            if (root.isEmpty() || path.startsWith(root + "/")) {
                return root;
            }
        }
        return null;
    }

    /** The templates of the chart whose files (named {@code chart + "/" + relative path}) are {@code files}. */
    static List<HelmCharts.Rendered> render(String chart, List<ManifestBytes> files, ChartValues values, Consumer<Diagnostic> report) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("netpolviz-chart");
            for (ManifestBytes file : files) {
                Path target = folder.resolve(file.display().substring(chart.length() + 1)).normalize();
                if (!target.startsWith(folder)) {
                    continue; // a name that leaves the folder: never written
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
            return HelmCharts.render(new ManifestFile(folder, chart, true), values, report);
        } catch (IOException e) {
            report.accept(Diagnostic.error(SourceRef.of(chart + "/" + HelmCharts.CHART_FILE),
                    "this Helm chart could not be written to a temporary folder to render it (" + e.getMessage() + ")"));
            return List.of();
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

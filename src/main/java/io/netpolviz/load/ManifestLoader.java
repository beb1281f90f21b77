package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Loads Kubernetes manifests (YAML or JSON files, or folders of them) into a
 * {@link ClusterSnapshot}. It never throws for bad input: every problem becomes a diagnostic
 * with the file, line and column, and everything else still loads.
 */
public final class ManifestLoader {

    /** What a diagnostic of an internal error asks of the user; the stack trace is logged at debug level. */
    static final String PLEASE_REPORT = "please report it with the stack trace that --verbose (or NETPOLVIZ_DEBUG=1) prints";

    private static final System.Logger LOG = System.getLogger(ManifestLoader.class.getName());

    private final LoadLimits limits;
    private final ChartValues chartValues;
    /** Texts parsed by this loader or another that shares them; null: every text is parsed here. */
    private final ParsedTexts shared;

    public ManifestLoader() {
        this(LoadLimits.DEFAULT);
    }

    public ManifestLoader(LoadLimits limits) {
        this(limits, null);
    }

    /**
     * A loader that shares parsed texts with the other loaders given the same {@code shared}: the two
     * sides of a diff, read at once, parse each file they have in common once.
     */
    public ManifestLoader(ParsedTexts shared) {
        this(LoadLimits.DEFAULT, shared);
    }

    private ManifestLoader(LoadLimits limits, ParsedTexts shared) {
        this(limits, shared, ChartValues.DEFAULTS);
    }

    private ManifestLoader(LoadLimits limits, ParsedTexts shared, ChartValues chartValues) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.shared = shared;
        this.chartValues = Objects.requireNonNull(chartValues, "chartValues");
    }

    /** This loader, rendering the Helm charts it meets with {@code values} instead of their defaults alone. */
    public ManifestLoader withChartValues(ChartValues values) {
        return new ManifestLoader(limits, shared, values);
    }

    /**
     * Reads the files and folders (recursively, in name order) and builds one snapshot named
     * after the paths as given.
     */
    public ClusterSnapshot load(List<Path> paths) {
        long start = System.nanoTime();
        SnapshotBuilder builder = new SnapshotBuilder();
        List<ManifestFile> files = new ManifestFinder(builder::report).find(paths);
        if (!chartValues.isDefault() && files.stream().noneMatch(ManifestFile::helmChart)) {
            builder.report(Diagnostic.warning(SourceRef.of(paths.stream().map(Path::toString).collect(Collectors.joining(", "))),
                    "Helm values were given (--values, --set) but there is no Helm chart (a folder with Chart.yaml) here; they are not used"));
        }
        for (ManifestFile file : files) {
            try {
                loadFile(file, builder);
            } catch (RuntimeException | StackOverflowError unexpected) {
                LOG.log(System.Logger.Level.DEBUG, "internal error while reading " + file.display(), unexpected);
                builder.report(Diagnostic.error(SourceRef.of(file.display()),
                        "could not be read because of an internal error (" + unexpected + "); " + PLEASE_REPORT));
            }
        }
        String sourceName = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
        ClusterSnapshot snapshot = builder.build(sourceName);
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                "loaded %s: %d files, %d workloads, %d policies, %d diagnostics in %d ms", sourceName, files.size(),
                snapshot.workloads().size(), snapshot.policies().size(), snapshot.diagnostics().size(),
                (System.nanoTime() - start) / 1_000_000));
        // Objects left out for errors explain themselves; an input with nothing at all to read says so.
        return snapshot.namespaces().isEmpty() && snapshot.clusterPolicies().isEmpty() && !snapshot.hasErrors()
                ? withNothingReadSaid(snapshot, sourceName, files.size())
                : snapshot;
    }

    /** An empty picture must not look like an empty cluster: say that nothing NetPolViz reads was found, and where it looked. */
    private static ClusterSnapshot withNothingReadSaid(ClusterSnapshot snapshot, String sourceName, int files) {
        List<Diagnostic> diagnostics = new java.util.ArrayList<>(snapshot.diagnostics());
        String read = files == 0 ? "no .yaml, .yml or .json file was found there"
                : (files == 1 ? "1 file was read" : files + " files were read") + ", but none holds a Namespace, Pod, workload, Service or policy";
        diagnostics.add(Diagnostic.warning(SourceRef.of(sourceName), "nothing to show: " + read
                + ". Open the folder that holds the manifests, or render a Helm chart or kustomization first"
                + " (helm template, kubectl kustomize) and open the result"));
        return snapshot.withDiagnostics(diagnostics);
    }

    /**
     * Builds one snapshot from manifests held in memory (a git revision's files), each named by
     * its {@link ManifestBytes#display()} in diagnostics, in the order given.
     */
    public ClusterSnapshot loadBytes(String sourceName, List<ManifestBytes> manifests) {
        SnapshotBuilder builder = new SnapshotBuilder();
        java.util.Map<String, List<ManifestBytes>> charts = new java.util.TreeMap<>();
        manifests.stream().filter(manifest -> manifest.chart() != null)
                .forEach(manifest -> charts.computeIfAbsent(manifest.chart(), chart -> new java.util.ArrayList<>()).add(manifest));
        charts.forEach((chart, files) -> {
            for (HelmCharts.Rendered rendered : GitCharts.render(chart, files, chartValues, builder::report)) {
                loadText(rendered.display(), new SourceText(rendered.text()), builder, rendered.lines());
            }
        });
        for (ManifestBytes manifest : manifests) {
            if (manifest.chart() != null) {
                continue;
            }
            try {
                ManifestText.decode(manifest.display(), manifest.bytes(), limits.maxFileBytes(), builder::report)
                        .ifPresent(text -> loadText(manifest.display(), text, builder));
            } catch (RuntimeException | StackOverflowError unexpected) {
                LOG.log(System.Logger.Level.DEBUG, "internal error while reading " + manifest.display(), unexpected);
                builder.report(Diagnostic.error(SourceRef.of(manifest.display()),
                        "could not be read because of an internal error (" + unexpected + "); " + PLEASE_REPORT));
            }
        }
        return builder.build(sourceName);
    }

    /**
     * Parses the files of {@code paths}, last first, into the texts this loader shares, without
     * building anything: a load of the other side, going first to last, meets it in the middle, so
     * the two sides' files are parsed on two threads at once. Problems are left to the loads.
     */
    public void parseAhead(List<Path> paths) {
        if (shared == null) {
            return;
        }
        List<ManifestFile> files = new java.util.ArrayList<>(new ManifestFinder(problem -> { }).find(paths));
        files.removeIf(ManifestFile::helmChart);
        java.util.Collections.reverse(files);
        for (ManifestFile file : files) {
            try {
                ManifestText.read(file, limits.maxFileBytes(), problem -> { }).ifPresent(text -> shared.parseAhead(file.display(), new SourceText(KindSniffer.sniff(text.text()).text()), limits));
            } catch (RuntimeException | StackOverflowError unexpected) {
                // The load reads the file again and reports what went wrong there.
                LOG.log(System.Logger.Level.DEBUG, "internal error while parsing " + file.display() + " ahead", unexpected);
            }
        }
    }

    private void loadFile(ManifestFile file, SnapshotBuilder builder) {
        if (file.helmChart()) {
            for (HelmCharts.Rendered rendered : HelmCharts.render(file, chartValues, builder::report)) {
                loadText(rendered.display(), new SourceText(rendered.text()), builder, rendered.lines());
            }
            return;
        }
        ManifestText.read(file, limits.maxFileBytes(), builder::report).ifPresent(text -> loadText(file.display(), text, builder));
    }

    private void loadText(String display, SourceText text, SnapshotBuilder builder) {
        loadText(display, text, builder, LineMap.SAME);
    }

    private void loadText(String display, SourceText written, SnapshotBuilder builder, LineMap lines) {
        KindSniffer.Result sniffed = KindSniffer.sniff(written.text());
        for (KindSniffer.Skipped skipped : sniffed.skipped()) {
            builder.addSkipped(skipped.kind(), skipped.apiVersion(), mapped(new SourceRef(display, skipped.line(), skipped.column()), lines));
        }
        SourceText text = sniffed.skipped().isEmpty() ? written : new SourceText(sniffed.text());
        YamlDocuments.Handler handler = new YamlDocuments.Handler() {
            @Override
            public void document(DocumentTree tree, Object value, SourceRef read) {
                SourceRef where = mapped(read, lines);
                if (value == null) {
                    return;
                }
                if (!(value instanceof Map<?, ?> object)) {
                    builder.report(Diagnostic.error(where, "this document is " + ObjectReader.describe(value)
                            + ", not a Kubernetes object; a manifest is a mapping with apiVersion, kind and metadata"));
                    return;
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> manifest = (Map<String, ?>) object;
                builder.add(manifest, where, FieldLocations.of(tree, display, lines));
            }

            @Override
            public void problem(Diagnostic diagnostic) {
                builder.report(lines == LineMap.SAME ? diagnostic : new Diagnostic(diagnostic.severity(), mapped(diagnostic.where(), lines),
                        diagnostic.message()));
            }
        };
        if (shared == null) {
            YamlDocuments.read(display, text, limits, handler);
        } else {
            shared.read(display, text, limits, handler);
        }
    }

    private static SourceRef mapped(SourceRef read, LineMap lines) {
        return read.line() <= 0 ? read : new SourceRef(read.file(), lines.sourceLine(read.line()), read.column());
    }
}

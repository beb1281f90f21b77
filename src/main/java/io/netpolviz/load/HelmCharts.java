package io.netpolviz.load;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Helm chart folder offline, as {@code helm template} does, through helm-java (Helm
 * itself, embedded), and cuts the output at Helm's {@code # Source: chart/templates/x.yaml}
 * comments into one text per template, named after the template's file, so that diagnostics
 * point into the template that produced the object. Dependencies are never downloaded.
 */
final class HelmCharts {

    static final String CHART_FILE = "Chart.yaml";
    /** What {@code helm template} names a release when none is given. */
    private static final String RELEASE = "release-name";
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (\\S+)\\s*$");
    private static final Pattern MISSING_DEPENDENCIES = Pattern.compile("missing in charts/ directory: (.+)$", Pattern.DOTALL);

    /** A template's share of the rendered output: the file it names, the text Helm made of it, and how its lines map back. */
    record Rendered(String display, String text, LineMap lines) {
    }

    private HelmCharts() {
    }

    /** The rendered templates of {@code chart}, or none with a diagnostic that says why. */
    static List<Rendered> render(ManifestFile chart, ChartValues values, Consumer<Diagnostic> report) {
        SourceRef where = SourceRef.of(chart.display() + "/" + CHART_FILE);
        String output;
        try {
            TemplateCommand template = new Helm(chart.path()).template().withName(RELEASE);
            values.files().forEach(template::withValuesFile);
            for (String setting : values.settings()) {
                int equals = setting.indexOf('=');
                template.set(setting.substring(0, equals), setting.substring(equals + 1));
            }
            output = template.call();
        } catch (IllegalStateException failed) {
            report.accept(Diagnostic.error(where, whyNotRendered(chart.display(), String.valueOf(failed.getMessage()))));
            return List.of();
        } catch (RuntimeException | LinkageError unavailable) {
            // The embedded Helm is a native library: a platform it was not built for cannot load it.
            report.accept(Diagnostic.error(where, "this Helm chart cannot be rendered here: the embedded Helm did not start ("
                    + unavailable + "). Render it yourself: helm template " + chart.display() + " > rendered.yaml, and open rendered.yaml"));
            return List.of();
        }
        List<Rendered> rendered = split(chart, output);
        report.accept(Diagnostic.note(where, "Helm chart rendered offline with " + values.describe() + " into "
                + (rendered.size() == 1 ? "1 document" : rendered.size() + " documents") + "; problems point into the templates."
                + " Other values: --values FILE or --set key=value on the command line"));
        return rendered;
    }

    private static String whyNotRendered(String chart, String message) {
        Matcher missing = MISSING_DEPENDENCIES.matcher(message);
        if (missing.find()) {
            return "this Helm chart needs the charts " + missing.group(1).strip() + ", which are not in its charts/ folder;"
                    + " NetPolViz renders offline and does not download them. Run helm dependency build " + chart + " and open it again";
        }
        String first = message.lines().findFirst().orElse(message).strip();
        return "this Helm chart could not be rendered: " + first + ". Fix the template or the values (--values FILE, --set key=value)";
    }

    /** Cuts Helm's output at each {@code # Source:} comment; templates of subcharts are named under charts/ as Helm lays them out. */
    private static List<Rendered> split(ManifestFile chart, String output) {
        List<Rendered> out = new ArrayList<>();
        Matcher sources = SOURCE.matcher(output);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (sources.find()) {
            starts.add(new int[] {sources.start(), sources.end()});
            names.add(sources.group(1));
        }
        Map<String, String> templates = new java.util.HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : output.length();
            String piece = output.substring(starts.get(i)[1], end);
            // The piece begins right after its Source comment; the document marker of the next one ends it.
            piece = piece.replaceFirst("(?s)\\n---\\s*$", "\n");
            String relative = names.get(i).contains("/") ? names.get(i).substring(names.get(i).indexOf('/') + 1) : names.get(i);
            Path file = chart.path().resolve(relative);
            String display = chart.display() + "/" + relative;
            String template = templates.computeIfAbsent(display, key -> readOrEmpty(file));
            List<String> lines = List.of(piece.split("\n", -1));
            out.add(new Rendered(display, piece, TemplateLines.of(template, lines, 1)));
        }
        return out;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException notThere) {
            // A template of a packaged subchart (.tgz): lines keep their rendered numbers.
            return "";
        }
    }
}

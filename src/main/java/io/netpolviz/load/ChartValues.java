package io.netpolviz.load;

import java.nio.file.Path;
import java.util.List;

/**
 * The values a Helm chart is rendered with besides its own {@code values.yaml}: values files and
 * {@code key=value} settings, applied in order as {@code helm template -f FILE --set k=v} would.
 */
public record ChartValues(List<Path> files, List<String> settings) {

    /** The chart's default values only. */
    public static final ChartValues DEFAULTS = new ChartValues(List.of(), List.of());

    public ChartValues {
        files = List.copyOf(files);
        settings = List.copyOf(settings);
    }

    public boolean isDefault() {
        return files.isEmpty() && settings.isEmpty();
    }

    /** How the chart was rendered, for the note that says so. */
    String describe() {
        if (isDefault()) {
            return "its default values (values.yaml)";
        }
        List<String> parts = new java.util.ArrayList<>();
        files.forEach(file -> parts.add("-f " + file));
        settings.forEach(setting -> parts.add("--set " + setting));
        return "its values.yaml and " + String.join(" ", parts);
    }
}

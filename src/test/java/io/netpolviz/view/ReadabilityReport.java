package io.netpolviz.view;

import io.netpolviz.render.Background;
import io.netpolviz.render.SvgExporter;
import io.netpolviz.render.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the figures table of {@code docs/readability.md}: the readability figures of every lesson
 * step, the lessons (and the shop with its platform namespaces collapsed), two real apps and the 10,000-pod overview, read from their exported SVGs.
 * {@link ReadabilityTargetsTest} calls it when run with {@code -Dnetpolviz.readability.update=true}.
 */
final class ReadabilityReport {

    private ReadabilityReport() {
    }

    /** Rewrites the table between the markers in {@code out}, or appends it with them. */
    static void write(Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("| picture | nodes | edges | blocked on every port | label chips | crossings | chip overlaps | canvas at 1× | smallest text at 1920 × 1080 |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<ReadabilityPictures.Shown> all = new ArrayList<>(ReadabilityPictures.tutorialSteps());
        all.addAll(ReadabilityPictures.lessons());
        all.add(ReadabilityPictures.shopWithPlatformCollapsed());
        all.addAll(ReadabilityPictures.apps());
        all.add(ReadabilityPictures.overview());
        for (ReadabilityPictures.Shown shown : all) {
            String svg = SvgExporter.toSvg(shown.picture().diagram(), Theme.standard(), Background.OPAQUE);
            String row = SvgFigures.of(svg).row(shown.name());
            lines.add(row);
        }
        String table = String.join("\n", lines) + "\n";
        String document = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        String begin = "<!-- figures: begin -->\n";
        String end = "<!-- figures: end -->\n";
        if (document.contains(begin) && document.contains(end)) {
            document = document.substring(0, document.indexOf(begin) + begin.length()) + table + document.substring(document.indexOf(end));
        } else {
            document = document + begin + table + end;
        }
        Files.writeString(out, document, StandardCharsets.UTF_8);
    }
}

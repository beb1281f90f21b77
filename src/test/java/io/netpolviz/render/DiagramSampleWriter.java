package io.netpolviz.render;

import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.layout.SampleGraphs;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample pictures to {@code target/} for a person to look at: {@code diagram-sample.png} and friends. */
public final class DiagramSampleWriter {

    private DiagramSampleWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        Files.createDirectories(out);
        LayoutOptions options = LayoutOptions.defaults().withTitle("shop cluster \u2014 3 namespaces, 14 paths");
        Diagram diagram = DiagramLayout.layout(SampleGraphs.shop(), options);
        PngExporter.write(diagram, Theme.standard(), 1, Background.OPAQUE, out.resolve("diagram-sample.png"));
        PngExporter.write(diagram, Theme.standard(), 2, Background.OPAQUE, out.resolve("diagram-sample@2x.png"));
        SvgExporter.write(diagram, Theme.standard(), Background.OPAQUE, out.resolve("diagram-sample.svg"));
        Theme presentation = Theme.presentation();
        Diagram big = DiagramLayout.layout(SampleGraphs.shop(), options.withTypography(presentation.typography()));
        PngExporter.write(big, presentation, 1, Background.OPAQUE, out.resolve("diagram-sample-presentation.png"));
        Diagram generated = DiagramLayout.layout(SampleGraphs.generated(30, 7), options.withTitle("generated, 30 workloads"));
        PngExporter.write(generated, Theme.standard(), 1, Background.OPAQUE, out.resolve("diagram-generated-30.png"));
        Diagram sixty = DiagramLayout.layout(SampleGraphs.tiered(60, 11), options.withTitle("tiered, 60 workloads"));
        PngExporter.write(sixty, Theme.standard(), 1, Background.OPAQUE, out.resolve("diagram-tiered-60.png"));
    }
}

package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.render.Background;
import io.netpolviz.render.SvgExporter;
import io.netpolviz.render.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default picture is readable, measured on the exported SVG as {@code
 * shared/tools/diagram-metrics.py} measures it (see {@code docs/readability.md} for the figures and
 * the targets). {@code -Dnetpolviz.readability.update=true} rewrites the figures in that file.
 */
class ReadabilityTargetsTest {

    private static SvgFigures figures(ReadabilityPictures.Shown shown) throws Exception {
        SvgFigures figures = SvgFigures.of(SvgExporter.toSvg(shown.picture().diagram(), Theme.standard(), Background.OPAQUE));
        System.out.println(figures.row(shown.name()));
        return figures;
    }

    @Test
    void everyTutorialStepIsAFewEdgesWithoutCrossingsOnOneScreen() throws Exception {
        for (ReadabilityPictures.Shown step : ReadabilityPictures.tutorialSteps()) {
            SvgFigures figures = figures(step);
            assertTrue(figures.edges() <= 12, step.name() + ": " + figures);
            assertTrue(figures.crossings() <= 2, step.name() + ": " + figures);
            assertEquals(0, figures.chipOverlaps(), step.name() + ": " + figures);
            assertTrue(figures.width() <= 1600 && figures.height() <= 900, step.name() + ": " + figures);
        }
    }

    @Test
    void realAppsReadAsTheirCallGraphs() throws Exception {
        for (ReadabilityPictures.Shown app : ReadabilityPictures.apps()) {
            SvgFigures figures = figures(app);
            assertTrue(figures.edges() <= 30, app.name() + ": " + figures);
            assertTrue(figures.crossings() <= 15, app.name() + ": " + figures);
            assertEquals(0, figures.chipOverlaps(), app.name() + ": " + figures);
            assertTrue(figures.width() <= 2400 && figures.height() <= 1400, app.name() + ": " + figures);
        }
    }

    @Test
    void lessonsTwoToFiveAreReadOnOneScreen() throws Exception {
        for (ReadabilityPictures.Shown lesson : ReadabilityPictures.lessons()) {
            SvgFigures figures = figures(lesson);
            assertTrue(figures.edges() <= 25, lesson.name() + ": " + figures);
            assertTrue(figures.crossings() <= 10, lesson.name() + ": " + figures);
            assertEquals(0, figures.chipOverlaps(), lesson.name() + ": " + figures);
            assertTrue(figures.width() <= 1920 && figures.height() <= 1080, lesson.name() + ": " + figures);
        }
    }

    @Test
    void theTenThousandPodOverviewIsReadableAtFit() throws Exception {
        SvgFigures figures = figures(ReadabilityPictures.overview());
        assertTrue(figures.edges() <= 40, figures.toString());
        assertTrue(figures.crossings() <= 25, figures.toString());
        assertEquals(0, figures.chipOverlaps(), figures.toString());
        assertTrue(figures.smallestTextAtFit() >= 10, figures.toString());
    }

    @Test
    void writesTheReportWhenAsked() throws Exception {
        if (Boolean.getBoolean("netpolviz.readability.update")) {
            ReadabilityReport.write(Path.of("docs/readability.md"));
        }
        List<String> names = new ArrayList<>();
        ReadabilityPictures.lessons().forEach(lesson -> names.add(lesson.name()));
        assertEquals(List.of("02-cross-namespace", "03-egress-internet", "04-ports", "05-shop"), names);
    }
}

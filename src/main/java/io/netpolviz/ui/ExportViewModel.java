package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.graph.ViewFilter;
import io.netpolviz.graph.ViewTitle;
import io.netpolviz.layout.AwtTextMeasurer;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramTitle;
import io.netpolviz.model.PolicyId;
import io.netpolviz.render.PngExporter;
import io.netpolviz.render.SvgExporter;
import io.netpolviz.render.Theme;
import io.netpolviz.view.ExportRequest;
import io.netpolviz.view.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exports the view as shown (filters, switches, dragged positions, legend) to PNG or SVG, titled
 * with the source and what the view leaves out, painted and written off the JavaFX thread.
 */
public final class ExportViewModel {

    private final BackgroundWork work;
    private final Picture picture;
    private final Supplier<ViewFilter> filter;
    private final Supplier<Set<PolicyId>> switchedOff;
    private final StatusLine status;
    private final ReadOnlyStringWrapper lastExport = new ReadOnlyStringWrapper(this, "lastExport", "");

    ExportViewModel(BackgroundWork work, Picture picture, Supplier<ViewFilter> filter, Supplier<Set<PolicyId>> switchedOff,
            StatusLine status) {
        this.work = work;
        this.picture = picture;
        this.filter = filter;
        this.switchedOff = switchedOff;
        this.status = status;
    }

    /** Writes the diagram as shown to a PNG (2×, white) or SVG file, chosen by its extension. */
    public void export(Path file) {
        export(ExportRequest.forFile(file));
    }

    /** Writes the current view as the request asks, titled with {@link #exportTitle()}. */
    public void export(ExportRequest request) {
        Diagram shown = picture.diagram.get();
        if (shown == null) {
            status.say("Nothing to export yet");
            return;
        }
        Theme paintWith = picture.theme.get();
        String exportTitle = exportTitle();
        Path file = request.file();
        status.say("Exporting " + file + "\u2026");
        work.submit(Lane.EXPORT, progressReport -> {
            Diagram titled = DiagramTitle.retitled(shown, exportTitle, new AwtTextMeasurer());
            if (request.format() == ExportRequest.Format.SVG) {
                SvgExporter.write(titled, paintWith, request.background(), file);
            } else {
                PngExporter.write(titled, paintWith, request.scale(), request.background(), file);
            }
            return file;
        }, new BackgroundWork.Delivery<Path>() {
            @Override
            public void result(Path written) {
                lastExport.set(written.toString());
                status.say("Exported " + written);
            }

            @Override
            public void failure(Throwable error) {
                status.say("Could not export " + file + ": " + StatusLine.message(error));
            }
        });
    }

    /**
     * The title an export carries: the source (with the step of a lesson) and what the view
     * leaves out or changes, as the export command writes it.
     */
    public String exportTitle() {
        Workspace current = picture.current();
        if (current == null) {
            return "";
        }
        String sourceName = current.bundled() ? "NetPolViz tutorial" : current.name();
        if (current.hasSteps()) {
            sourceName += " (step " + current.step() + " of " + current.steps().size() + ")";
        }
        Set<String> existing = current.engine().policies().stream().map(policy -> policy.id().toString())
                .collect(Collectors.toCollection(java.util.HashSet::new));
        current.engine().tierPolicies().forEach(policy -> existing.add(policy.id().toString()));
        current.engine().calicoPolicies().forEach(policy -> existing.add(policy.id().toString()));
        List<PolicyId> off = switchedOff.get().stream().filter(id -> existing.contains(id.toString())).toList();
        // A compared picture names both sides: what it is compared with, then what is open.
        String sides = picture.comparison() == null ? sourceName : picture.comparison().title(sourceName);
        return ViewTitle.of(sides, off, filter.get(), current.snapshot().unevaluatedPolicyKinds());
    }

    /** The file the last export wrote. */
    public ReadOnlyStringProperty lastExportProperty() {
        return lastExport.getReadOnlyProperty();
    }
}

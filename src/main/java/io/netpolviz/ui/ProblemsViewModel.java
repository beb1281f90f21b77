package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.SourcePlace;
import io.netpolviz.view.SourceExcerpt;
import io.netpolviz.view.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What went wrong or looks wrong: the problems met while loading, each linking to its file and
 * line (read off the JavaFX thread to be shown), and the warnings about the switched-on
 * policies, or why there are none.
 */
public final class ProblemsViewModel {

    private final BackgroundWork work;
    private final StatusLine status;
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    // Each list has one read-only view, kept: views hold their listeners weakly (see SwitchesViewModel).
    private final ObservableList<Diagnostic> diagnosticsView = FXCollections.unmodifiableObservableList(diagnostics);
    private final ObservableList<LintFinding> warnings = FXCollections.observableArrayList();
    private final ObservableList<LintFinding> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyStringWrapper warningsNote = new ReadOnlyStringWrapper(this, "warningsNote", "");
    private final ReadOnlyObjectWrapper<SourceExcerpt> source = new ReadOnlyObjectWrapper<>(this, "source");
    private Workspace shownIn;

    ProblemsViewModel(BackgroundWork work, StatusLine status) {
        this.work = work;
        this.status = status;
    }

    /** Reads the file a diagnostic points at, to show it at the line. */
    public void showSource(SourceRef where, String problem) {
        if (!hasSourceFile(where)) {
            return;
        }
        work.submit(Lane.SOURCE, progressReport -> new SourceExcerpt(where.file(), where.line(), where.column(),
                Files.readString(Path.of(where.file()), StandardCharsets.UTF_8), problem), new BackgroundWork.Delivery<SourceExcerpt>() {
                    @Override
                    public void result(SourceExcerpt value) {
                        source.set(value);
                    }

                    @Override
                    public void failure(Throwable error) {
                        status.say("Could not read " + where.file() + ": " + StatusLine.message(error));
                    }
                });
    }

    /** Whether a diagnostic points at a file to show; a live cluster's objects have none. */
    static boolean hasSourceFile(SourceRef where) {
        return where != null && where.isFile();
    }

    /** A workspace is on show: the problems met while reading it. */
    void loaded(Workspace opened) {
        shownIn = opened;
        diagnostics.setAll(opened.snapshot().diagnostics());
    }

    /** Where a problem is, as the list shows it: a file relative to what was opened, never a temporary folder. */
    public String place(SourceRef where) {
        String shown = SourcePlace.place(where, shownIn);
        return shown.isEmpty() ? where.display() : shown;
    }

    /** Nothing could be opened: that is the one problem. */
    void failedToOpen(Throwable error) {
        diagnostics.setAll(Diagnostic.error(SourceRef.NONE, "Could not open: " + StatusLine.message(error)));
    }

    /** An evaluation is on show: its warnings. */
    void shown(Evaluated value) {
        warnings.setAll(value.findings());
        warningsNote.set(value.warningsNote());
    }

    void clear() {
        diagnostics.clear();
        warnings.clear();
    }

    public ObservableList<Diagnostic> diagnostics() {
        return diagnosticsView;
    }

    public ObservableList<LintFinding> warnings() {
        return warningsView;
    }

    /** Why the warnings list is empty although there may be warnings (lint skipped at this size), else empty. */
    public ReadOnlyStringProperty warningsNoteProperty() {
        return warningsNote.getReadOnlyProperty();
    }

    /** The file text a diagnostic link asked for. */
    public ReadOnlyObjectProperty<SourceExcerpt> sourceProperty() {
        return source.getReadOnlyProperty();
    }
}

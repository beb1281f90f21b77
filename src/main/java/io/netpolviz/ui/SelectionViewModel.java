package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.BackgroundWork.Lane;
import io.netpolviz.graph.GraphEdge;
import io.netpolviz.layout.Diagram;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.LintFinding;
import io.netpolviz.view.Details;
import io.netpolviz.view.Evaluated;
import io.netpolviz.view.FixQuestion;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.Selection;
import io.netpolviz.view.SelectionDetails;
import io.netpolviz.view.Workspace;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What is selected (an edge, a node, a policy, or nothing) and its explanation in words, which
 * is written off the JavaFX thread and follows every new evaluation.
 */
public final class SelectionViewModel {

    private final BackgroundWork work;
    private final Picture picture;
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection", Selection.NOTHING);
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(this, "details", Details.EMPTY);
    /** What can be asked of the selection: how to allow or block the selected edge's connection. */
    private final ReadOnlyObjectWrapper<List<FixQuestion>> questions = new ReadOnlyObjectWrapper<>(this, "questions", List.of());

    /** An explanation and the questions it allows, written together off the JavaFX thread. */
    private record Explained(Details details, List<FixQuestion> questions) {
    }

    /** Draws the picture again when the selected node changes: a selected node's blocked pairs are drawn too. */
    private final Runnable redraw;
    /**
     * The node whose blocked pairs the picture draws: the selected node, and still that node while
     * an edge is selected after it, so that an edge drawn because of it stays drawn once clicked.
     */
    private String drawnAround;

    SelectionViewModel(BackgroundWork work, Picture picture, Runnable redraw) {
        this.work = work;
        this.picture = picture;
        this.redraw = redraw;
    }

    public void select(Selection newSelection) {
        String before = drawnAround;
        selection.set(newSelection == null ? Selection.NOTHING : newSelection);
        if (selection.get() instanceof Selection.Node node) {
            drawnAround = node.id();
        } else if (!(selection.get() instanceof Selection.Edge)) {
            drawnAround = null;
        }
        explain();
        if (!java.util.Objects.equals(before, drawnAround)) {
            redraw.run();
        }
    }

    /**
     * The node whose pairs the picture draws even where blocked: the selected node, or the one
     * selected before the edge that is selected now; null when there is none.
     */
    String selectedNode() {
        return drawnAround;
    }

    public void selectEdge(String key) {
        select(new Selection.Edge(key));
    }

    public void selectNode(String id) {
        select(new Selection.Node(id));
    }

    public void selectPolicy(PolicyId id) {
        select(new Selection.Policy(id));
    }

    public void clearSelection() {
        select(Selection.NOTHING);
    }

    /**
     * Selects what a warning is about: the connection for a half-open path (explained even where
     * the filter on show does not draw it), else its policy, else the first endpoint it names.
     */
    public void selectWarning(LintFinding finding) {
        List<String> ends = finding.endpointIds();
        String edge = ends.size() == 2 ? GraphEdge.key(ends.get(0), ends.get(1)) : null;
        if (edge != null && isConnection(edge)) {
            selectEdge(edge);
        } else if (finding.policy() != null) {
            selectPolicy(finding.policy());
        } else if (!ends.isEmpty()) {
            selectNode(ends.get(0));
        }
    }

    /** Whether the picture on show draws an edge with this key or has a pair of workloads by it. */
    private boolean isConnection(String key) {
        Diagram shown = picture.diagram.get();
        Evaluated evaluated = picture.evaluated();
        return shown != null && shown.edge(key).isPresent()
                || evaluated != null && evaluated.picture().pairs() != null && evaluated.picture().pairs().pair(key) != null;
    }

    /** Explains the selection in the evaluation on show, off the JavaFX thread. */
    void explain() {
        Evaluated against = picture.evaluated();
        if (against == null) {
            details.set(Details.EMPTY);
            questions.set(List.of());
            return;
        }
        Selection wanted = selection.get();
        work.submit(Lane.DETAILS, progressReport -> new Explained(SelectionDetails.describe(wanted, against), FixQuestion.of(wanted, against)),
                new BackgroundWork.Delivery<Explained>() {
                    @Override
                    public void result(Explained value) {
                        details.set(value.details());
                        questions.set(value.questions());
                    }

                    @Override
                    public void failure(Throwable error) {
                        details.set(new Details("Could not explain", StatusLine.message(error), Set.of(), Set.of(), null));
                        questions.set(List.of());
                    }
                });
    }

    /** A new place: nothing selected. */
    void startOver() {
        selection.set(Selection.NOTHING);
        drawnAround = null;
    }

    /** The same cluster grouped otherwise: the selection, or what now stands for it. */
    void carryInto(Workspace regrouped) {
        selection.set(Regrouping.carried(selection.get(), regrouped));
        drawnAround = selection.get() instanceof Selection.Node node ? node.id() : null;
    }

    /** Nothing shown: nothing selected, nothing to explain. */
    void clear() {
        selection.set(Selection.NOTHING);
        drawnAround = null;
        details.set(Details.EMPTY);
        questions.set(List.of());
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<FixQuestion>> questionsProperty() {
        return questions.getReadOnlyProperty();
    }
}

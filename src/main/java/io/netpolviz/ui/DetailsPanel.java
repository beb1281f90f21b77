package io.netpolviz.ui;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Severity;
import io.netpolviz.view.Evaluated;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.view.FixQuestion;
import io.netpolviz.view.Selection;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Under the diagram: the explanation of what is selected beside the tabs of warnings and load
 * problems, which come forward when a load had errors.
 */
final class DetailsPanel extends SplitPane {

    DetailsPanel(SelectionViewModel selection, ProblemsViewModel problems, ReadOnlyObjectProperty<Evaluated> evaluation, FixViewModel fixes,
            AttackViewModel attack) {
        Label title = new Label();
        title.setId("explanationTitle");
        title.getStyleClass().add("panel-heading");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> selection.detailsProperty().get().title(), selection.detailsProperty()));
        ExplanationView explanation = new ExplanationView(selection::select);
        explanation.show(selection.detailsProperty().get());
        selection.detailsProperty().addListener((o, before, after) -> explanation.show(after));
        VBox top = new VBox(6, title, fixQuestions(selection, fixes), attackQuestions(selection, attack), explanation);
        top.setPadding(new Insets(8));
        top.getStyleClass().add("side-panel");

        Tab warningsTab = new Tab();
        warningsTab.setId("warningsTab");
        warningsTab.textProperty().bind(Bindings.when(problems.warningsNoteProperty().isEmpty())
                .then(Bindings.concat("Warnings (", Bindings.size(problems.warnings()), ")")).otherwise("Warnings (skipped)"));
        warningsTab.setContent(new WarningList(problems, selection, evaluation));
        Tab problemsTab = new Tab();
        problemsTab.setId("problemsTab");
        problemsTab.textProperty().bind(Bindings.concat("Load problems (", Bindings.size(problems.diagnostics()), ")"));
        problemsTab.setContent(new DiagnosticList(problems));
        TabPane tabs = new TabPane(warningsTab, problemsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        problems.diagnostics().addListener((ListChangeListener<Diagnostic>) change -> {
            if (problems.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
                tabs.getSelectionModel().select(problemsTab);
            }
        });

        getItems().addAll(top, tabs);
        setDividerPositions(0.62);
    }

    /**
     * For a selected workload (or address): what an attacker there can reach; and once a start is
     * chosen, how it can reach the selected node. The answer is marked on the diagram and listed beside it.
     */
    private HBox attackQuestions(SelectionViewModel selection, AttackViewModel attack) {
        HBox buttons = questionRow("attackQuestions");
        AttackWindow[] window = new AttackWindow[1];
        Runnable refresh = () -> {
            buttons.getChildren().clear();
            if (selection.selectionProperty().get() instanceof Selection.Node node && attackable(node.id())) {
                String start = node.id().startsWith("ext:") ? AttackViewModel.INTERNET : node.id();
                Button reach = new Button(start.equals(AttackViewModel.INTERNET) ? "What can the internet reach?"
                        : "What can an attacker reach from here?");
                reach.setId("askReach");
                reach.setOnAction(event -> {
                    attack.reachFrom(start);
                    showWindow(window, attack, selection);
                });
                buttons.getChildren().add(reach);
                String from = attack.overlayProperty().get().from();
                if (from != null && !from.equals(start)) {
                    Button paths = new Button("How can " + from + " reach this?");
                    paths.setId("askPaths");
                    paths.setOnAction(event -> {
                        attack.pathsTo(start);
                        showWindow(window, attack, selection);
                    });
                    buttons.getChildren().add(paths);
                }
            }
        };
        selection.selectionProperty().addListener((o, before, after) -> refresh.run());
        attack.overlayProperty().addListener((o, before, after) -> refresh.run());
        refresh.run();
        return buttons;
    }

    /** A row of question buttons that takes no room while it has none. */
    private static HBox questionRow(String id) {
        HBox buttons = new HBox(8);
        buttons.setId(id);
        buttons.getStyleClass().add("fix-actions");
        buttons.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(buttons.getChildren()));
        buttons.managedProperty().bind(buttons.visibleProperty());
        return buttons;
    }

    /** A workload ({@code namespace/name}) or an address node: a box or a group stands for many. */
    private static boolean attackable(String nodeId) {
        return nodeId.startsWith("ext:") || nodeId.contains("/") && !nodeId.contains(":");
    }

    private void showWindow(AttackWindow[] window, AttackViewModel attack, SelectionViewModel selection) {
        if (window[0] == null) {
            window[0] = new AttackWindow(getScene().getWindow(), attack, selection);
        }
        window[0].show();
    }

    /** A button per question the selected edge allows ("How do I allow this? (TCP 8080)"); the answer opens beside the window. */
    private HBox fixQuestions(SelectionViewModel selection, FixViewModel fixes) {
        HBox buttons = questionRow("fixQuestions");
        FixDialog[] dialog = new FixDialog[1];
        Runnable refresh = () -> {
            buttons.getChildren().clear();
            for (FixQuestion question : selection.questionsProperty().get()) {
                Button ask = new Button(question.display());
                ask.setId(question.goal() == Goal.ALLOW ? "askAllow" : "askBlock");
                ask.setOnAction(event -> {
                    if (dialog[0] == null) {
                        dialog[0] = new FixDialog(getScene().getWindow(), fixes, selection);
                    }
                    fixes.ask(question);
                    dialog[0].show();
                });
                buttons.getChildren().add(ask);
            }
        };
        selection.questionsProperty().addListener((o, before, after) -> refresh.run());
        refresh.run();
        return buttons;
    }
}

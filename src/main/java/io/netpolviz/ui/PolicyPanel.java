package io.netpolviz.ui;

import io.netpolviz.view.PolicyRow;
import io.netpolviz.view.PolicySearch;
import io.netpolviz.view.Selection;
import io.netpolviz.view.Workspace;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.model.PolicyId;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The side panel of policies, grouped by namespace: a search by namespace or name, a switch per
 * policy with the number of pods it selects, and the all-on, all-off, undo and redo commands.
 * Ticking a box toggles the policy; clicking its name selects it.
 */
final class PolicyPanel extends VBox {

    /** What the empty policy list says: why there is nothing to list. */
    static String placeholder(MainViewModel model) {
        Workspace workspace = model.workspaceProperty().get();
        if (model.evaluationProperty().get() == null || workspace == null || !workspace.snapshot().policies().isEmpty()) {
            return "";
        }
        if (model.cluster().policiesUnreadableProperty().get()) {
            return "NetworkPolicies could not be read, so none are listed: the view is partial, see Load problems.";
        }
        if (workspace.snapshot().workloads().isEmpty() && workspace.snapshot().hasErrors()) {
            return "Nothing could be read from " + workspace.name() + ": see Load problems for what went wrong.";
        }
        if (workspace.snapshot().workloads().isEmpty()) {
            return "No NetworkPolicy and no pods or workloads here: open a folder of manifests (Ctrl+O).";
        }
        return "No NetworkPolicy: every pod can reach every other.";
    }

    private final MainViewModel model;
    private final ListView<PolicyRow> list = new ListView<>();
    private final TextField search = new TextField();

    PolicyPanel(MainViewModel model) {
        this.model = model;
        getStyleClass().add("side-panel");
        setSpacing(6);
        setPadding(new Insets(8));

        Label heading = new Label("Policies");
        heading.getStyleClass().add("panel-heading");
        Label hint = new Label("Untick a policy to see the cluster without it.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        // Two thousand policies are found by name, not by scrolling: the search keeps matching rows under their headings.
        search.setId("policySearch");
        search.setPromptText("Search policies by namespace or name");
        javafx.collections.ObservableList<PolicyRow> rows = model.switches().policies();
        javafx.collections.transformation.FilteredList<PolicyRow> shown = new javafx.collections.transformation.FilteredList<>(rows);
        Runnable refilter = () -> shown.setPredicate(PolicySearch.matching(rows, search.getText()));
        search.textProperty().addListener((o, before, after) -> refilter.run());
        // Another place's policies: the headings to keep are found again.
        rows.addListener((javafx.collections.ListChangeListener<PolicyRow>) change -> {
            if (!search.getText().isBlank()) {
                refilter.run();
            }
        });

        list.setId("policyList");
        list.setItems(shown);
        list.setCellFactory(view -> new PolicyCell());
        Label empty = new Label();
        empty.setId("policyPlaceholder");
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> rows.isEmpty() || search.getText().isBlank() ? placeholder(model)
                        : "No policy matches \u201C" + search.getText().strip() + "\u201D.",
                model.evaluationProperty(), model.cluster().policiesUnreadableProperty(), model.workspaceProperty(), search.textProperty(),
                rows));
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button allOn = button("allOnButton", "All on", "Switch every policy on", model.switches()::allOn);
        Button allOff = button("allOffButton", "All off", "Switch every policy off", model.switches()::allOff);
        Button undo = button("undoButton", "\u21B6 Undo", "Undo the last switch (Ctrl+Z)", model.switches()::undo);
        Button redo = button("redoButton", "Redo \u21B7", "Redo (Ctrl+Shift+Z)", model.switches()::redo);
        undo.disableProperty().bind(model.switches().canUndoProperty().not());
        redo.disableProperty().bind(model.switches().canRedoProperty().not());
        HBox switches = new HBox(6, allOn, allOff);
        HBox history = new HBox(6, undo, redo);
        for (Button button : new Button[] {allOn, allOff, undo, redo}) {
            HBox.setHgrow(button, Priority.ALWAYS);
            button.setMaxWidth(Double.MAX_VALUE);
        }

        getChildren().addAll(heading, hint, search, list, switches, history);
        model.selection().selectionProperty().addListener((o, before, after) -> showSelected(after));
        model.switches().policies().addListener((javafx.collections.ListChangeListener<PolicyRow>) change ->
                showSelected(model.selection().selectionProperty().get()));
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Keeps the list's own selection on the selected policy, so the row stays marked after a toggle. */
    private void showSelected(Selection selection) {
        if (selection instanceof Selection.Policy policy) {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof PolicyRow.PolicySwitch row && row.id().equals(policy.id())) {
                    list.getSelectionModel().select(i);
                    return;
                }
            }
        }
        list.getSelectionModel().clearSelection();
    }

    /** A node id for a policy's checkbox: CSS ids allow letters, digits, '-' and '_'. */
    static String checkboxId(PolicyId id) {
        return "policy-" + (id.namespace() + "-" + id.name()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** A namespace heading's menu: open or collapse the namespace in the diagram. */
    private List<javafx.scene.control.MenuItem> namespaceMenuItems(String namespace) {
        List<javafx.scene.control.MenuItem> menu = new java.util.ArrayList<>();
        Workspace open = model.workspaceProperty().get();
        if (open != null && open.isAggregated() && open.grouping().isCollapsed(namespace)) {
            javafx.scene.control.MenuItem expand = new javafx.scene.control.MenuItem("Open " + namespace + " in the diagram");
            expand.setMnemonicParsing(false);
            Grouping grouping = open.grouping();
            // A namespace inside a collapsed group shows through the group: open that first.
            String nodeId = grouping.unitOf(namespace).map(Grouping.Unit::nodeId).orElse(GraphNode.namespaceNodeId(namespace));
            expand.setOnAction(event -> model.regrouping().expand(nodeId));
            menu.add(expand);
        } else if (open != null && Grouping.namespacesWithWorkloads(open.engine()).contains(namespace)) {
            javafx.scene.control.MenuItem collapse = new javafx.scene.control.MenuItem("Collapse " + namespace + " in the diagram");
            collapse.setMnemonicParsing(false);
            collapse.setOnAction(event -> model.regrouping().collapseNamespace(namespace));
            menu.add(collapse);
        } else {
            javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem("No workloads in " + namespace);
            none.setDisable(true);
            menu.add(none);
        }
        return menu;
    }

    /** Whether the open input holds no workloads, only the stand-ins drawn for its policies. */
    private boolean standInsOnly() {
        var workspace = model.workspaceProperty().get();
        return workspace != null && !workspace.snapshot().workloads().isEmpty() && workspace.snapshot().workloads().stream()
                .allMatch(workload -> workload.kind() == io.netpolviz.model.WorkloadKind.STAND_IN);
    }

    private final class PolicyCell extends ListCell<PolicyRow> {

        private final CheckBox box = new CheckBox();
        private final Label name = new Label();
        private final Label pods = new Label();
        /** A draft the user added from a proposal: it is not in the files. */
        private final Label draft = new Label("DRAFT");
        private final Region spacer = new Region();
        private final HBox policyLine = new HBox(6, box, draft, name, spacer, pods);
        private final Label namespaceLine = new Label();

        PolicyCell() {
            // Cells take the list's width instead of widening it: no sideways scrolling.
            setPrefWidth(0);
            name.setMinWidth(0);
            pods.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(spacer, Priority.ALWAYS);
            policyLine.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("policy-switch");
            pods.getStyleClass().add("pod-count");
            draft.getStyleClass().add("draft-badge");
            draft.setMinWidth(Region.USE_PREF_SIZE);
            namespaceLine.getStyleClass().add("namespace-heading");
            box.setOnAction(event -> {
                if (getItem() instanceof PolicyRow.PolicySwitch row) {
                    model.switches().toggle(row.id());
                }
            });
            name.getStyleClass().add("policy-name");
            // The box toggles; anywhere else on the line selects the policy.
            setOnMouseClicked(event -> {
                if (getItem() instanceof PolicyRow.PolicySwitch row && !box.isHover()) {
                    model.selection().selectPolicy(row.id());
                }
            });
        }

        @Override
        protected void updateItem(PolicyRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            getStyleClass().removeAll("namespace-row", "policy-row", "policy-off", "policy-draft");
            if (empty || item == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            if (item instanceof PolicyRow.NamespaceHeading heading) {
                namespaceLine.setText(heading.namespace() + "   " + heading.switchedOn() + "/" + heading.policies() + " on");
                setGraphic(namespaceLine);
                getStyleClass().add("namespace-row");
                setId(null);
                if (heading.tier()) {
                    setContextMenu(null); // a tier is not a namespace: nothing to collapse or focus
                    return;
                }
                // Built when shown: what it offers depends on what is collapsed by then.
                javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
                menu.setOnShowing(event -> menu.getItems().setAll(namespaceMenuItems(heading.namespace())));
                menu.getItems().add(new javafx.scene.control.MenuItem());
                setContextMenu(menu);
                return;
            }
            setContextMenu(null);
            PolicyRow.PolicySwitch row = (PolicyRow.PolicySwitch) item;
            name.setText(row.label());
            box.setSelected(row.on());
            box.setAccessibleText((row.on() ? "switch off " : "switch on ") + row.id());
            box.setId(checkboxId(row.id()));
            box.setUserData(row.id());
            // A policy-only input is drawn with stand-ins, one per selector: what a policy selects is stand-ins, not pods.
            String counted = standInsOnly() ? "stand-in" : "pod";
            pods.setText(row.selectedPods() == 1 ? "1 " + counted : String.format(Locale.ROOT, "%d %ss", row.selectedPods(), counted));
            pods.getStyleClass().remove("no-pods");
            if (row.selectedPods() == 0) {
                pods.getStyleClass().add("no-pods");
            }
            setGraphic(policyLine);
            getStyleClass().add("policy-row");
            if (!row.on()) {
                getStyleClass().add("policy-off");
            }
            if (row.draft()) {
                getStyleClass().add("policy-draft");
            }
            draft.setVisible(row.draft());
            draft.setManaged(row.draft());
            setId("row-" + checkboxId(row.id()));
        }
    }
}

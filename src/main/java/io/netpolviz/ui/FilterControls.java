package io.netpolviz.ui;

import io.netpolviz.graph.ViewFilter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * The tool bar's filters: which edges, which namespaces, a search, the node in focus and Show
 * all. They follow the filter as the view-model has it, whoever changed it.
 */
final class FilterControls {

    private final FilterViewModel filters;
    private final ChoiceBox<ViewFilter.EdgeFilter> edges = new ChoiceBox<>();
    private final MenuButton namespaces = new MenuButton("Namespaces");
    private final TextField search = new TextField();
    private final Label focus = new Label();
    private final Button unfocus = new Button("Show all");

    FilterControls(FilterViewModel filters) {
        this.filters = filters;
        edges.setId("edgeFilter");
        edges.getItems().setAll(ViewFilter.EdgeFilter.values());
        edges.setConverter(new StringConverter<>() {
            @Override
            public String toString(ViewFilter.EdgeFilter value) {
                return value == null ? "" : value.label();
            }

            @Override
            public ViewFilter.EdgeFilter fromString(String text) {
                return null;
            }
        });
        // The filter the picture is drawn with, "What matters" to begin with.
        edges.setValue(filters.filterProperty().get().edges());
        edges.valueProperty().addListener((o, before, after) -> {
            if (after != null && after != filters.filterProperty().get().edges()) {
                filters.showEdges(after);
            }
        });

        namespaces.setId("namespaceFilter");
        filters.namespaces().addListener((ListChangeListener<String>) change -> fillNamespaces());

        search.setId("search");
        search.setPromptText("Search pods or labels");
        search.setPrefColumnCount(11);
        search.textProperty().addListener((o, before, after) -> filters.search(after));

        focus.setId("focusLabel");
        unfocus.setId("showAll");
        unfocus.setOnAction(event -> {
            search.clear();
            edges.setValue(ViewFilter.EdgeFilter.ALL);
            filters.clearFilters();
            fillNamespaces();
        });
        filters.filterProperty().addListener((o, before, after) -> follow(after));
        unfocus.setDisable(true);
    }

    /** The controls, in tool bar order. */
    List<Node> nodes() {
        return List.of(edges, namespaces, search, focus, unfocus);
    }

    private void fillNamespaces() {
        namespaces.getItems().clear();
        Set<String> chosen = filters.filterProperty().get().namespaces();
        for (String name : filters.namespaces()) {
            CheckMenuItem entry = new CheckMenuItem(name);
            entry.setMnemonicParsing(false);
            entry.setSelected(chosen.isEmpty() || chosen.contains(name));
            entry.setOnAction(event -> {
                Set<String> shown = new TreeSet<>();
                namespaces.getItems().stream().filter(i -> i instanceof CheckMenuItem c && c.isSelected())
                        .forEach(i -> shown.add(i.getText()));
                filters.showNamespaces(shown.size() == filters.namespaces().size() ? Set.of() : shown);
            });
            namespaces.getItems().add(entry);
        }
    }

    private void follow(ViewFilter after) {
        focus.setText(after.focus() == null ? "" : "Only the edges of " + after.focus());
        unfocus.setDisable(after.isEmpty());
        if (after.edges() != edges.getValue()) {
            edges.setValue(after.edges());
        }
        if (!after.search().equals(search.getText().strip()) && after.search().isEmpty()) {
            search.clear();
        }
    }
}

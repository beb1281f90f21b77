package io.netpolviz.ui;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.view.Regrouping;
import io.netpolviz.view.Workspace;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the diagram shows of the open picture: which edges (all, allowed, blocked, changed),
 * which namespaces, a search, a focus on one node. A filter only hides; it never moves anything
 * or re-evaluates.
 */
public final class FilterViewModel {

    /** Shows the diagram anew through the changed filter. */
    private final Consumer<ViewFilter> refresh;
    private final ReadOnlyObjectWrapper<ViewFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", ViewFilter.NONE);
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    // One read-only view, kept: views hold their listeners weakly (see SwitchesViewModel).
    private final ObservableList<String> namespacesView = FXCollections.unmodifiableObservableList(namespaces);

    FilterViewModel(Consumer<ViewFilter> refresh) {
        this.refresh = refresh;
    }

    public void showEdges(ViewFilter.EdgeFilter edges) {
        setFilter(filter.get().withEdges(edges));
    }

    public void showNamespaces(Set<String> names) {
        setFilter(filter.get().withNamespaces(names));
    }

    public void search(String text) {
        setFilter(filter.get().withSearch(text));
    }

    /** Shows only the edges of one node (null shows everything again). */
    public void focus(String nodeId) {
        setFilter(filter.get().withFocus(nodeId));
    }

    public void clearFilters() {
        setFilter(ViewFilter.NONE);
    }

    private void setFilter(ViewFilter newFilter) {
        filter.set(newFilter);
        refresh.accept(newFilter);
    }

    ViewFilter current() {
        return filter.get();
    }

    /** A new place: everything shown, but the choice of edges stays. */
    void startOver() {
        filter.set(ViewFilter.NONE.withEdges(filter.get().edges()));
    }

    /** The same cluster grouped otherwise: the filter, with what now stands for what it named. */
    void carryInto(Workspace regrouped) {
        filter.set(Regrouping.carried(filter.get(), regrouped));
    }

    /** A workspace is on show: its namespaces to choose from. */
    void shown(Workspace opened) {
        namespaces.setAll(namespacesOf(opened));
    }

    void clear() {
        namespaces.clear();
    }

    private static List<String> namespacesOf(Workspace workspace) {
        Set<String> names = new TreeSet<>(workspace.frame().namespaces());
        // An aggregated frame has boxes only for open namespaces; the filter lists them all.
        workspace.snapshot().namespaces().forEach(namespace -> names.add(namespace.name()));
        workspace.frame().nodes().stream().filter(node -> !node.isExternal()).forEach(node -> names.add(node.namespace()));
        return List.copyOf(names);
    }

    public ReadOnlyObjectProperty<ViewFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Every namespace of the open place, sorted, for the namespace filter. */
    public ObservableList<String> namespaces() {
        return namespacesView;
    }
}

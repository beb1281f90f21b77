package io.netpolviz.view;

import io.netpolviz.graph.AggregatedGraph;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.Grouping;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.ViewFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What expanding and collapsing ask for: the grouping to lay out next, or a refusal when the
 * picture would have more nodes than a person can read ({@link Grouping#READABLE_NODES}). Also
 * what a view may offer for a node, and how a focus or a selection carries over to the new picture.
 */
public final class Regrouping {

    /**
     * The answer to a request.
     *
     * @param grouping the grouping to lay out, or null when refused or when nothing would change
     * @param done what the status line says once it is shown
     * @param refusal why nothing happens, or null
     * @param zoomTo a namespace whose box the view should show after the layout, or null to fit everything
     */
    public record Outcome(Grouping grouping, String done, String refusal, String zoomTo) {

        public static Outcome refused(String why) {
            return new Outcome(null, "", why, null);
        }
    }

    /** One thing a view may offer for a node: a label and the request behind it. */
    public record Action(String label, Kind kind, String target) {
    }

    /** The requests a view can make. */
    public enum Kind { EXPAND, COLLAPSE_NAMESPACE, COLLAPSE_GROUP, EXPAND_ALL, COLLAPSE_ALL }

    private Regrouping() {
    }

    /** The outcome of a request on the open workspace. */
    public static Outcome outcome(Workspace workspace, Kind kind, String target) {
        return switch (kind) {
            case EXPAND -> expand(workspace, target);
            case COLLAPSE_NAMESPACE -> collapse(workspace, target, false);
            case COLLAPSE_GROUP -> collapse(workspace, target, true);
            case EXPAND_ALL -> expandAll(workspace);
            case COLLAPSE_ALL -> collapseAll(workspace);
        };
    }

    /** Opens a collapsed node: a namespace into its workloads, a group into its namespaces. */
    public static Outcome expand(Workspace workspace, String nodeId) {
        Optional<GraphNode> node = workspace.frame().node(nodeId);
        if (node.isEmpty() || node.get().type() != NodeType.NAMESPACE || !workspace.isAggregated()) {
            return Outcome.refused(nodeId + " is not a collapsed namespace");
        }
        GraphNode collapsed = node.get();
        Grouping next = workspace.grouping().expanding(Grouping.unitNameOf(nodeId).orElseThrow());
        String what;
        if (collapsed.isGroup()) {
            what = String.format(Locale.ROOT, "Opened %s into its %d namespaces", collapsed.name(), collapsed.namespaces());
        } else if (collapsed.isPart()) {
            what = String.format(Locale.ROOT, "Opened %s in %s: %,d workloads", collapsed.name(), collapsed.namespace(), collapsed.workloads());
        } else {
            boolean split = next.parts().containsKey(collapsed.name());
            what = String.format(Locale.ROOT, split ? "Opened namespace %s into parts by %s" : "Opened namespace %s: %,d workloads",
                    collapsed.name(), split ? next.parts().get(collapsed.name()) : collapsed.workloads());
        }
        return readable(workspace, next, what, collapsed.isGroup() ? null : collapsed.namespace(), "Opening " + collapsed.name());
    }

    /** Collapses a namespace into one node, or the group it belongs to. */
    public static Outcome collapse(Workspace workspace, String name, boolean group) {
        Grouping current = workspace.grouping();
        if (current.collapsed().contains(name)) {
            return Outcome.refused(name + " is collapsed already");
        }
        Grouping next = current.collapsing(name);
        return new Outcome(next, (group ? "Collapsed " : "Collapsed namespace ") + name, null, null);
    }

    /** One level deeper everywhere: every group into its namespaces, else every namespace, else every part. */
    public static Outcome expandAll(Workspace workspace) {
        if (!workspace.isAggregated() || workspace.grouping().collapsed().isEmpty()) {
            return Outcome.refused("Everything is open already");
        }
        Grouping current = workspace.grouping();
        Set<String> groups = new TreeSet<>(current.groups().values());
        Set<String> namespaces = Grouping.namespacesWithWorkloads(workspace.engine());
        List<String> closedGroups = current.collapsed().stream().filter(groups::contains).toList();
        List<String> closedNamespaces = current.collapsed().stream().filter(namespaces::contains).toList();
        List<String> level = !closedGroups.isEmpty() ? closedGroups : !closedNamespaces.isEmpty() ? closedNamespaces
                : List.copyOf(current.collapsed());
        Grouping next = current;
        for (String name : level) {
            next = next.expanding(name);
        }
        String what = !closedGroups.isEmpty() ? "every group into its namespaces"
                : !closedNamespaces.isEmpty() ? "every namespace" : "every part of a namespace";
        return readable(workspace, next, "Opened " + what, null, "Opening " + what);
    }

    public static Outcome collapseAll(Workspace workspace) {
        Grouping all = Grouping.allCollapsed(workspace.engine());
        if (workspace.isAggregated() && workspace.grouping().equals(all)) {
            return Outcome.refused("Everything is collapsed already");
        }
        return new Outcome(all, "Collapsed every namespace", null, null);
    }

    private static Outcome readable(Workspace workspace, Grouping next, String done, String zoomTo, String attempt) {
        AggregatedGraph aggregate = workspace.aggregate();
        int now = workspace.frame().nodes().size();
        int after = aggregate.nodeCount(next);
        if (after > Grouping.READABLE_NODES && after > now) {
            return Outcome.refused(TooMuchToDraw.boxes(attempt, after).getMessage());
        }
        return new Outcome(next, done, null, zoomTo);
    }

    /** What a view may offer for a node (or a namespace box, by {@code namespace} with a null node). */
    public static List<Action> actions(Workspace workspace, String nodeId, String namespaceBox) {
        List<Action> actions = new ArrayList<>();
        if (workspace == null) {
            return actions;
        }
        Grouping grouping = workspace.grouping();
        Optional<GraphNode> node = nodeId == null ? Optional.empty() : workspace.frame().node(nodeId);
        if (node.isPresent() && node.get().type() == NodeType.NAMESPACE) {
            GraphNode collapsed = node.get();
            String label = collapsed.isGroup() ? "Open " + collapsed.name() + " into its namespaces"
                    : collapsed.isPart() ? "Open " + collapsed.name() + " into its workloads"
                    : grouping.parts().containsKey(collapsed.name()) ? "Open namespace " + collapsed.name() + " into its parts"
                    : "Open namespace " + collapsed.name() + " into its workloads";
            actions.add(new Action(label, Kind.EXPAND, collapsed.id()));
            if (!collapsed.isGroup() && !collapsed.isPart()) {
                grouping.groupOf(collapsed.name()).ifPresent(group -> actions.add(
                        new Action("Collapse " + group, Kind.COLLAPSE_GROUP, group)));
            }
        }
        String namespace = namespaceBox;
        if (node.isPresent() && (node.get().type() == NodeType.WORKLOAD || node.get().isPart())) {
            namespace = node.get().namespace();
        }
        if (node.isPresent() && node.get().type() == NodeType.WORKLOAD) {
            grouping.partOf(namespace, node.get().labels()).ifPresent(part -> actions.add(
                    new Action("Collapse " + part.substring(part.indexOf('/') + 1) + " in " + node.get().namespace(),
                            Kind.COLLAPSE_GROUP, part)));
        }
        if (namespace != null && !namespace.isEmpty() && !grouping.isCollapsed(namespace)) {
            actions.add(new Action("Collapse namespace " + namespace, Kind.COLLAPSE_NAMESPACE, namespace));
            grouping.groupOf(namespace).ifPresent(group -> actions.add(new Action("Collapse " + group, Kind.COLLAPSE_GROUP, group)));
        }
        return actions;
    }

    /** The focus carried into the new picture: the node that shows the focused one now, or none. */
    public static ViewFilter carried(ViewFilter filter, Workspace regrouped) {
        if (filter.focus() == null || regrouped.frame().node(filter.focus()).isPresent()) {
            return filter;
        }
        return filter.withFocus(shownAs(regrouped, filter.focus()).orElse(null));
    }

    /** The selection carried into the new picture: a node by the node that shows it now; an edge that went, dropped. */
    public static Selection carried(Selection selection, Workspace regrouped) {
        if (selection instanceof Selection.Node node && regrouped.frame().node(node.id()).isEmpty()) {
            return shownAs(regrouped, node.id()).<Selection>map(Selection.Node::new).orElse(Selection.NOTHING);
        }
        if (selection instanceof Selection.Edge edge && regrouped.frame().edges().stream().noneMatch(e -> e.key().equals(edge.key()))) {
            return Selection.NOTHING;
        }
        return selection;
    }

    private static Optional<String> shownAs(Workspace workspace, String id) {
        return workspace.isAggregated() ? workspace.aggregate().nodeShowing(id) : Optional.empty();
    }
}

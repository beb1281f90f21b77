package io.netpolviz.view;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.ReachabilityGraphBuilder;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.ConnectivityDiff;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.IngressControllerChanges;
import io.netpolviz.policy.IngressControllerReach;
import io.netpolviz.policy.PolicyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The side a picture is compared with — a folder, a git revision or a cluster, read once and
 * evaluated with every policy on — and its name. The open workspace is the <em>after</em>: its
 * switches apply to it, so a what-if goes on top of the diff, and {@link #changesTo} is asked
 * again for every evaluation.
 */
public record Comparison(String name, Evaluation before) {

    /** Compiles and evaluates the snapshot of the side to compare with. */
    public static Comparison of(String name, ClusterSnapshot snapshot) {
        return new Comparison(name, PolicyEngine.compile(snapshot).evaluate());
    }

    /**
     * Every pair whose allowed ports differ between this side and {@code after}, as {@code diff} lists them,
     * the ingress controller's last.
     */
    public List<ConnectivityChange> changesTo(Evaluation after) {
        List<ConnectivityChange> changes = new ArrayList<>();
        ConnectivityDiff.forEachBetweenSnapshots(before, after, changes::add);
        changes.addAll(IngressControllerChanges.between(before, after));
        return List.copyOf(changes);
    }

    /**
     * The node of an endpoint the open side does not draw: a workload only this side has, an
     * address block only this side's rules name, or every address ({@code ext:0.0.0.0/0}).
     */
    Optional<GraphNode> formerNode(String id, Evaluation after) {
        if (id.equals(IngressControllerReach.ID)) {
            return Optional.of(IngressControllerPicture.node()); // only the other side routes anything
        }
        for (Evaluation side : List.of(before, after)) {
            if (id.startsWith("ext:")) {
                for (Endpoint.External external : side.engine().externalPeers()) {
                    if (external.id().equals(id)) {
                        return Optional.of(ReachabilityGraphBuilder.node(external));
                    }
                }
            } else {
                Optional<Endpoint> workload = side.engine().resolve(id);
                if (workload.isPresent()) {
                    return workload.map(ReachabilityGraphBuilder::node);
                }
            }
        }
        Endpoint.External any = Endpoint.External.anyIpv4();
        return id.equals(any.id()) ? Optional.of(ReachabilityGraphBuilder.node(any)) : Optional.empty();
    }

    /** What the change halo means in a compared picture's legend. */
    public String legend() {
        return "differs from " + name + ": + added, \u2212 removed, before \u2192 after";
    }

    /** The title of a compared picture: both sides, {@code main → pull-request}. */
    public String title(String after) {
        return name + " \u2192 " + after;
    }
}

package io.netpolviz.view;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A question the selected edge allows: "how do I allow this?" for its first blocked port (of
 * the label entries selected, or of the whole edge), "how do I block this?" for its first allowed
 * one. Only an edge between two ends the engine knows (workloads, addresses) can be asked about:
 * an edge to a namespace box stands for many pairs.
 */
public record FixQuestion(Goal goal, Target target) {

    /** {@code How do I allow this? (TCP 8080)}. */
    public String display() {
        return "How do I " + goal.verb() + " this? (" + target.protocol() + " " + target.port() + ")";
    }

    public static List<FixQuestion> of(Selection selection, Evaluated evaluated) {
        if (!(selection instanceof Selection.Edge selected) || evaluated == null) {
            return List.of();
        }
        Optional<GraphEdge> found = evaluated.picture().edge(selected.key()).or(() -> SelectionDetails.pairEdge(selected.key(), evaluated));
        if (found.isEmpty() || found.get().touchesBox()) {
            return List.of();
        }
        GraphEdge edge = found.get();
        Endpoint source = evaluated.workspace().endpoints().get(edge.sourceId());
        Endpoint destination = evaluated.workspace().endpoints().get(edge.targetId());
        if (source == null || destination == null) {
            return List.of();
        }
        Evaluation evaluation = evaluated.evaluation();
        PortSet allowed = evaluation.allowedPorts(source, destination);
        List<PortVerdict> asked = SelectionDetails.portsOf(edge, SelectionDetails.labelEntries(edge, selected));
        List<FixQuestion> questions = new ArrayList<>();
        firstPort(asked, allowed, false).ifPresent(port -> questions.add(new FixQuestion(Goal.ALLOW,
                new Target(source, destination, port.protocol(), port.first()))));
        firstPort(asked, allowed, true).ifPresent(port -> questions.add(new FixQuestion(Goal.BLOCK,
                new Target(source, destination, port.protocol(), port.first()))));
        return questions;
    }

    /** The first port of the edge's ports that is allowed (or blocked), as a one-port range. */
    private static Optional<PortRange> firstPort(List<PortVerdict> ports, PortSet allowed, boolean wantAllowed) {
        for (PortVerdict verdict : ports) {
            PortSet range = PortSet.of(verdict.port());
            PortSet wanted = wantAllowed ? range.intersect(allowed) : range.minus(allowed);
            if (!wanted.isEmpty()) {
                PortRange first = wanted.ranges().get(0);
                return Optional.of(PortRange.single(first.protocol(), first.first()));
            }
        }
        return Optional.empty();
    }
}

package io.netpolviz.cli;

import io.netpolviz.policy.Connection;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.IngressControllerReach;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.RunTimeFilteredPorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code L7} marks of {@code analyze}: the allowed ports of a connection on which a Cilium L7 or
 * DNS-name rule filters requests at run time, as the picture's edge labels mark them. Pods no
 * policy can tell apart get the same answer, so it is computed once per pair of classes; a
 * cluster without such rules never computes anything.
 */
final class RunTimeFilterMarks {

    /** The sentence under a report that marked some port. */
    static final String MEANING = "L7: allowed, and a Cilium L7 or DNS-name rule filters requests on the port at run time";

    private final Evaluation evaluation;
    private final boolean any;
    private final Map<Long, PortSet> byClassPair = new HashMap<>();
    private boolean marked;

    RunTimeFilterMarks(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.any = RunTimeFilteredPorts.any(evaluation);
    }

    /** The connection's filtered ports; none when nothing filters. */
    PortSet of(Connection connection) {
        // The ingress controller's connections come from an engine of their own, whose classes are numbered apart.
        if (!any || connection.allowed().isEmpty() || connection.source().id().equals(IngressControllerReach.ID)) {
            return PortSet.NONE;
        }
        PortSet filtered;
        if (connection.source() instanceof Endpoint.Pods from && connection.destination() instanceof Endpoint.Pods to
                && !Evaluation.isSelf(from, to)) {
            long key = ((long) from.podClass().index() << 32) | to.podClass().index();
            filtered = byClassPair.computeIfAbsent(key, k -> compute(connection));
        } else {
            filtered = compute(connection);
        }
        marked |= !filtered.isEmpty();
        return filtered;
    }

    private PortSet compute(Connection connection) {
        return RunTimeFilteredPorts.of(evaluation, connection.source(), connection.destination(), connection.allowed());
    }

    /** {@code allowed} as {@link AnalysisReport#allowedText} writes it, each filtered range followed by {@code L7}. */
    String allowedText(Connection connection, String separator) {
        PortSet filtered = of(connection);
        if (filtered.isEmpty()) {
            return AnalysisReport.allowedText(connection.allowed(), separator);
        }
        List<PortRange> ranges = new ArrayList<>(connection.allowed().minus(filtered).ranges());
        ranges.addAll(filtered.ranges());
        ranges.sort(null);
        return String.join(separator, ranges.stream().map(range -> range.display() + (filtered.containsAll(range) ? " L7" : "")).toList());
    }

    /** Whether some connection so far had a filtered port: then the report explains the mark. */
    boolean marked() {
        return marked;
    }
}

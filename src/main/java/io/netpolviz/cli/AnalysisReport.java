package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Connection;
import io.netpolviz.policy.ConnectivityMatrix;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortSet;
import java.util.List;
import java.util.Set;

/** What {@code analyze} reports: the connectivity matrix and the load diagnostics, ready to format. */
record AnalysisReport(ClusterSnapshot snapshot, Set<PolicyId> switchedOff, List<Connection> connections) {

    static AnalysisReport of(Evaluation evaluation) {
        return new AnalysisReport(evaluation.engine().snapshot(), evaluation.switchedOff(), ConnectivityMatrix.of(evaluation));
    }

    int podCount() {
        return snapshot.workloads().stream().mapToInt(w -> w.replicas()).sum();
    }

    /** {@code all}, {@code none}, or the ranges joined by {@code separator}. */
    static String allowedText(PortSet allowed, String separator) {
        if (allowed.isAll()) {
            return "all";
        }
        if (allowed.isEmpty()) {
            return "none";
        }
        return String.join(separator, allowed.ranges().stream().map(r -> r.display()).toList());
    }

    String summary() {
        return snapshot.namespaces().size() + " namespaces, " + snapshot.workloads().size() + " workloads (" + podCount() + " pods), "
                + snapshot.policies().size() + " policies" + (switchedOff.isEmpty() ? "" : " (" + switchedOff.size() + " switched off)")
                + ", " + snapshot.diagnostics().size() + " diagnostics";
    }
}

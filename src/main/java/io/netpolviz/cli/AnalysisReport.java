package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Connection;
import io.netpolviz.policy.ConnectivityMatrix;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@code analyze} reports: the connectivity matrix and the load diagnostics, ready to format.
 * The matrix is handed over connection by connection, never held: a cluster of 3,700 workloads
 * has 13.7 million of them.
 */
record AnalysisReport(ClusterSnapshot snapshot, Set<PolicyId> switchedOff, Evaluation evaluation) {

    static AnalysisReport of(Evaluation evaluation) {
        return new AnalysisReport(evaluation.engine().snapshot(), evaluation.switchedOff(), evaluation);
    }

    /** Every connection, in the matrix's order. */
    void forEachConnection(Consumer<Connection> each) {
        ConnectivityMatrix.forEach(evaluation, each);
    }

    /** The endpoints the connections name, in the order they first appear. */
    List<Endpoint> endpoints() {
        return ConnectivityMatrix.endpoints(evaluation);
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
        return count(snapshot.namespaces().size(), "namespace", "namespaces") + ", "
                + count(snapshot.workloads().size(), "workload", "workloads") + " (" + count(podCount(), "pod", "pods") + "), "
                + count(snapshot.policies().size(), "policy", "policies")
                + (snapshot.clusterPolicies().isEmpty() ? "" : ", " + count(snapshot.clusterPolicies().size(), "cluster-wide policy",
                        "cluster-wide policies"))
                + (switchedOff.isEmpty() ? "" : " (" + switchedOff.size() + " switched off)")
                + ", " + count(snapshot.diagnostics().size(), "diagnostic", "diagnostics");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

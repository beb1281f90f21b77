package io.netpolviz.cli;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.Connection;
import io.netpolviz.policy.ConnectivityMatrix;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.IngressControllerReach;
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

    /**
     * Every connection, in the matrix's order, then the ingress controller's to the workloads that
     * Ingresses and Routes route to ({@code {ingress-controller}} sorts after every other name).
     */
    void forEachConnection(Consumer<Connection> each) {
        ConnectivityMatrix.forEach(evaluation, each);
        IngressControllerReach.connections(evaluation).forEach(each);
    }

    /** The endpoints the connections name, in the order they first appear, the ingress controller last where it has connections. */
    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new java.util.ArrayList<>(ConnectivityMatrix.endpoints(evaluation));
        IngressControllerReach.connections(evaluation).stream().findFirst().ifPresent(first -> endpoints.add(first.source()));
        return endpoints;
    }

    int podCount() {
        return snapshot.workloads().stream().filter(w -> w.kind() != WorkloadKind.STAND_IN).mapToInt(w -> w.replicas()).sum();
    }

    /** The workloads the input holds, without the stand-ins a policy-only input gets. */
    long workloadCount() {
        return snapshot.workloads().size() - standIns().size();
    }

    /** The ids of the stand-ins for the pods a policy-only input's selectors name; empty for any other input. */
    List<String> standIns() {
        return snapshot.workloads().stream().filter(w -> w.kind() == WorkloadKind.STAND_IN).map(w -> w.id()).toList();
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

    /**
     * {@code all}, {@code none}, or the ports grouped by protocol as netpol-analyzer writes them,
     * protocols in alphabetical order: {@code TCP 8080,9555}, {@code TCP 9090,UDP 53},
     * {@code TCP 30000-32767}, {@code SCTP 1-65535,TCP 80}. One field, no spaces after the commas:
     * what {@code diff} writes in every format, so its lines compare with netpol-analyzer's.
     */
    static String compactText(PortSet allowed) {
        if (allowed.isAll() || allowed.isEmpty()) {
            return allowedText(allowed, ",");
        }
        java.util.Map<String, List<String>> byProtocol = new java.util.TreeMap<>();
        for (io.netpolviz.policy.PortRange range : allowed.ranges()) {
            byProtocol.computeIfAbsent(range.protocol().toString(), p -> new java.util.ArrayList<>())
                    .add(range.first() == range.last() ? String.valueOf(range.first()) : range.first() + "-" + range.last());
        }
        List<String> groups = new java.util.ArrayList<>();
        byProtocol.forEach((protocol, ports) -> groups.add(protocol + " " + String.join(",", ports)));
        return String.join(",", groups);
    }

    String summary() {
        return count(snapshot.namespaces().size(), "namespace", "namespaces") + ", "
                + count(workloadCount(), "workload", "workloads") + " (" + count(podCount(), "pod", "pods") + "), "
                + (standIns().isEmpty() ? "" : count(standIns().size(), "stand-in", "stand-ins")
                        + " (\"pods with ...\": no real pods, one per selector the policies use), ")
                + count(snapshot.policies().size(), "policy", "policies")
                + (snapshot.clusterPolicies().isEmpty() ? "" : ", " + count(snapshot.clusterPolicies().size(), "cluster-wide policy",
                        "cluster-wide policies"))
                + (snapshot.ciliumPolicies().isEmpty() ? "" : ", " + count(snapshot.ciliumPolicies().size(), "Cilium policy",
                        "Cilium policies"))
                + (snapshot.calico().policies().isEmpty() ? "" : ", " + count(snapshot.calico().policies().size(), "Calico policy",
                        "Calico policies"))
                + (switchedOff.isEmpty() ? "" : " (" + switchedOff.size() + " switched off)")
                + ", " + count(snapshot.diagnostics().size(), "diagnostic", "diagnostics");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

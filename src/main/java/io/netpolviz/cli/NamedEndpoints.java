package io.netpolviz.cli;

import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PolicyEngine;
import java.util.Locale;

/**
 * Words for the endpoints a user names ({@link PolicyEngine#resolveAll}: a workload, a bare pod,
 * a pod of a workload, an address): a workload whose pods do not all carry its template's labels is
 * several endpoints, each described with the pods it holds, so that an answer never silently picks
 * one; and what to say when a name matches nothing.
 */
final class NamedEndpoints {

    private NamedEndpoints() {
    }

    /** {@code shop/web (2 pods)}, {@code shop/web-7d-x (1 pod of Deployment web: quarantine=true)}, {@code ext:203.0.113.7}. */
    static String describe(Endpoint endpoint) {
        if (!(endpoint instanceof Endpoint.Pods pods)) {
            return endpoint.id();
        }
        Workload workload = pods.workload();
        String count = String.format(Locale.ROOT, "%,d pod%s", workload.replicas(), workload.replicas() == 1 ? "" : "s");
        if (workload.kind() == io.netpolviz.model.WorkloadKind.STAND_IN) {
            return workload.id() + " (a stand-in: the input holds no workload, only policies)";
        }
        if (workload.variant() == null) {
            return workload.id() + " (" + count + ")";
        }
        return workload.id() + " (" + count + " of " + workload.variant().owner() + ": " + workload.variant().difference() + ")";
    }

    static String unknown(PolicyEngine engine, String text) {
        if (text.startsWith("ext:")) {
            return "'" + text + "' is not an IPv4 or IPv6 address or block (write ext:203.0.113.7 or ext:10.0.0.0/8)";
        }
        return "unknown endpoint '" + text + "': name a workload or pod as NAMESPACE/NAME, or an address as ext:IP. Known: "
                + String.join(", ", engine.workloadEndpoints().stream().map(Endpoint::id).limit(12).toList());
    }
}

package io.netpolviz.model;

import java.util.List;

/**
 * One rule set of a Cilium policy: its {@code spec}, or one entry of its {@code specs} list. The
 * subject is the {@code endpointSelector} resolved to namespaces and pods (a CiliumNetworkPolicy's
 * own namespace always; a clusterwide policy's by the namespace labels the selector names).
 * A {@code nodeSelector} spec selects nodes, not pods: it is kept and shown, and selects no pod.
 *
 * @param enableDefaultDenyIngress {@code enableDefaultDeny.ingress} as written; null when unset
 * @param enableDefaultDenyEgress {@code enableDefaultDeny.egress} as written; null when unset
 */
public record CiliumSpec(ClusterPolicySubject subject, boolean nodeSelector, List<CiliumRule> ingress, List<CiliumRule> egress,
        List<CiliumRule> ingressDeny, List<CiliumRule> egressDeny, Boolean enableDefaultDenyIngress, Boolean enableDefaultDenyEgress,
        SourceRef where) {

    public CiliumSpec {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        ingressDeny = List.copyOf(ingressDeny);
        egressDeny = List.copyOf(egressDeny);
    }

    public List<CiliumRule> allows(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingress : egress;
    }

    public List<CiliumRule> denies(PolicyType direction) {
        return direction == PolicyType.INGRESS ? ingressDeny : egressDeny;
    }

    /**
     * Whether the endpoints this spec selects go into default deny in {@code direction}: as
     * {@code enableDefaultDeny} says, else whenever the spec has rules (allow or deny) there.
     */
    public boolean defaultDeny(PolicyType direction) {
        Boolean written = direction == PolicyType.INGRESS ? enableDefaultDenyIngress : enableDefaultDenyEgress;
        return written != null ? written : !allows(direction).isEmpty() || !denies(direction).isEmpty();
    }
}

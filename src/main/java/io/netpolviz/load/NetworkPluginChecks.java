package io.netpolviz.load;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.Diagnostic;
import java.util.List;

/**
 * What the network plugins' own policies say about each other and about the network-policy-api's
 * kinds. A cluster runs one network plugin, so Cilium's and Calico's policies together are read
 * as a mistake (or left-over CRDs) and the picture follows one of them, saying so.
 */
final class NetworkPluginChecks {

    private NetworkPluginChecks() {
    }

    /**
     * The Calico resources to evaluate, after the checks: Cilium beside the network-policy-api's
     * kinds, Calico policies of undeclared tiers, Calico rules that select host endpoints, and Cilium beside Calico.
     */
    static CalicoResources check(List<CiliumPolicy> ciliumPolicies, List<ClusterPolicy> clusterPolicies, CalicoResources calico,
            List<Diagnostic> out, List<String> unevaluatedKinds) {
        warnOfAdminTiersUnderCilium(ciliumPolicies, clusterPolicies, out);
        CalicoResources known = CalicoTierCheck.keepPoliciesOfKnownTiers(calico, out);
        return calicoUnlessCilium(ciliumPolicies, CalicoHostEndpointCheck.markRulesThatSelectHostEndpoints(known, out), out, unevaluatedKinds);
    }

    /** Warns when Cilium's policies come with the network-policy-api's kinds, which Cilium does not list among those it enforces. */
    private static void warnOfAdminTiersUnderCilium(List<CiliumPolicy> ciliumPolicies, List<ClusterPolicy> clusterPolicies, List<Diagnostic> out) {
        if (ciliumPolicies.isEmpty() || clusterPolicies.isEmpty()) {
            return;
        }
        // https://docs.cilium.io/en/stable/network/kubernetes/policy/ lists the formats Cilium enforces: NetworkPolicy,
        // CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy. The network-policy-api's kinds are not among them.
        out.add(Diagnostic.warning(clusterPolicies.get(0).where(), "these manifests hold Cilium policies and " + clusterPolicies.size()
                + " network-policy-api cluster-wide policies; Cilium's documentation does not list those kinds among the policies it"
                + " enforces, so if Cilium is the network plugin the Admin and Baseline tiers shown here may not be enforced"));
    }

    /**
     * Calico's tiers and policies to evaluate: none when Cilium's policies are there too. The two
     * engines order their layers differently (Cilium's denies before everything; Calico's ordered
     * tiers), and no cluster enforces both, so the picture follows Cilium; Calico's policy kinds
     * are then added to {@code unevaluatedKinds}, which marks the picture incomplete.
     */
    private static CalicoResources calicoUnlessCilium(List<CiliumPolicy> ciliumPolicies, CalicoResources calico, List<Diagnostic> out,
            List<String> unevaluatedKinds) {
        if (ciliumPolicies.isEmpty() || calico.policies().isEmpty()) {
            return calico;
        }
        CalicoPolicy first = calico.policies().get(0);
        out.add(Diagnostic.warning(first.where(), "these manifests hold both Cilium policies (" + ciliumPolicies.size() + ") and Calico"
                + " policies (" + calico.policies().size() + "); a cluster runs one network plugin, so the picture follows Cilium's"
                + " and leaves Calico's out (not evaluated). Remove the objects of the plugin the cluster does not run"));
        calico.policies().stream().map(policy -> "projectcalico.org " + policy.kind() + " (Calico)").distinct().forEach(unevaluatedKinds::add);
        return CalicoResources.NONE;
    }
}

package io.netpolviz.load;

import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calico's API server refuses a policy whose tier does not exist; so does this check, naming
 * the tier to declare. The tiers Calico always has ({@code default}, and {@code kube-admin} and
 * {@code kube-baseline} where it runs the network-policy-api kinds) need no declaration.
 */
final class CalicoTierCheck {

    private static final Set<String> BUILT_IN = Set.of(CalicoTier.DEFAULT, CalicoTier.KUBE_ADMIN, CalicoTier.KUBE_BASELINE);

    private CalicoTierCheck() {
    }

    static CalicoResources keepPoliciesOfKnownTiers(CalicoResources calico, List<Diagnostic> out) {
        Set<String> declared = new TreeSet<>(BUILT_IN);
        calico.tiers().forEach(tier -> declared.add(tier.name()));
        List<CalicoPolicy> kept = new ArrayList<>();
        for (CalicoPolicy policy : calico.policies()) {
            if (declared.contains(policy.tier())) {
                kept.add(policy);
            } else {
                out.add(Diagnostic.error(policy.where(), policy.kind() + " " + policy.id().name() + " is left out: it names tier \""
                        + policy.tier() + "\", which no Tier declares, and Calico refuses a policy in a tier that does not exist."
                        + " Add a Tier named " + policy.tier() + " (with its order) or correct spec.tier"));
            }
        }
        return calico.with(calico.tiers(), kept);
    }
}

package io.netpolviz.policy.fix;

import io.netpolviz.policy.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "how do I allow (or block) this?": the verdict as it stands, the verified
 * proposals best first (least collateral, then the smallest change), and for each side that no
 * NetworkPolicy change can decide, why. When there is no proposal, {@link #whyNone()} says why.
 */
public record Advice(Goal goal, Target target, Verdict verdict, List<Proposal> proposals, List<String> obstacles, String whyNone) {

    public Advice {
        proposals = List.copyOf(proposals);
        obstacles = List.copyOf(obstacles);
    }

    public Optional<Proposal> best() {
        return proposals.stream().findFirst();
    }

    /**
     * The best proposal in the cluster administrator's Admin tier, offered beside a best one that
     * edits NetworkPolicies (empty when the best is in the Admin tier already, or none is).
     */
    public Optional<Proposal> adminTier() {
        Optional<Proposal> best = best();
        if (best.isEmpty() || best.get().draft().touchesAdminTier()) {
            return Optional.empty();
        }
        return proposals.stream().filter(p -> p.draft().touchesAdminTier() && p.addsLabels() == best.get().addsLabels()).findFirst();
    }

    /**
     * A proposal with less collateral that first adds a label to a workload, when the best one
     * that changes only policies opens (or closes) more than the target.
     */
    public Optional<Proposal> narrower() {
        Optional<Proposal> best = best();
        if (best.isEmpty() || best.get().addsLabels()) {
            return Optional.empty();
        }
        return proposals.stream().filter(Proposal::addsLabels)
                .filter(p -> p.effect().collateralPairs() < best.get().effect().collateralPairs()).findFirst();
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * What only the running cluster decides about a connection that Cilium rules touch: L7 rules
 * (HTTP, DNS, Kafka) on an allowing rule filter requests after the L3/L4 verdict, and peers
 * named by DNS name, service or entity other than world/cluster/all may match at run time. The
 * L3/L4 verdict stands; these notes say what may still change it.
 */
public final class CiliumNotes {

    private CiliumNotes() {
    }

    /** One sentence per Cilium rule that admits the connection with a run-time filter, or that may match it at run time. */
    public static List<String> of(Evaluation evaluation, Verdict verdict) {
        List<String> notes = new ArrayList<>();
        for (SideVerdict side : List.of(verdict.egress(), verdict.ingress())) {
            for (RuleRef ref : side.admittingRules()) {
                rule(evaluation, ref).ifPresent(rule -> rule.runtimeFilters().forEach(filter -> notes.add(ref.display() + ": " + filter
                        + "; the L3/L4 verdict stands")));
            }
            if (!side.allows() && side.governance() == Governance.POD) {
                for (io.netpolviz.model.PolicyId id : side.isolatingPolicies()) {
                    evaluation.engine().snapshot().ciliumPolicy(id).ifPresent(policy -> runTimePeers(policy, side.direction(), notes));
                }
            }
        }
        return notes.stream().distinct().toList();
    }

    /** The first run-time note for the connection, for an edge's label; empty when there is none. */
    public static String edgeNote(Evaluation evaluation, Verdict verdict) {
        List<String> notes = of(evaluation, verdict);
        return notes.isEmpty() ? "" : notes.get(0);
    }

    private static void runTimePeers(CiliumPolicy policy, PolicyType direction, List<String> notes) {
        for (CiliumSpec spec : policy.specs()) {
            for (CiliumRule rule : spec.allows(direction)) {
                if (!rule.runtimePeers().isEmpty()) {
                    notes.add(CiliumPolicy.display(policy.id()) + ", " + CiliumRule.name(direction, false, rule.index()) + " names "
                            + String.join(", ", rule.runtimePeers()) + ", decided at run time: it may allow this in the running cluster");
                }
            }
        }
    }

    static java.util.Optional<CiliumRule> rule(Evaluation evaluation, RuleRef ref) {
        if (!CiliumPolicy.isCilium(ref.policy())) {
            return java.util.Optional.empty();
        }
        return evaluation.engine().snapshot().ciliumPolicy(ref.policy()).flatMap(policy -> policy.specs().stream()
                .filter(spec -> spec.allows(ref.direction()).size() > ref.index())
                .map(spec -> spec.allows(ref.direction()).get(ref.index())).findFirst());
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** How explanations and lint name the rules of ordered tiers. */
final class TierWords {

    private TierWords() {
    }

    /** {@code Admin tier: `cluster-deny-monitoring` (priority 10) rule `deny-from-staging` denies this}. */
    static String decides(TierRuleRef ref) {
        String verb = ref.action() == RuleAction.PASS ? "passes this" : ref.action().verb() + " this";
        return ref.display() + " " + verb;
    }

    /** What follows a final Admin-tier decision: no NetworkPolicy is consulted (a Cilium deny wins over every allow). */
    static String finalWords(TierRuleRef ref) {
        return io.netpolviz.model.CiliumPolicy.isCilium(ref.policy())
                ? " \u2014 a Cilium deny wins over every allow, of any kind" : " \u2014 no NetworkPolicy is consulted";
    }

    /** {@code from all pods in namespaces env=staging (matches staging/web); ports TCP 80}. */
    static String describe(Evaluation evaluation, TierRuleRef ref) {
        CompiledTierPolicy policy = evaluation.engine().tierPolicy(ref.policy()).orElseThrow();
        CompiledTierRule rule = policy.rules(ref.direction()).get(ref.index());
        ClusterPolicyRule source = rule.source();
        List<String> peers = new ArrayList<>();
        for (ClusterPolicyPeer peer : source.peers()) {
            peers.add(peer.display());
        }
        String text = (ref.direction() == PolicyType.INGRESS ? "from " : "to ") + String.join(" or ", peers);
        List<String> matched = workloads(evaluation, rule.peerClassesView());
        text += matched.isEmpty() ? "" : " (matches " + String.join(", ", matched) + ")";
        String ports = source.ports().isEmpty() ? "all ports"
                : "ports " + String.join(", ", source.ports().stream().map(ClusterPolicyPort::display).toList());
        return text + "; " + ports;
    }

    static List<String> workloads(Evaluation evaluation, BitSet classes) {
        List<String> ids = new ArrayList<>();
        for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
            evaluation.engine().classes().get(c).workloads().forEach(w -> ids.add(w.id()));
        }
        return ids.stream().sorted().toList();
    }
}

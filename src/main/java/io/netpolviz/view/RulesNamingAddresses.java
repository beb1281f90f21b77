package io.netpolviz.view;

import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledCalicoPolicy;
import io.netpolviz.policy.CompiledCalicoRule;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.CompiledTierPolicy;
import io.netpolviz.policy.CompiledTierRule;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.view.Explanation.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that name an address block outside the cluster, for the pane of a clicked block: NetworkPolicy
 * ipBlocks and Cilium's allow rules ({@code toCIDR}, {@code toCIDRSet}, entity {@code world}), the cluster-wide
 * tiers' rules (ClusterNetworkPolicy, ANP and BANP {@code networks}, Cilium's deny rules) and Calico's rules
 * (nets, or the network sets their selectors pick). Each says which of its CIDRs holds the block, so the
 * student sees why the rule is listed.
 */
final class RulesNamingAddresses {

    private RulesNamingAddresses() {
    }

    static List<Block> of(PolicyEngine engine, IpBlock block) {
        List<Block> rules = new ArrayList<>();
        for (CompiledPolicy policy : engine.policies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledRule rule : policy.rules(direction)) {
                    if (rule.matchesExternal(block)) {
                        String how = rule.allPeers() ? " (no peer list: anyone)"
                                : holding(rule.ipBlocks().stream().filter(written -> written.covers(block)).map(IpBlock::display).toList());
                        rules.add(item(policy.id(), " " + rule.ref().ruleName() + how));
                    }
                }
            }
        }
        for (CompiledTierPolicy policy : engine.tierPolicies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledTierRule rule : policy.rules(direction)) {
                    if (rule.matchesExternal(block)) {
                        String name = CiliumPolicy.isCilium(policy.id()) ? rule.ref().name() : rule.ref().ruleDisplay();
                        List<String> networks = rule.networks().stream().filter(network -> new IpBlock(network, List.of()).covers(block))
                                .map(Cidr::display).toList();
                        rules.add(item(policy.id(), " " + name + ": " + rule.source().action().verb() + holding(networks)));
                    }
                }
            }
        }
        // Calico's rules name addresses too: by nets, or by the network sets their selectors pick (lesson 10's threat feed).
        for (CompiledCalicoPolicy policy : engine.calicoPolicies()) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledCalicoRule rule : policy.rules(direction)) {
                    if (rule.matchesExternal(block)) {
                        List<String> sets = rule.peerNetworkSets().stream().map(CalicoNetworkSet::display).toList();
                        rules.add(item(policy.id(), " " + rule.ref().ruleDisplay() + (sets.isEmpty() ? "" : " (through " + String.join(", ", sets) + ")")));
                    }
                }
            }
        }
        return rules;
    }

    /** {@code  (by 0.0.0.0/0)}: the CIDRs of the rule that hold the block; 0.0.0.0/0 is also how Cilium's world reads. */
    private static String holding(List<String> cidrs) {
        return cidrs.isEmpty() ? "" : " (by " + String.join(", ", cidrs) + ")";
    }

    private static Block item(io.netpolviz.model.PolicyId id, String text) {
        return new Explanation.Item(null, Explanation.words().policy(id).text(text).build());
    }
}

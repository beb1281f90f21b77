package io.netpolviz.view;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.view.Explanation.Block;
import io.netpolviz.view.Explanation.Mark;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words for a selected policy: what it selects and admits, in plain words, with the workloads it
 * selects lit up. Part of {@link SelectionDetails}.
 */
final class PolicyDetails {

    private PolicyDetails() {
    }

    static Details describe(PolicyId id, Evaluated evaluated) {
        Workspace workspace = evaluated.workspace();
        PolicyEngine engine = workspace.engine();
        Optional<CompiledPolicy> found = engine.policy(id);
        if (found.isEmpty()) {
            return new Details(id.toString(), "There is no policy " + id + " at this step.", Set.of(), Set.of(), null);
        }
        CompiledPolicy policy = found.get();
        Explainer explainer = new Explainer(evaluated.evaluation());
        Set<String> subjects = workloadsOf(engine, policy.selectedClasses());
        Set<String> peers = new TreeSet<>();
        List<Block> blocks = new ArrayList<>();
        boolean on = evaluated.evaluation().isSwitchedOn(id);
        blocks.add(new Explanation.Fact("Status", Explanation.text(on ? "switched on" : "switched off: this what-if leaves it out")));
        Explanation.Words selects = Explanation.words().text("Selects pods " + policy.source().podSelector().display() + " in namespace "
                + id.namespace() + ": ");
        if (subjects.isEmpty()) {
            selects.text("no pod at all (check the labels)");
        } else {
            int i = 0;
            for (String subject : subjects) {
                selects.text(i++ == 0 ? "" : ", ").link(subject, new Selection.Node(subject));
            }
        }
        blocks.add(new Explanation.Paragraph(selects.text(".").build()));
        List<String> types = policy.types().stream().sorted().map(PolicyType::apiName).toList();
        String typesWords = types.isEmpty() ? "none" : String.join(", ", types);
        if (policy.source().declaredPolicyTypes() == null) {
            typesWords += policy.types().contains(PolicyType.EGRESS)
                    ? " (not written: Ingress by default, and Egress because the policy has egress rules)"
                    : " (not written: Ingress by default; Egress only when the policy has egress rules)";
        }
        blocks.add(new Explanation.Fact("Policy types", Explanation.text(typesWords)));
        for (PolicyType direction : PolicyType.values()) {
            String word = VerdictBlocks.direction(direction);
            List<CompiledRule> rules = policy.rules(direction);
            for (CompiledRule rule : rules) {
                if (rule.allPeers()) {
                    peers.addAll(workspace.endpoints().keySet());
                    continue;
                }
                peers.addAll(workloadsOf(engine, rule.peerClasses()));
                for (Endpoint.External external : engine.externalPeers()) {
                    if (rule.matchesExternal(external.block())) {
                        peers.add(external.id());
                    }
                }
            }
            if (!policy.isolates(direction)) {
                if (!rules.isEmpty()) {
                    blocks.add(new Explanation.Side(null, direction.apiName() + " rules without effect", Explanation.text(
                            direction.apiName() + " is not in policyTypes, so these rules have no effect.")));
                }
                continue;
            }
            if (rules.isEmpty()) {
                blocks.add(new Explanation.Side(Mark.BLOCKED, direction.apiName() + " isolated, nothing admitted",
                        Explanation.text("No rule admits anything: all " + word + " of the pods it selects is blocked, unless another policy that "
                                + "selects them admits it.")));
                continue;
            }
            blocks.add(new Explanation.Side(null, direction.apiName() + " isolated; only these are allowed",
                    Explanation.text("Policies add up: another policy that selects the same pods may admit more.")));
            for (CompiledRule rule : rules) {
                blocks.add(new Explanation.Item(Mark.ALLOWED, Explanation.text(rule.ref().ruleName() + ": "
                        + explainer.describeRule(rule.ref()))));
            }
        }
        blocks.add(new Explanation.Hint("In the diagram, the pods it selects have a solid outline, the peers its rules name a dashed one."));
        blocks.add(VerdictBlocks.code(policy.source(), "", List.of(), workspace));
        return new Details(id.toString(), blocks, subjects, peers, null);
    }

    private static Set<String> workloadsOf(PolicyEngine engine, BitSet classes) {
        Set<String> ids = new TreeSet<>();
        for (int c = classes.nextSetBit(0); c >= 0; c = classes.nextSetBit(c + 1)) {
            engine.classes().get(c).workloads().forEach(workload -> ids.add(workload.id()));
        }
        return ids;
    }
}

package io.netpolviz.view;

import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.SourceRef;
import io.netpolviz.policy.CompiledPolicy;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Explainer;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.RuleRef;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import io.netpolviz.view.Explanation.Block;
import io.netpolviz.view.Explanation.Mark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The blocks that explain one connection's verdict: each side with its mark and the policies that
 * decide it as links, the fix, and the YAML of those policies. Everything is read from the
 * {@link Verdict} and worded with the {@link Explainer}; nothing is worked out again.
 */
final class VerdictBlocks {

    /** The policies an explanation showed, to print their YAML once at its end. */
    static final class Policies {

        /** Per policy, in the order the sides name them: why its YAML is shown, and the rules to mark in it. */
        private final Map<PolicyId, String> why = new LinkedHashMap<>();
        private final Map<PolicyId, Set<SourceRef>> marked = new LinkedHashMap<>();

        /**
         * Takes the policies that decide a side: those whose rules admit, those with a rule that
         * names the peer on other ports, and those that only isolate (no rule in this direction).
         * A policy that isolates and has rules for other peers is named as a link only: its YAML
         * would say nothing about this connection.
         */
        void add(SideVerdict side, PolicyEngine engine) {
            String word = direction(side.direction());
            for (RuleRef ref : side.admittingRules()) {
                mark(ref, engine, "the rule that admits is marked " + RuleMarker.MARK.strip());
            }
            if (!side.allows()) {
                for (RuleRef ref : side.peerMatchedRules()) {
                    mark(ref, engine, "the rule that names the peer, on other ports, is marked " + RuleMarker.MARK.strip());
                }
                for (PolicyId id : side.isolatingPolicies()) {
                    if (engine.policy(id).map(policy -> policy.rules(side.direction()).isEmpty()).orElse(false)) {
                        why.putIfAbsent(id, "isolates " + word + " and has no " + word + " rules");
                    }
                }
            }
        }

        private void mark(RuleRef ref, PolicyEngine engine, String reason) {
            engine.policy(ref.policy()).ifPresent(policy -> {
                why.putIfAbsent(ref.policy(), reason);
                marked.computeIfAbsent(ref.policy(), id -> new LinkedHashSet<>())
                        .add(policy.rules(ref.direction()).get(ref.index()).source().where());
            });
        }

        /** The YAML of each policy once, the rules that decide marked. */
        List<Block> yaml(PolicyEngine engine, Workspace workspace) {
            List<Block> blocks = new ArrayList<>();
            for (Map.Entry<PolicyId, String> entry : why.entrySet()) {
                NetworkPolicy policy = engine.policy(entry.getKey()).orElseThrow().source();
                blocks.add(code(policy, entry.getValue(), marked.getOrDefault(entry.getKey(), Set.of()), workspace));
            }
            return blocks;
        }
    }

    private VerdictBlocks() {
    }

    /** The source's egress and the destination's ingress, in that order. */
    static List<Block> sides(Verdict verdict, String connection, Explainer explainer, PolicyEngine engine) {
        return List.of(side(verdict.egress(), verdict, connection, explainer, engine),
                side(verdict.ingress(), verdict, connection, explainer, engine));
    }

    /** One side: {@code ✗ Egress of production/frontend} and why, with the deciding policies as links. */
    static Explanation.Side side(SideVerdict side, Verdict verdict, String connection, Explainer explainer, PolicyEngine engine) {
        boolean egress = side.direction() == PolicyType.EGRESS;
        Endpoint subject = egress ? verdict.source() : verdict.destination();
        Endpoint peer = egress ? verdict.destination() : verdict.source();
        String word = direction(side.direction());
        Explanation.Words why = Explanation.words();
        switch (side.governance()) {
            case EXTERNAL -> why.text("Outside the cluster: no NetworkPolicy governs this side.");
            case HOST_NETWORK -> why.text("Runs on the host network: NetworkPolicy does not govern it, the network plugin decides.");
            case SELF -> why.text("A pod reaching itself: loopback follows no policy of any kind.");
            case POD -> {
                String tiers = explainer.tierDecision(side);
                SideVerdict.Layer layer = side.decidedBy();
                String calico = explainer.calicoDecision(side, subject.id());
                if (layer == SideVerdict.Layer.CALICO_TIER) {
                    why.text(Character.toUpperCase(calico.charAt(0)) + calico.substring(1) + ".");
                    break;
                }
                why.text(calico);
                if (layer == SideVerdict.Layer.ADMIN_TIER || layer == SideVerdict.Layer.BASELINE_TIER) {
                    why.text(tiers + ".");
                    break;
                }
                if (!tiers.isEmpty()) {
                    why.text(tiers + ". ");
                }
                if (!side.isolated()) {
                    why.text("Not isolated: no switched-on policy that selects it has " + side.direction().apiName()
                            + " in its policyTypes, so every " + word + " connection is allowed on this side.");
                } else if (!side.admittingRules().isEmpty()) {
                    why.text("Admitted by ");
                    List<RuleRef> rules = side.admittingRules();
                    for (int i = 0; i < rules.size(); i++) {
                        RuleRef ref = rules.get(i);
                        why.text(i == 0 ? "" : "; and by ").policy(ref.policy()).text(" " + ref.ruleName() + ", "
                                + explainer.describeRule(ref));
                    }
                    why.text(".");
                } else {
                    blocked(why, side, peer, connection, explainer, engine);
                }
            }
        }
        if (!side.switchedOffPolicies().isEmpty()) {
            why.text(" Switched off for this what-if: ").policies(side.switchedOffPolicies())
                    .text(side.switchedOffPolicies().size() == 1 ? " (it would also isolate this side)." : " (they would also isolate this side).");
        }
        String title = (egress ? "Egress of " : "Ingress of ") + subject.id();
        return new Explanation.Side(Mark.of(side.allows()), title, why.build());
    }

    /**
     * Why an isolated side blocks: the policies that isolate it (those without a rule in this
     * direction said so, once), that none of their rules admits the peer here, and the rules that
     * name the peer but not this port.
     */
    private static void blocked(Explanation.Words why, SideVerdict side, Endpoint peer, String connection, Explainer explainer,
            PolicyEngine engine) {
        String word = direction(side.direction());
        List<PolicyId> isolating = side.isolatingPolicies();
        why.text("Isolated by ");
        for (int i = 0; i < isolating.size(); i++) {
            PolicyId id = isolating.get(i);
            why.text(i == 0 ? "" : i == isolating.size() - 1 ? " and " : ", ").policy(id);
            boolean onlyIsolates = engine.policy(id).map(policy -> policy.rules(side.direction()).isEmpty()).orElse(false);
            if (onlyIsolates) {
                why.text(isolating.size() == 1 ? ", which has no " + word + " rules" : " (no " + word + " rules)");
            }
        }
        why.text(isolating.size() == 1 ? ": nothing admits " : "; no " + word + " rule of these admits ");
        why.text(peer.id() + " on " + connection + ".");
        for (RuleRef ref : side.peerMatchedRules()) {
            why.text(" ").policy(ref.policy()).text(" " + ref.ruleName() + " names " + peer.id()
                    + " but not this port: " + explainer.describeRule(ref) + ".");
        }
    }

    /** The one sentence that says what would let a blocked connection through. */
    static List<Block> fix(Verdict verdict, String connection, Explainer explainer) {
        return explainer.fix(verdict, connection).<List<Block>>map(sentence -> List.of(new Explanation.Fix(Explanation.text(sentence))))
                .orElse(List.of());
    }

    /** A policy's YAML with the lines of some rules marked, captioned with its name (a link), why it is shown and where it is written. */
    static Explanation.Code code(NetworkPolicy policy, String why, Collection<SourceRef> marked, Workspace workspace) {
        Explanation.Words caption = Explanation.words().policy(policy.id()).text(why.isEmpty() ? "" : ": " + why);
        String where = SourcePlace.place(policy.where(), workspace);
        if (!where.isEmpty()) {
            caption.text(" (" + where + ")");
        }
        List<Explanation.CodeLine> lines = new ArrayList<>();
        for (String line : RuleMarker.marked(policy, marked).lines().toList()) {
            boolean isMarked = line.startsWith(RuleMarker.MARK);
            String text = isMarked ? line.substring(RuleMarker.MARK.length())
                    : line.startsWith(RuleMarker.BLANK) ? line.substring(RuleMarker.BLANK.length()) : line;
            lines.add(new Explanation.CodeLine(text, isMarked));
        }
        return new Explanation.Code(caption.build(), lines);
    }

    /** The policies that select a pod class, as the engine lists them. */
    static List<CompiledPolicy> selecting(PolicyEngine engine, int classIndex) {
        return engine.policies().stream().filter(policy -> policy.selects(classIndex)).toList();
    }

    /** {@code TCP 8080}, {@code TCP 8000–8100}, {@code every UDP port}; several joined with commas and "and". */
    static String ports(List<io.netpolviz.policy.PortRange> ranges) {
        List<String> words = new ArrayList<>();
        List<io.netpolviz.policy.PortRange> rest = new ArrayList<>(ranges);
        if (java.util.Arrays.stream(io.netpolviz.model.Protocol.values())
                .allMatch(protocol -> ranges.contains(io.netpolviz.policy.PortRange.all(protocol)))) {
            words.add("all ports");
            rest.removeIf(io.netpolviz.policy.PortRange::isAllPorts);
        }
        for (io.netpolviz.policy.PortRange range : rest) {
            words.add(range.isAllPorts() ? "every " + range.protocol() + " port" : range.first() == range.last()
                    ? range.protocol() + " " + range.first() : range.protocol() + " " + range.first() + "\u2013" + range.last());
        }
        if (words.size() <= 1) {
            return words.isEmpty() ? "" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    static String direction(PolicyType direction) {
        return direction.apiName().toLowerCase(Locale.ROOT);
    }
}

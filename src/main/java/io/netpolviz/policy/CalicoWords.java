package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;

/** How explanations name what Calico's tiers did to one side, in words a student can follow. */
final class CalicoWords {

    private CalicoWords() {
    }

    /** One sentence for a side Calico's tiers decided. */
    static String summary(SideVerdict side, String who) {
        CalicoDecision calico = side.calico();
        String direction = side.direction().apiName().toLowerCase(java.util.Locale.ROOT);
        String passed = calico.passes().isEmpty() ? "" : passes(calico) + "; then ";
        if (calico.rule() != null) {
            return passed + calico.rule().display() + " matches first, so " + direction + " of " + who + " is "
                    + (calico.allows() ? "allowed" : "denied");
        }
        if (!calico.tier().isEmpty()) {
            return passed + "in Calico tier " + tierName(calico) + ", " + policies(calico.tierPolicies()) + " appl"
                    + (calico.tierPolicies().size() == 1 ? "ies" : "y") + " to the " + direction + " of " + who
                    + " but no rule matched, so the tier's default action Deny blocks it";
        }
        return passed + "no later tier " + (calico.allows() ? "denies" : "allows") + " it";
    }

    /** {@code X passes it on; } for the Calico rules that passed a side on to the layers below, else empty. */
    static String passedOn(SideVerdict side) {
        return side.calico() == null || side.calico().passes().isEmpty() ? "" : passes(side.calico()) + "; ";
    }

    /** The lines of {@code explain} for a side Calico's tiers took part in; returns whether they decided it. */
    static boolean explain(StringBuilder out, Evaluation evaluation, SideVerdict side, Endpoint subject, Endpoint peer) {
        CalicoDecision calico = side.calico();
        if (calico == null) {
            return false;
        }
        String direction = side.direction().apiName().toLowerCase(java.util.Locale.ROOT);
        out.append("   Calico decides tier by tier (lowest order first); in a tier, policies by order and rules in order: the first")
                .append(" rule that matches decides (Allow, Deny; Pass goes on to the next tier; Log goes on to the next rule).\n");
        for (CalicoRuleRef pass : calico.passes()) {
            out.append("   ").append(pass.display()).append(" \u2014 ").append(describe(evaluation, pass))
                    .append(": passes it on to the next tier.\n");
        }
        for (CalicoRuleRef unknown : calico.runTime()) {
            out.append("   Note: ").append(unknown.display()).append(" depends on ")
                    .append(String.join(", ", rule(evaluation, unknown).runTime()))
                    .append(", decided at run time by the data plane; it is not counted here.\n");
        }
        if (!calico.decided()) {
            return false;
        }
        if (calico.rule() != null) {
            out.append("   ").append(calico.rule().display()).append(" \u2014 ").append(describe(evaluation, calico.rule()))
                    .append(addressMatch(evaluation, calico.rule(), peer)).append(": it matches first and decides.\n");
        } else if (!calico.tier().isEmpty()) {
            out.append("   In tier ").append(tierName(calico)).append(", ").append(policies(calico.tierPolicies()))
                    .append(calico.tierPolicies().size() == 1 ? " applies" : " apply").append(" to the ").append(direction).append(" of ")
                    .append(subject.id()).append(", and none of ").append(calico.tierPolicies().size() == 1 ? "its" : "their")
                    .append(" rules matched: the tier's default action, Deny, ends it here.\n");
        } else {
            out.append("   After the passes above, no later tier ").append(calico.allows() ? "denies" : "allows").append(" it.\n");
        }
        out.append(calico.allows() ? "   \u2192 allowed on this side.\n" : "   \u2192 blocked on this side.\n");
        return true;
    }

    /** {@code to selector app == 'database'; TCP ports 2379}. */
    static String describe(Evaluation evaluation, CalicoRuleRef ref) {
        CalicoRule rule = rule(evaluation, ref);
        CalicoEntity peer = rule.peer(ref.direction());
        CalicoEntity local = rule.local(ref.direction());
        String text = (ref.direction() == PolicyType.INGRESS ? "from " : "to ") + peer.display() + networkSets(evaluation, ref);
        if (local.narrowsEndpoints()) {
            text += "; only for its own endpoints matching " + local.display();
        }
        String protocol = rule.protocol() == null ? "any protocol" : rule.protocol();
        if (rule.notProtocol() != null) {
            protocol += " except " + rule.notProtocol();
        }
        CalicoEntity destination = rule.destination();
        String ports = destination.ports().isEmpty() ? "all ports" : "ports " + String.join(", ",
                destination.ports().stream().map(io.netpolviz.model.CalicoPort::display).toList());
        if (ref.direction() == PolicyType.INGRESS || !destination.narrowsEndpoints()) {
            text += "; " + protocol + ", " + ports;
        } else {
            text += "; " + protocol;
        }
        return text;
    }

    /** {@code  (which picks GlobalNetworkSet bad-actors: 203.0.113.0/24)}: the addresses a selector matches through network sets. */
    private static String networkSets(Evaluation evaluation, CalicoRuleRef ref) {
        var sets = evaluation.engine().calicoPolicy(ref.policy()).orElseThrow().rules(ref.direction()).get(ref.index()).peerNetworkSets();
        if (sets.isEmpty()) {
            return "";
        }
        return " (which picks " + String.join(", ", sets.stream().map(set -> set.display() + ": "
                + String.join(", ", set.nets().stream().map(io.netpolviz.model.Cidr::display).toList())).toList()) + ")";
    }

    /**
     * {@code  (lab/scanner's address 10.9.0.5 lies in 10.9.0.0/24)}: why a rule naming addresses matched a pod — Calico
     * compares the pod's address with its nets and its network sets' nets; empty when the peer is no pod or the rule names none.
     */
    private static String addressMatch(Evaluation evaluation, CalicoRuleRef ref, Endpoint peer) {
        if (!(peer instanceof Endpoint.Pods pods)) {
            return "";
        }
        CompiledCalicoRule compiled = evaluation.engine().calicoPolicy(ref.policy()).orElseThrow().rules(ref.direction()).get(ref.index());
        List<io.netpolviz.model.Cidr> nets = new ArrayList<>(compiled.source().peer(ref.direction()).nets());
        compiled.peerNetworkSets().forEach(set -> nets.addAll(set.nets()));
        for (io.netpolviz.model.IpAddress address : PodAddresses.of(pods.podClass())) {
            for (io.netpolviz.model.Cidr net : nets) {
                if (net.contains(address)) {
                    return " (" + pods.id() + "'s address " + address.display() + " lies in " + net.display() + ")";
                }
            }
        }
        return "";
    }

    private static CalicoRule rule(Evaluation evaluation, CalicoRuleRef ref) {
        return evaluation.engine().calicoPolicy(ref.policy()).orElseThrow().rules(ref.direction()).get(ref.index()).source();
    }

    private static String passes(CalicoDecision calico) {
        List<String> parts = new ArrayList<>();
        calico.passes().forEach(pass -> parts.add(pass.display() + " passes it on"));
        return String.join("; ", parts);
    }

    private static String tierName(CalicoDecision calico) {
        return calico.tier() + " (order " + io.netpolviz.model.CalicoPolicy.orderText(calico.tierOrder()) + ")";
    }

    private static String policies(List<PolicyId> ids) {
        return String.join(", ", ids.stream().map(PolicyId::toString).toList());
    }
}

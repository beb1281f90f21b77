package io.netpolviz.policy.fix;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.CompiledRule;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.RuleRef;
import io.netpolviz.policy.SideVerdict;
import io.netpolviz.policy.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ways to close one side of an allowed connection. NetworkPolicies only ever allow, so a
 * side is closed by taking the connection out of every rule that admits it — split the rule
 * (the peer keeps its other ports in a rule of its own), drop the port from it, or leave the
 * peer out of it — or, where no NetworkPolicy isolates the side yet, by a new policy that
 * isolates it and admits everything but the connection. Where the cluster has an Admin tier, a
 * Deny there for exactly the connection is offered too ({@link AdminFixes}); it is the only way
 * past an Admin-tier Allow, and without an Admin tier that side comes back with the reason.
 */
final class BlockFixes {

    private final Evaluation evaluation;
    private final ClusterSnapshot snapshot;
    private final Selectors selectors;
    private final PeerExclusion exclusion;
    private final List<LabelChange> labels;

    BlockFixes(Evaluation evaluation, ClusterSnapshot snapshot, List<LabelChange> labels) {
        this.evaluation = evaluation;
        this.snapshot = snapshot;
        this.selectors = new Selectors(snapshot);
        this.exclusion = new PeerExclusion(selectors);
        this.labels = List.copyOf(labels);
    }

    List<SideOptions> allowingSides(Verdict verdict) {
        List<SideOptions> sides = new ArrayList<>();
        if (verdict.source() instanceof Endpoint.Pods) {
            sides.add(options(verdict.egress(), verdict.source(), verdict.destination(), verdict));
        }
        if (verdict.destination() instanceof Endpoint.Pods) {
            sides.add(options(verdict.ingress(), verdict.destination(), verdict.source(), verdict));
        }
        return sides;
    }

    private SideOptions options(SideVerdict side, Endpoint subject, Endpoint peer, Verdict verdict) {
        PolicyType direction = side.direction();
        // Where the cluster has an Admin tier, a Deny there for exactly this connection is offered beside the NetworkPolicy edits.
        List<Draft> adminDenies = new AdminFixes(snapshot, labels).deny(side, subject, peer, verdict);
        switch (side.decidedBy()) {
            case NOT_GOVERNED:
                return SideOptions.blockedBy(direction, subject.id() + (side.governance() == io.netpolviz.policy.Governance.HOST_NETWORK
                        ? " runs on the host network, which NetworkPolicy does not govern" : " reaching itself follows no policy"));
            case ADMIN_TIER:
                return orObstacle(direction, adminDenies, side.adminRule().display() + " allows it; the Admin tier decides before any"
                        + " NetworkPolicy, so no NetworkPolicy can close it: the cluster administrator must change that rule");
            case NETWORK_POLICY:
                for (io.netpolviz.policy.RuleRef ref : side.admittingRules()) {
                    if (io.netpolviz.model.CiliumPolicy.isCilium(ref.policy())) {
                        return orObstacle(direction, adminDenies, ref.display() + " allows it; NetPolViz drafts NetworkPolicy changes only:"
                                + " change that Cilium policy, or add an ingressDeny/egressDeny rule, which wins over every allow");
                    }
                }
                return new SideOptions(direction, concat(editAdmittingRules(side, subject, peer, verdict), adminDenies), null);
            default:
                return new SideOptions(direction, concat(isolate(side, subject, peer, verdict).stream().toList(), adminDenies), null);
        }
    }

    /** The Admin-tier Denies where there are some, else why nothing can close the side. */
    private static SideOptions orObstacle(PolicyType direction, List<Draft> adminDenies, String obstacle) {
        return adminDenies.isEmpty() ? SideOptions.blockedBy(direction, obstacle) : new SideOptions(direction, adminDenies, null);
    }

    private static List<Draft> concat(List<Draft> first, List<Draft> second) {
        List<Draft> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private enum Edit { SPLIT, DROP_PORT, LEAVE_OUT_PEER }

    /** One draft per way of editing, each applied to every rule that admits the connection. */
    private List<Draft> editAdmittingRules(SideVerdict side, Endpoint subject, Endpoint peer, Verdict verdict) {
        Endpoint destination = side.direction() == PolicyType.INGRESS ? subject : peer;
        PortSet port = PortSet.of(PortRange.single(verdict.protocol(), verdict.port()));
        String connection = verdict.protocol() + " " + verdict.port();
        Map<PolicyId, List<RuleRef>> byPolicy = new TreeMap<>();
        side.admittingRules().forEach(ref -> byPolicy.computeIfAbsent(ref.policy(), id -> new ArrayList<>()).add(ref));
        List<Draft> drafts = new ArrayList<>();
        for (Edit edit : Edit.values()) {
            List<NetworkPolicy> changed = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            boolean possible = true;
            for (Map.Entry<PolicyId, List<RuleRef>> entry : byPolicy.entrySet()) {
                NetworkPolicy policy = snapshot.policy(entry.getKey()).orElseThrow();
                List<PolicyRule> rules = new ArrayList<>(policy.rules(side.direction()));
                List<RuleRef> refs = entry.getValue().stream().sorted(Comparator.comparingInt(RuleRef::index).reversed()).toList();
                for (RuleRef ref : refs) {
                    CompiledRule compiled = evaluation.engine().policy(ref.policy()).orElseThrow().rules(side.direction()).get(ref.index());
                    PortSet kept = compiled.portsToward(destination).minus(port);
                    Optional<List<PolicyRule>> replacement = replace(edit, rules.get(ref.index()), policy.namespace(), peer, kept, compiled);
                    if (replacement.isEmpty()) {
                        possible = false;
                        break;
                    }
                    rules.remove(ref.index());
                    rules.addAll(ref.index(), replacement.get());
                    steps.add(0, step(edit, ref, peer, connection, replacement.get().isEmpty()));
                }
                changed.add(Rules.withRules(policy, side.direction(), rules));
            }
            if (possible) {
                drafts.add(new Draft(changed, Set.of(), labels, steps));
            }
        }
        return drafts;
    }

    private Optional<List<PolicyRule>> replace(Edit edit, PolicyRule rule, String namespace, Endpoint peer, PortSet kept,
            CompiledRule compiled) {
        List<PolicyRule> out = new ArrayList<>();
        switch (edit) {
            case DROP_PORT -> {
                if (compiled.hasNamedPorts()) {
                    return Optional.empty(); // a named port resolves per pod: numbers would change it for the others
                }
                if (!kept.isEmpty()) {
                    out.add(Rules.rule(rule.peers(), Rules.ports(kept)));
                }
            }
            case LEAVE_OUT_PEER, SPLIT -> {
                Optional<List<PolicyPeer>> others = exclusion.without(namespace, rule.peers(), peer);
                if (others.isEmpty()) {
                    return Optional.empty();
                }
                if (!others.get().isEmpty()) {
                    out.add(Rules.rule(others.get(), rule.ports()));
                }
                if (edit == Edit.SPLIT && !kept.isEmpty()) {
                    out.add(Rules.rule(List.of(peerEntry(namespace, peer)), kept.isAll() ? List.of() : Rules.ports(kept)));
                }
            }
        }
        return Optional.of(out);
    }

    private static String step(Edit edit, RuleRef ref, Endpoint peer, String connection, boolean removed) {
        if (removed) {
            String toOrFrom = ref.direction() == PolicyType.EGRESS ? " to " : " from ";
            return "Remove " + ref.display() + ": once " + connection + toOrFrom + peer.id() + " is taken out, it admits nothing.";
        }
        return switch (edit) {
            case SPLIT -> "Split " + ref.display() + ": leave " + peer.id() + " out of its peers, and admit " + peer.id()
                    + " again on every port but " + connection + " in a rule of its own.";
            case DROP_PORT -> "Remove " + connection + " from the ports of " + ref.display() + " (for every peer it names).";
            case LEAVE_OUT_PEER -> "Leave " + peer.id() + " out of the peers of " + ref.display() + " (on every port it names).";
        };
    }

    /** A side nothing isolates yet: a policy that selects only the subject and admits everything but the connection. */
    private Optional<Draft> isolate(SideVerdict side, Endpoint subject, Endpoint peer, Verdict verdict) {
        Workload workload = selectors.workload(subject.id());
        Optional<List<PolicyPeer>> everyoneElse = exclusion.without(workload.namespace(), List.of(), peer);
        if (everyoneElse.isEmpty()) {
            return Optional.empty();
        }
        PortSet kept = PortSet.ALL.minus(PortSet.of(PortRange.single(verdict.protocol(), verdict.port())));
        List<PolicyRule> rules = List.of(Rules.rule(everyoneElse.get(), List.of()),
                Rules.rule(List.of(peerEntry(workload.namespace(), peer)), Rules.ports(kept)));
        PolicyType direction = side.direction();
        String base = Rules.policyName(workload.name(), "deny", Rules.word(direction), direction == PolicyType.EGRESS ? "to" : "from",
                AllowFixes.peerName(peer), Integer.toString(verdict.port()), verdict.protocol().name());
        String name = base;
        for (int n = 2; snapshot.policy(new PolicyId(workload.namespace(), name)).isPresent(); n++) {
            name = base + "-" + n;
        }
        NetworkPolicy created = Rules.newPolicy(workload.namespace(), name, selectors.exact(workload), direction, rules);
        String decided = side.decidedBy() == SideVerdict.Layer.BASELINE_TIER ? "the Baseline tier" : "nothing";
        return Optional.of(new Draft(List.of(created), Set.of(created.id()), labels, List.of("Add the policy " + created.id()
                + ": it isolates the " + Rules.word(direction) + " of " + subject.id() + " (until now " + decided + " decided it)"
                + " and admits everyone on every port except " + peer.id() + " on " + verdict.protocol() + " " + verdict.port() + ".")));
    }

    private PolicyPeer peerEntry(String namespace, Endpoint peer) {
        if (peer instanceof Endpoint.External external) {
            return new PolicyPeer(null, null, external.block());
        }
        return selectors.peer(namespace, selectors.workload(peer.id()));
    }
}

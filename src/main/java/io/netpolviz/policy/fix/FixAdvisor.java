package io.netpolviz.policy.fix;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The smallest policy change that allows (or blocks) one connection. Candidates come from the
 * verdict's own reasons ({@link AllowFixes}, {@link BlockFixes}); each one is applied to the
 * snapshot, the cluster is compiled and evaluated again with the same policies switched off, and
 * only candidates that change the target the way asked are kept, with everything else they
 * change listed as collateral. When the best one changes more than the target, the same search
 * runs again with the target's workloads labelled {@code netpolviz.io/workload=NAME}, so that a
 * selector can name them alone: that is the narrower alternative.
 */
public final class FixAdvisor {

    /** How many ways to open each side are tried in combination when both sides block. */
    private static final int OPTIONS_PER_SIDE = 4;
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private final Evaluation evaluation;

    public FixAdvisor(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    public Advice allow(Target target) {
        return advise(Goal.ALLOW, target);
    }

    public Advice block(Target target) {
        return advise(Goal.BLOCK, target);
    }

    public Advice advise(Goal goal, Target target) {
        Verdict verdict = evaluation.verdict(target.source(), target.destination(), target.protocol(), target.port());
        if (goal == Goal.ALLOW && verdict.allowed()) {
            return none(goal, target, verdict, List.of(), target.display() + " is already allowed");
        }
        if (goal == Goal.BLOCK && !verdict.allowed()) {
            return none(goal, target, verdict, List.of(), target.display() + " is already blocked");
        }
        if (goal == Goal.ALLOW && verdict.networkSeparation() != null) {
            // OVN-Kubernetes isolates primary networks below every policy: no NetworkPolicy change can connect them.
            String why = verdict.networkSeparation() + "; no policy can open it: put both namespaces on one network"
                    + " (a ClusterUserDefinedNetwork selecting both), or leave them apart";
            return none(goal, target, verdict, List.of(why), why);
        }
        ClusterSnapshot snapshot = evaluation.engine().snapshot();
        List<String> obstacles = new ArrayList<>();
        List<Proposal> proposals = search(goal, target, verdict, snapshot, List.of(), obstacles);
        if (!proposals.isEmpty() && !proposals.get(0).isExact()) {
            List<LabelChange> labels = identityLabels(target, snapshot);
            if (!labels.isEmpty()) {
                ClusterSnapshot labelled = SnapshotEdits.apply(snapshot, new Draft(List.of(), java.util.Set.of(), labels, List.of()));
                search(goal, target, verdict, labelled, labels, new ArrayList<>()).stream()
                        .filter(p -> p.effect().collateralPairs() < proposals.get(0).effect().collateralPairs())
                        .findFirst().ifPresent(proposals::add);
            }
        }
        if (proposals.isEmpty()) {
            String why = obstacles.isEmpty() ? "no change of NetworkPolicies that NetPolViz can write does it" : String.join("; ", obstacles);
            return none(goal, target, verdict, obstacles, why);
        }
        return new Advice(goal, target, verdict, proposals, obstacles, null);
    }

    private List<Proposal> search(Goal goal, Target target, Verdict verdict, ClusterSnapshot designedOn, List<LabelChange> labels,
            List<String> obstacles) {
        List<Draft> candidates = new ArrayList<>();
        if (goal == Goal.ALLOW) {
            List<SideOptions> sides = new AllowFixes(evaluation, designedOn, labels).blockingSides(verdict);
            sides.stream().filter(s -> s.obstacle() != null).forEach(s -> obstacles.add(s.obstacle()));
            if (obstacles.isEmpty()) {
                candidates.addAll(combinations(sides));
            }
        } else {
            for (SideOptions side : new BlockFixes(evaluation, designedOn, labels).allowingSides(verdict)) {
                if (side.obstacle() != null && !obstacles.contains(side.obstacle())) {
                    obstacles.add(side.obstacle());
                }
                candidates.addAll(side.drafts());
            }
        }
        List<Proposal> verified = new ArrayList<>();
        for (Draft draft : candidates) {
            Effect effect = verify(draft, target);
            if (effect.reaches(goal)) {
                verified.add(new Proposal(goal, target, draft, effect));
            }
        }
        // Of equal collateral, a change a namespace's team can apply comes before the cluster administrator's.
        verified.sort(Comparator.comparingInt((Proposal p) -> p.effect().collateralPairs())
                .thenComparing(p -> p.draft().touchesAdminTier())
                .thenComparingInt(p -> p.draft().weight())
                .thenComparing(p -> String.join(" ", p.draft().steps())));
        return verified;
    }

    /** Evaluates the cluster with the draft applied, with the same policies switched off, and compares. */
    public Effect verify(Draft draft, Target target) {
        ClusterSnapshot changed = SnapshotEdits.apply(evaluation.engine().snapshot(), draft);
        Evaluation after = PolicyEngine.compile(changed, evaluation.engine()).evaluate(evaluation.switchedOff());
        return EffectMeasure.between(evaluation, after, target, draft);
    }

    /** Every blocking side must open: one option of each, the likeliest first. */
    private static List<Draft> combinations(List<SideOptions> sides) {
        List<Draft> combined = List.of(new Draft(List.of(), java.util.Set.of(), List.of(), List.of()));
        for (SideOptions side : sides) {
            List<Draft> next = new ArrayList<>();
            for (Draft sofar : combined) {
                side.drafts().stream().limit(OPTIONS_PER_SIDE).forEach(option -> next.add(sofar.and(option)));
            }
            combined = next;
        }
        return sides.isEmpty() ? List.of() : combined;
    }

    /**
     * A label of its own for each workload at either end that shares its labels with another
     * workload of its namespace (no selector can tell them apart), or for both ends when neither
     * does; only where the workload's name can be a label value.
     */
    private static List<LabelChange> identityLabels(Target target, ClusterSnapshot snapshot) {
        Selectors selectors = new Selectors(snapshot);
        List<Workload> ends = new ArrayList<>();
        for (Endpoint end : List.of(target.source(), target.destination())) {
            if (end instanceof Endpoint.Pods pods && !ends.contains(pods.workload())) {
                ends.add(pods.workload());
            }
        }
        List<Workload> withTwins = ends.stream().filter(w -> !selectors.twins(w).isEmpty()).toList();
        List<LabelChange> labels = new ArrayList<>();
        for (Workload workload : withTwins.isEmpty() ? ends : withTwins) {
            String name = workload.name();
            if (name.length() <= 63 && LABEL_VALUE.matcher(name).matches() && !name.equals(workload.podLabels().get(Selectors.IDENTITY_KEY))) {
                labels.add(new LabelChange(workload.namespace(), name, workload.kind(), Selectors.IDENTITY_KEY, name));
            }
        }
        return labels;
    }

    private static Advice none(Goal goal, Target target, Verdict verdict, List<String> obstacles, String why) {
        return new Advice(goal, target, verdict, List.of(), obstacles, why);
    }
}

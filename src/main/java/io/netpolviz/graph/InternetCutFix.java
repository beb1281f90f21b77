package io.netpolviz.graph;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.Draft;
import io.netpolviz.policy.fix.Effect;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.SnapshotEdits;
import io.netpolviz.policy.fix.Target;
import java.util.Optional;

/**
 * The fix for a cut connection with the internet at one end. "The internet" is every address
 * outside the cluster, and the hop is open when any of them is — any address at all, or a block
 * one rule names — so closing it for one block may leave another open. The smallest fix is asked
 * for the first block and port still open, applied, and asked again of the changed cluster until
 * no address outside reaches the workload (or it no longer reaches any); the changes together are
 * then verified against the cluster as it is, like any proposal.
 */
final class InternetCutFix {

    /** Rules name few blocks; a hop that needs more steps than this is left with the first step's advice. */
    private static final int MOST_STEPS = 12;

    private InternetCutFix() {
    }

    static CutFix of(Evaluation evaluation, PathHop hop) {
        boolean inbound = AttackGraph.INTERNET.equals(hop.source());
        String workload = inbound ? hop.destination() : hop.source();
        Evaluation current = evaluation;
        Draft combined = null;
        Advice first = null;
        for (int step = 0; step < MOST_STEPS; step++) {
            Optional<Target> open = firstOpen(current, workload, inbound);
            if (open.isEmpty()) {
                break;
            }
            Advice advice = new FixAdvisor(current).block(open.get());
            first = first == null ? advice : first;
            if (advice.best().isEmpty()) {
                return new CutFix(hop, first, Optional.empty());
            }
            Proposal widest = widest(current, advice, workload, inbound);
            // Asked of the cluster with the earlier steps applied: its version of a policy already holds theirs.
            combined = combined == null ? widest.draft() : combined.and(widest.draft());
            current = PolicyEngine.compile(SnapshotEdits.apply(evaluation.engine().snapshot(), combined), evaluation.engine())
                    .evaluate(evaluation.switchedOff());
        }
        if (first == null || firstOpen(current, workload, inbound).isPresent()) {
            return new CutFix(hop, first == null ? new FixAdvisor(evaluation).block(target(evaluation, workload, inbound)) : first,
                    Optional.empty());
        }
        Target target = first.target();
        Effect effect = new FixAdvisor(evaluation).verify(combined, target);
        return new CutFix(hop, first, Optional.of(new Proposal(Goal.BLOCK, target, combined, effect)));
    }

    /**
     * Of the verified proposals (least collateral first), the one that leaves the fewest blocks
     * outside open toward the workload, then the fewest ports: closing the whole connection in
     * one step (leaving the block out of a rule) beats closing one port of it.
     */
    private static Proposal widest(Evaluation evaluation, Advice advice, String workload, boolean inbound) {
        Endpoint pods = evaluation.engine().workloadEndpoint(workload).orElseThrow();
        Proposal widest = null;
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (Proposal proposal : advice.proposals()) {
            long blocks = 0;
            long ports = 0;
            for (Endpoint.External external : AttackGraph.outside(evaluation)) {
                PortSet now = inbound ? evaluation.allowedPorts(external, pods) : evaluation.allowedPorts(pods, external);
                PortSet after = after(proposal, inbound ? external.id() : workload, inbound ? workload : external.id(), now);
                blocks += after.isEmpty() ? 0 : 1;
                ports += after.ranges().stream().mapToLong(range -> range.last() - range.first() + 1L).sum();
            }
            if (blocks < least[0] || (blocks == least[0] && ports < least[1])) {
                least = new long[] {blocks, ports};
                widest = proposal;
            }
        }
        return widest;
    }

    /** What stays open between two ends after the proposal, read from what it was verified to change. */
    private static PortSet after(Proposal proposal, String source, String destination, PortSet now) {
        boolean isTarget = proposal.target().source().id().equals(source) && proposal.target().destination().id().equals(destination);
        for (ConnectivityChange change : proposal.effect().collateral()) {
            if (change.sourceId().equals(source) && change.destinationId().equals(destination)) {
                // The target pair's entry leaves out the target port, which the proposal closes.
                return isTarget ? change.after().minus(targetPort(proposal)) : change.after();
            }
        }
        return isTarget ? now.minus(targetPort(proposal)) : now;
    }

    private static PortSet targetPort(Proposal proposal) {
        return PortSet.of(PortRange.single(proposal.target().protocol(), proposal.target().port()));
    }

    /** The first address block outside (any address first, then each block a rule names) still open to or from the workload. */
    private static Optional<Target> firstOpen(Evaluation evaluation, String workload, boolean inbound) {
        Endpoint pods = evaluation.engine().workloadEndpoint(workload).orElseThrow();
        for (Endpoint.External external : AttackGraph.outside(evaluation)) {
            PortSet open = inbound ? evaluation.allowedPorts(external, pods) : evaluation.allowedPorts(pods, external);
            if (!open.isEmpty()) {
                PortRange range = open.ranges().get(0);
                return Optional.of(inbound ? new Target(external, pods, range.protocol(), range.first())
                        : new Target(pods, external, range.protocol(), range.first()));
            }
        }
        return Optional.empty();
    }

    /** A question to ask when nothing is open (the hop came from another evaluation): any address, on the first port. */
    private static Target target(Evaluation evaluation, String workload, boolean inbound) {
        Endpoint pods = evaluation.engine().workloadEndpoint(workload).orElseThrow();
        Endpoint.External any = Endpoint.External.anyIpv4();
        return inbound ? new Target(any, pods, io.netpolviz.model.Protocol.TCP, 1) : new Target(pods, any, io.netpolviz.model.Protocol.TCP, 1);
    }
}

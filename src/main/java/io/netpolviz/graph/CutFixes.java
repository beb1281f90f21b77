package io.netpolviz.graph;

import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy change that closes each connection of a cut, from the smallest-fix advisor: it is
 * asked to block the connection's first port, and of its verified proposals the first that
 * closes the whole connection (every port the hop was open on) is the fix. A connection with the
 * internet is closed for every address outside ({@link InternetCutFix}).
 */
public final class CutFixes {

    private CutFixes() {
    }

    public static List<CutFix> of(Evaluation evaluation, List<PathHop> cut) {
        FixAdvisor advisor = new FixAdvisor(evaluation);
        List<CutFix> fixes = new ArrayList<>();
        for (PathHop hop : cut) {
            if (AttackGraph.INTERNET.equals(hop.source()) || AttackGraph.INTERNET.equals(hop.destination())) {
                fixes.add(InternetCutFix.of(evaluation, hop));
                continue;
            }
            PortRange first = hop.ports().ranges().get(0);
            Endpoint source = endpoint(evaluation, hop.source());
            Endpoint destination = endpoint(evaluation, hop.destination());
            Advice advice = advisor.block(new Target(source, destination, first.protocol(), first.first()));
            Optional<Proposal> closing = advice.proposals().stream().filter(p -> closesAll(p, hop.ports())).findFirst();
            fixes.add(new CutFix(hop, advice, closing));
        }
        return fixes;
    }

    /** Whether after the proposal nothing of the hop stays open between its two ends. */
    private static boolean closesAll(Proposal proposal, PortSet hopPorts) {
        PortSet target = PortSet.of(PortRange.single(proposal.target().protocol(), proposal.target().port()));
        for (ConnectivityChange change : proposal.effect().collateral()) {
            if (change.sourceId().equals(proposal.target().source().id()) && change.destinationId().equals(proposal.target().destination().id())) {
                return change.after().isEmpty();
            }
        }
        return hopPorts.minus(target).isEmpty();
    }

    private static Endpoint endpoint(Evaluation evaluation, String name) {
        return evaluation.engine().resolve(name).orElseThrow();
    }
}

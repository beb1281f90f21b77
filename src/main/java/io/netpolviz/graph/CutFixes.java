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
 * closes the whole connection (every port the hop was open on) is the fix.
 */
public final class CutFixes {

    private CutFixes() {
    }

    public static List<CutFix> of(Evaluation evaluation, List<PathHop> cut) {
        FixAdvisor advisor = new FixAdvisor(evaluation);
        List<CutFix> fixes = new ArrayList<>();
        for (PathHop hop : cut) {
            PortRange first = hop.ports().ranges().get(0);
            Endpoint source = endpoint(evaluation, hop.source(), hop.destination(), true, first);
            Endpoint destination = endpoint(evaluation, hop.destination(), hop.source(), false, first);
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

    /**
     * A workload by name; for the internet, the address block outside the cluster that the hop's
     * port is open to (any address first, then each block a rule names).
     */
    private static Endpoint endpoint(Evaluation evaluation, String name, String other, boolean source, PortRange port) {
        if (!AttackGraph.INTERNET.equals(name)) {
            return evaluation.engine().resolve(name).orElseThrow();
        }
        Endpoint pods = evaluation.engine().resolve(other).orElseThrow();
        List<Endpoint.External> outside = new ArrayList<>(List.of(Endpoint.External.anyIpv4()));
        outside.addAll(evaluation.engine().externalPeers());
        for (Endpoint.External external : outside) {
            PortSet open = source ? evaluation.allowedPorts(external, pods) : evaluation.allowedPorts(pods, external);
            if (open.contains(port.protocol(), port.first())) {
                return external;
            }
        }
        return Endpoint.External.anyIpv4();
    }
}

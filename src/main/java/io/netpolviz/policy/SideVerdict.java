package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyType;
import java.util.List;

/**
 * One side of a connection: the source's egress or the destination's ingress. The side is
 * isolated when a switched-on policy that selects the pod isolates this direction; an isolated
 * side allows the connection only if some rule of those policies admits the peer on the port.
 *
 * @param isolatingPolicies switched-on policies that select the pod and isolate this direction
 * @param admittingRules rules that admit this peer on this port
 * @param peerMatchedRules rules whose peers match but whose ports do not include this port
 * @param switchedOffPolicies switched-off policies that would isolate this side if switched on
 */
public record SideVerdict(
        PolicyType direction,
        Governance governance,
        List<PolicyId> isolatingPolicies,
        List<RuleRef> admittingRules,
        List<RuleRef> peerMatchedRules,
        List<PolicyId> switchedOffPolicies) {

    public SideVerdict {
        isolatingPolicies = List.copyOf(isolatingPolicies);
        admittingRules = List.copyOf(admittingRules);
        peerMatchedRules = List.copyOf(peerMatchedRules);
        switchedOffPolicies = List.copyOf(switchedOffPolicies);
    }

    public boolean isolated() {
        return governance == Governance.POD && !isolatingPolicies.isEmpty();
    }

    public boolean allows() {
        return !isolated() || !admittingRules.isEmpty();
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;

/**
 * What one side of a connection says of a peer by name: the ports that switched-on rules bearing on
 * that side name for a peer they pick out. NetworkPolicy rules of an isolated side, and the Allow rules
 * of the cluster-wide tiers (ClusterNetworkPolicy, ANP/BANP) and of the Calico policies that apply to
 * the side, name what they admit. A Deny rule (Calico's, a tier's, Cilium's — its deny rules sit at the
 * front of the Admin tier) names the ports it cuts off from what an Allow or Pass rule of the same side
 * would admit: lesson 10's threat feed → customer, where security.block-threats denies a set the
 * internet's Pass to the customer covers, or lesson 11's deny-xwing against deathstar-open. A Pass only
 * hands the decision on and names nothing. A rule whose peers are "every pod" of a namespace or of the
 * cluster, or every address (the usual "DNS to every namespace", Cilium's {@code world} and
 * {@code cluster}, Calico's {@code 0.0.0.0/0}), picks no one out ({@link PeerInParticular}): a connection
 * it cannot open is one of the many blocked ones no rule names, not a rule that was written for this
 * pair. The picture draws a pair as half-open (named, yet blocked on those ports), and the lint warns,
 * only from these ports.
 */
public final class NamedPeerPorts {

    private NamedPeerPorts() {
    }

    /**
     * The ports the {@code subject}'s side ({@code direction}) names for {@code peer}; none when the subject is no pod.
     *
     * @param destination the connection's destination, against which named ports resolve
     */
    public static PortSet of(Evaluation evaluation, Endpoint subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        if (!(subject instanceof Endpoint.Pods pods)) {
            return PortSet.NONE;
        }
        Side side = new Side(peer, destination);
        side.networkPolicies(evaluation, pods.podClass(), direction);
        side.tiers(evaluation, pods.podClass(), direction);
        side.calico(evaluation, pods.podClass(), direction);
        return side.named();
    }

    /** NetworkPolicy rules (and Cilium's allow rules, compiled as such) of the policies that isolate the side. */
    static PortSet ofNetworkPolicies(Evaluation evaluation, PodClass subject, PolicyType direction, Endpoint peer,
            Endpoint destination) {
        Side side = new Side(peer, destination);
        side.networkPolicies(evaluation, subject, direction);
        return side.named;
    }

    /** What the rules of one side say of the peer, gathered kind by kind. */
    private static final class Side {

        private final Endpoint peer;
        private final Endpoint destination;
        /** Ports rules admit for the peer by name. */
        private PortSet named = PortSet.NONE;
        /** Ports an Allow or Pass rule lets on for the peer, by name or not. */
        private PortSet admitted = PortSet.NONE;
        /** Ports a Deny rule cuts off for the peer by name. */
        private PortSet denied = PortSet.NONE;

        Side(Endpoint peer, Endpoint destination) {
            this.peer = peer;
            this.destination = destination;
        }

        PortSet named() {
            return named.union(denied.intersect(admitted));
        }

        void networkPolicies(Evaluation evaluation, PodClass subject, PolicyType direction) {
            if (!evaluation.isIsolated(subject, direction)) {
                return;
            }
            for (CompiledPolicy policy : evaluation.isolatingPolicies(subject, direction)) {
                for (CompiledRule rule : policy.rules(direction)) {
                    if (rule.matches(peer)) {
                        boolean namesThePeer = peer instanceof Endpoint.Pods ? !rule.namesNoPodInParticular() : !rule.allPeers();
                        add(RuleAction.ALLOW, namesThePeer, rule.portsToward(destination));
                    }
                }
            }
        }

        void tiers(Evaluation evaluation, PodClass subject, PolicyType direction) {
            for (CompiledTierPolicy policy : evaluation.engine().tierPolicies()) {
                if (!evaluation.isTierEnabled(policy.index()) || !policy.selects(subject.index())) {
                    continue;
                }
                for (CompiledTierRule rule : policy.rules(direction)) {
                    if (!rule.undecidable() && rule.matches(peer)) {
                        add(rule.source().action(), PeerInParticular.tierRule(rule, peer), rule.portsToward(destination));
                    }
                }
            }
        }

        void calico(Evaluation evaluation, PodClass subject, PolicyType direction) {
            for (CompiledCalicoPolicy policy : evaluation.engine().calicoPolicies()) {
                if (!evaluation.isCalicoEnabled(policy.index()) || !policy.selects(subject.index(), direction)) {
                    continue;
                }
                for (CompiledCalicoRule rule : policy.rules(direction)) {
                    if (rule.decision() != null && rule.admitsLocal(subject.index()) && rule.matches(peer)) {
                        add(rule.decision(), PeerInParticular.calicoRule(rule, peer), rule.portsToward(destination));
                    }
                }
            }
        }

        private void add(RuleAction action, boolean namesThePeer, PortSet ports) {
            if (action == RuleAction.DENY) {
                denied = namesThePeer ? denied.union(ports) : denied;
                return;
            }
            admitted = admitted.union(ports);
            if (action == RuleAction.ALLOW && namesThePeer) {
                named = named.union(ports);
            }
        }
    }
}

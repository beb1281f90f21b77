package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;

/**
 * What one side of a connection says of a peer by name: the ports that switched-on
 * NetworkPolicy rules of an isolated side admit for a peer they pick out. A rule whose peers are
 * "every pod" of a namespace or of the cluster (the usual "DNS to every namespace") picks no one
 * out: a connection it cannot open is one of the many blocked ones no rule names, not a rule that
 * was written for this pair and does not work. The picture draws a pair as half-open, and the lint
 * warns, only from these ports.
 */
public final class NamedPeerPorts {

    private NamedPeerPorts() {
    }

    /**
     * The ports the {@code subject}'s side ({@code direction}) admits for {@code peer} by rules that name it;
     * none when the subject is no pod or that side is not isolated.
     *
     * @param destination the connection's destination, against which named ports resolve
     */
    public static PortSet of(Evaluation evaluation, Endpoint subject, PolicyType direction, Endpoint peer, Endpoint destination) {
        if (!(subject instanceof Endpoint.Pods pods) || !evaluation.isIsolated(pods.podClass(), direction)) {
            return PortSet.NONE;
        }
        PortSet ports = PortSet.NONE;
        for (CompiledPolicy policy : evaluation.isolatingPolicies(pods.podClass(), direction)) {
            for (CompiledRule rule : policy.rules(direction)) {
                boolean namesThePeer = peer instanceof Endpoint.Pods ? !rule.namesNoPodInParticular() : !rule.allPeers();
                if (namesThePeer && rule.matches(peer)) {
                    ports = ports.union(rule.portsToward(destination));
                }
            }
        }
        return ports;
    }
}

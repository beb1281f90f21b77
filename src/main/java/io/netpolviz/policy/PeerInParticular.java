package io.netpolviz.policy;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.LabelSelector;
import java.util.List;

/**
 * Whether a cluster-wide or Calico rule picks a peer out, read off how the rule is written (as
 * NetworkPolicy's {@code picksNoPodInParticular}): a pod by a pod or namespace selector that is not
 * "everything", an address by a CIDR that is not every address (or, for Calico, a network set a
 * selector picks). "Every pod", "every namespace", Cilium's {@code world} and {@code cluster} and
 * Calico's {@code all()} or {@code 0.0.0.0/0} name no one.
 */
final class PeerInParticular {

    private PeerInParticular() {
    }

    static boolean tierRule(CompiledTierRule rule, Endpoint peer) {
        for (ClusterPolicyPeer written : rule.source().peers()) {
            boolean names = switch (written.form()) {
                case PODS -> peer instanceof Endpoint.Pods && !(everything(written.podSelector()) && everything(written.namespaceSelector()));
                case NAMESPACES -> peer instanceof Endpoint.Pods && !everything(written.namespaceSelector());
                case NETWORKS -> !everyAddress(written.networks());
                default -> false;
            };
            if (names) {
                return true;
            }
        }
        return false;
    }

    static boolean calicoRule(CompiledCalicoRule rule, Endpoint peer) {
        CalicoEntity entity = rule.source().peer(rule.ref().direction());
        boolean byNets = !entity.nets().isEmpty() && !everyAddress(entity.nets());
        boolean bySelector = (particular(entity.selector()) || particular(entity.namespaceSelector()))
                && (peer instanceof Endpoint.Pods || !rule.peerNetworkSets().isEmpty());
        return byNets || bySelector;
    }

    private static boolean particular(CalicoSelector selector) {
        return selector != null && !(selector instanceof CalicoSelector.All);
    }

    private static boolean everything(LabelSelector selector) {
        return selector == null || selector.isEmpty();
    }

    private static boolean everyAddress(List<Cidr> networks) {
        return networks.stream().anyMatch(network -> network.prefixLength() == 0);
    }
}

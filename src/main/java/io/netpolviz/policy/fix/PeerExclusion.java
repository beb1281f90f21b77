package io.netpolviz.policy.fix;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule's peers with one endpoint left out: each pod peer that picks the workload gets a
 * {@code NotIn} requirement on the label that tells it apart, each ipBlock that covers the
 * address gets it as an {@code except}, and "every peer" is spelled out as every namespace and
 * every address so that one of them can be left out (any address of one family is left out as
 * every pod and the other family). Empty when a workload cannot be told apart by a selector (no labels).
 */
final class PeerExclusion {

    private static final Cidr ANY_IPV4 = Cidr.parse("0.0.0.0/0").orElseThrow();
    private static final Cidr ANY_IPV6 = Cidr.parse("::/0").orElseThrow();

    private final Selectors selectors;

    PeerExclusion(Selectors selectors) {
        this.selectors = selectors;
    }

    Optional<List<PolicyPeer>> without(String policyNamespace, List<PolicyPeer> peers, Endpoint left) {
        if (peers.isEmpty()) {
            return everyoneBut(left);
        }
        List<PolicyPeer> out = new ArrayList<>();
        for (PolicyPeer peer : peers) {
            if (peer.ipBlock() != null) {
                if (!(left instanceof Endpoint.External external) || !peer.ipBlock().covers(external.block())) {
                    out.add(peer);
                } else if (!peer.ipBlock().cidr().equals(external.block().cidr())) {
                    List<Cidr> except = new ArrayList<>(peer.ipBlock().except());
                    except.add(external.block().cidr());
                    out.add(new PolicyPeer(null, null, new IpBlock(peer.ipBlock().cidr(), except)));
                }
                continue;
            }
            if (!(left instanceof Endpoint.Pods pods)) {
                out.add(peer);
                continue;
            }
            Workload workload = selectors.workload(pods.id());
            List<Workload> matched = selectors.matchedBy(policyNamespace, peer);
            if (!matched.contains(workload)) {
                out.add(peer);
                continue;
            }
            Optional<LabelRequirement> leaveOut = selectors.leaveOut(workload, matched);
            if (leaveOut.isEmpty()) {
                return Optional.empty();
            }
            LabelRequirement requirement = leaveOut.get();
            if (matched.stream().noneMatch(other -> requirement.matches(other.podLabels()))) {
                continue; // the peer would pick nothing any more: drop it rather than write a selector that matches no pod
            }
            out.add(new PolicyPeer(Selectors.and(peer.podSelector(), requirement), peer.namespaceSelector(), null));
        }
        return Optional.of(out);
    }

    /** Every pod and every address but {@code left}. */
    private Optional<List<PolicyPeer>> everyoneBut(Endpoint left) {
        if (left instanceof Endpoint.External external) {
            // Every pod, the other address family whole, this family but the block, and the block's own exceptions (still in).
            Cidr cidr = external.block().cidr();
            List<PolicyPeer> everyone = new ArrayList<>(List.of(new PolicyPeer(null, LabelSelector.EVERYTHING, null)));
            for (Cidr any : List.of(ANY_IPV4, ANY_IPV6)) {
                if (any.ipv6() != cidr.ipv6()) {
                    everyone.add(new PolicyPeer(null, null, new IpBlock(any, List.of())));
                } else if (cidr.prefixLength() > 0) {
                    everyone.add(new PolicyPeer(null, null, new IpBlock(any, List.of(cidr))));
                }
            }
            external.block().except().forEach(kept -> everyone.add(new PolicyPeer(null, null, new IpBlock(kept, List.of()))));
            return Optional.of(everyone);
        }
        Workload workload = selectors.workload(left.id());
        Optional<LabelRequirement> leaveOut = selectors.leaveOut(workload, selectors.inNamespace(workload.namespace()));
        if (leaveOut.isEmpty()) {
            return Optional.empty();
        }
        LabelSelector otherNamespaces = new LabelSelector(java.util.Map.of(), List.of(new LabelRequirement(
                io.netpolviz.model.Namespace.NAME_LABEL, SelectorOperator.NOT_IN, List.of(workload.namespace()))));
        return Optional.of(List.of(
                new PolicyPeer(null, otherNamespaces, null),
                new PolicyPeer(Selectors.and(null, leaveOut.get()), Selectors.namespaceNamed(workload.namespace()), null),
                new PolicyPeer(null, null, new IpBlock(ANY_IPV4, List.of())),
                new PolicyPeer(null, null, new IpBlock(ANY_IPV6, List.of()))));
    }
}

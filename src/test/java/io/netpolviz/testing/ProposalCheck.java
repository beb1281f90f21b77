package io.netpolviz.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.load.PolicyManifests;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.ConnectivityChange;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.ReferenceEvaluator;
import io.netpolviz.policy.ReferenceEvaluator.Peer;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.LabelChange;
import io.netpolviz.policy.fix.Proposal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a proposal the way a user would: its YAML is written to a file and loaded by the
 * manifest loader (no diagnostics allowed), applied to the cluster as {@code kubectl apply}
 * would (a policy of the same name replaced, a new one added, NetworkPolicies and cluster-wide
 * policies alike; labels added to the workloads),
 * and both clusters are asked, connection by connection, of the literal {@link
 * ReferenceEvaluator} — not of the engine that made the proposal. The target must change as
 * asked, and a pair and port must change exactly when the proposal lists it as collateral.
 * External addresses are checked one way: every change at a sample address must be listed for
 * a block that holds it.
 */
public final class ProposalCheck {

    private static final List<IpAddress> ADDRESSES = List.of(ip("10.1.2.3"), ip("192.168.1.1"), ip("203.0.113.9"), ip("8.8.8.8"));

    private ProposalCheck() {
    }

    public static void assertHolds(ClusterSnapshot snapshot, Set<PolicyId> off, Proposal proposal, Path workDir) {
        ClusterSnapshot after = applied(snapshot, proposal, workDir);
        ReferenceEvaluator was = new ReferenceEvaluator(snapshot, off);
        ReferenceEvaluator is = new ReferenceEvaluator(after, off);
        String what = proposal.goal().verb() + " " + proposal.target().display() + " by " + proposal.draft().steps();
        Peer source = peer(snapshot, proposal.target().source());
        Peer destination = peer(snapshot, proposal.target().destination());
        Peer sourceAfter = peer(after, proposal.target().source());
        Peer destinationAfter = peer(after, proposal.target().destination());
        Protocol protocol = proposal.target().protocol();
        int port = proposal.target().port();
        boolean allow = proposal.goal() == Goal.ALLOW;
        assertEquals(!allow, was.allowed(source, destination, protocol, port), "before: " + what);
        assertEquals(allow, is.allowed(sourceAfter, destinationAfter, protocol, port), "after: " + what);

        Map<String, ConnectivityChange> listed = new HashMap<>();
        proposal.effect().collateral().forEach(c -> listed.put(c.sourceId() + "\t" + c.destinationId(), c));
        TreeSet<Integer> ports = new TreeSet<>(List.of(1, 53, 80, 443, 5432, 8080, 65535, port, Math.max(1, port - 1), Math.min(65535, port + 1)));
        Map<String, Workload> afterById = new TreeMap<>();
        after.workloads().forEach(w -> afterById.put(w.id(), w));
        for (Workload from : snapshot.workloads()) {
            for (Workload to : snapshot.workloads()) {
                for (Protocol p : List.of(Protocol.TCP, Protocol.UDP)) {
                    for (int n : ports) {
                        boolean before = was.allowed(Peer.pod(from), Peer.pod(to), p, n);
                        boolean now = is.allowed(Peer.pod(afterById.get(from.id())), Peer.pod(afterById.get(to.id())), p, n);
                        boolean isTarget = from.id().equals(proposal.target().source().id()) && to.id().equals(proposal.target().destination().id())
                                && p == protocol && n == port;
                        boolean expected = isTarget || changedOn(listed.get(from.id() + "\t" + to.id()), p, n);
                        assertEquals(expected, before != now, what + ": " + from.id() + " -> " + to.id() + " " + p + " " + n
                                + (expected ? " is listed as changed but is not" : " changed but is not listed"));
                    }
                }
            }
            for (IpAddress address : ADDRESSES) {
                for (int n : ports) {
                    Workload now = afterById.get(from.id());
                    if (was.allowed(Peer.pod(from), Peer.external(address), Protocol.TCP, n)
                            != is.allowed(Peer.pod(now), Peer.external(address), Protocol.TCP, n)) {
                        assertTrue(listedForAddress(proposal, listed, from.id(), address, true, n), what + ": " + from.id() + " -> " + address
                                + " TCP " + n + " changed but is not listed");
                    }
                    if (was.allowed(Peer.external(address), Peer.pod(from), Protocol.TCP, n)
                            != is.allowed(Peer.external(address), Peer.pod(now), Protocol.TCP, n)) {
                        assertTrue(listedForAddress(proposal, listed, from.id(), address, false, n), what + ": " + address + " -> "
                                + from.id() + " TCP " + n + " changed but is not listed");
                    }
                }
            }
        }
    }

    /** The cluster after {@code kubectl apply} of the proposal's YAML, read back by the manifest loader. */
    public static ClusterSnapshot applied(ClusterSnapshot snapshot, Proposal proposal, Path workDir) {
        String yaml = PolicyManifests.toYaml(proposal.draft().policies(), proposal.draft().clusterPolicies());
        Path file;
        try {
            Files.createDirectories(workDir);
            file = Files.createTempFile(workDir, "proposal", ".yaml");
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClusterSnapshot read = new ManifestLoader().load(List.of(file));
        // Loaded alone, the file names namespaces it does not declare and holds no workload: the loader notes
        // that, and the stand-ins it draws for the policies' selectors, and only that.
        assertEquals(List.of(), read.diagnostics().stream().map(d -> d.display())
                .filter(d -> !d.contains("is used here but not declared") && !d.contains("only policies: the"))
                .toList(), "the proposal's YAML loads cleanly:\n" + yaml);
        assertEquals(proposal.draft().policies().stream().map(NetworkPolicy::id).toList(), read.policies().stream().map(NetworkPolicy::id).toList());
        // A cluster-wide policy is written in its own kind and API version and reads back as the same policy.
        assertEquals(proposal.draft().clusterPolicies().stream().map(ProposalCheck::spec).toList(),
                read.clusterPolicies().stream().map(ProposalCheck::spec).toList(), yaml);
        Map<PolicyId, ClusterPolicy> clusterPolicies = new TreeMap<>();
        snapshot.clusterPolicies().forEach(p -> clusterPolicies.put(p.id(), p));
        read.clusterPolicies().forEach(p -> clusterPolicies.put(p.id(), p));
        Map<PolicyId, NetworkPolicy> policies = new TreeMap<>();
        snapshot.policies().forEach(p -> policies.put(p.id(), p));
        read.policies().forEach(p -> policies.put(p.id(), p));
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : snapshot.workloads()) {
            Map<String, String> labels = new TreeMap<>(w.podLabels());
            for (LabelChange change : proposal.draft().labels()) {
                if (change.workloadId().equals(w.id())) {
                    labels.put(change.key(), change.value());
                }
            }
            workloads.add(new Workload(w.namespace(), w.name(), w.kind(), w.replicas(), labels, w.ports(), w.hostNetwork(), w.podAddresses(),
                    w.where()));
        }
        return new ClusterSnapshot(snapshot.sourceName(), snapshot.namespaces(), workloads, snapshot.services(),
                List.copyOf(policies.values()), List.copyOf(clusterPolicies.values()), snapshot.diagnostics(), snapshot.unevaluatedPolicyKinds(),
                snapshot.ciliumPolicies(), snapshot.calico(), snapshot.ingressRoutes(), snapshot.userDefinedNetworks());
    }

    /** A cluster-wide policy without where it was read from, to compare what was written with what reads back. */
    private static String spec(ClusterPolicy policy) {
        List<String> rules = new ArrayList<>();
        for (io.netpolviz.model.PolicyType direction : io.netpolviz.model.PolicyType.values()) {
            policy.rules(direction).forEach(r -> rules.add(direction + " " + r.name() + " " + r.action() + " " + r.peers() + " " + r.ports()));
        }
        return policy.kind() + " " + policy.name() + " " + policy.tier() + " " + policy.priority() + " " + policy.subject() + " " + rules;
    }

    private static boolean listedForAddress(Proposal proposal, Map<String, ConnectivityChange> listed, String workload, IpAddress address,
            boolean outbound, int port) {
        Endpoint end = outbound ? proposal.target().destination() : proposal.target().source();
        String other = outbound ? proposal.target().source().id() : proposal.target().destination().id();
        if (port == proposal.target().port() && proposal.target().protocol() == Protocol.TCP && other.equals(workload)
                && end instanceof Endpoint.External external && external.block().contains(address)) {
            return true;
        }
        for (ConnectivityChange change : listed.values()) {
            String ext = outbound ? change.destinationId() : change.sourceId();
            String pod = outbound ? change.sourceId() : change.destinationId();
            if (pod.equals(workload) && ext.startsWith("ext:") && block(ext).contains(address) && changedOn(change, Protocol.TCP, port)) {
                return true;
            }
        }
        return false;
    }

    private static Cidr block(String externalId) {
        String text = externalId.substring(4);
        return Cidr.parse(text.equals("any") ? "0.0.0.0/0" : text.split(" ")[0]).orElseThrow();
    }

    private static boolean changedOn(ConnectivityChange change, Protocol protocol, int port) {
        return change != null && change.before().contains(protocol, port) != change.after().contains(protocol, port);
    }

    private static Peer peer(ClusterSnapshot snapshot, Endpoint endpoint) {
        if (endpoint instanceof Endpoint.External external) {
            return Peer.external(external.block().cidr().network());
        }
        return Peer.pod(snapshot.workloads().stream().filter(w -> w.id().equals(endpoint.id())).findFirst().orElseThrow());
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}

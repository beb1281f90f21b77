package io.netpolviz.policy;

import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compiled cluster: API objects become pod classes and compiled policies once, and every
 * evaluation after that works on bitsets over classes. Immutable and safe to share between
 * threads; {@link #evaluate(Set)} gives the verdicts for one choice of switched-off policies.
 */
public final class PolicyEngine {

    private final ClusterSnapshot snapshot;
    private static final System.Logger LOG = System.getLogger(PolicyEngine.class.getName());

    private final List<PodClass> classes;
    private final Map<String, List<PodClass>> classesByNamespace;
    private final List<CompiledPolicy> policies;
    private final Map<PolicyId, CompiledPolicy> policiesById;
    private final List<CompiledTierPolicy> tierPolicies;
    private final Map<PolicyId, CompiledTierPolicy> tierPoliciesById;
    private final List<CompiledCalicoPolicy> calicoPolicies;
    private final Map<PolicyId, CompiledCalicoPolicy> calicoPoliciesById = new HashMap<>();
    private final OrderedTiers orderedTiers;
    private final CalicoIndex calicoIndex;
    private final Map<String, Endpoint.Pods> workloadEndpoints;
    private final List<Endpoint.External> externalPeers;
    private final ConnectivityIndex connectivityIndex;
    /** Each Cilium policy's parts in both layers, by its id. */
    private final Map<PolicyId, CiliumCompiler.Parts> ciliumParts = new HashMap<>();
    /** Per direction ordinal, per class: Cilium allow parts that select it without isolating it (enableDefaultDeny false). */
    private final int[][][] contributors;

    private PolicyEngine(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
        this.classes = groupIntoClasses(snapshot);
        this.classesByNamespace = new LinkedHashMap<>();
        for (PodClass podClass : classes) {
            classesByNamespace.computeIfAbsent(podClass.namespace(), ns -> new ArrayList<>()).add(podClass);
        }
        this.workloadEndpoints = new LinkedHashMap<>();
        for (PodClass podClass : classes) {
            for (Workload workload : podClass.workloads()) {
                workloadEndpoints.putIfAbsent(workload.id(), new Endpoint.Pods(workload, podClass));
            }
        }
        this.policies = new ArrayList<>();
        this.policiesById = new HashMap<>();
        Map<PeerKey, BitSet> peerCache = new HashMap<>();
        for (NetworkPolicy policy : snapshot.policies()) {
            CompiledPolicy compiled = compilePolicy(policies.size(), policy, peerCache);
            policies.add(compiled);
            policiesById.put(compiled.id(), compiled);
        }
        CiliumCompiler cilium = new CiliumCompiler(classes);
        List<CompiledTierPolicy> ordered = new ArrayList<>();
        for (io.netpolviz.model.CiliumPolicy policy : snapshot.ciliumPolicies()) {
            List<CompiledPolicy> allows = cilium.allowParts(policy, policies.size());
            List<CompiledTierPolicy> denies = cilium.denyParts(policy, ordered.size());
            policies.addAll(allows);
            ordered.addAll(denies);
            policiesById.put(policy.id(), allows.get(0));
            ciliumParts.put(policy.id(), new CiliumCompiler.Parts(allows, denies));
        }
        // Cilium's denies decide before every other layer, so they open the Admin tier.
        ordered.addAll(new TierCompiler(classes, classesByNamespace).compile(snapshot.clusterPolicies(), ordered.size()));
        this.tierPolicies = List.copyOf(ordered);
        this.tierPoliciesById = new HashMap<>();
        for (CompiledTierPolicy policy : tierPolicies) {
            tierPoliciesById.putIfAbsent(policy.id(), policy);
        }
        this.contributors = CiliumContributors.of(classes.size(), policies);
        // One cluster runs one network plugin: with Cilium's policies present the picture follows Cilium
        // (the loader warns and counts Calico's as not evaluated), so the two engines never mix.
        CalicoResources calico = snapshot.ciliumPolicies().isEmpty() ? snapshot.calico() : CalicoResources.NONE;
        this.calicoPolicies = new CalicoCompiler(classes).compile(calico);
        calicoPolicies.forEach(policy -> calicoPoliciesById.put(policy.id(), policy));
        this.orderedTiers = new OrderedTiers(tierPolicies, calicoPolicies, calico);
        this.externalPeers = collectExternalPeers();
        this.connectivityIndex = new ConnectivityIndex(this);
        this.calicoIndex = calicoPolicies.isEmpty() ? null : new CalicoIndex(this);
    }

    ConnectivityIndex connectivityIndex() {
        return connectivityIndex;
    }

    /** Compiles a snapshot. Invalid policies never reach here: the loaders leave them out. */
    public static PolicyEngine compile(ClusterSnapshot snapshot) {
        long start = System.nanoTime();
        PolicyEngine engine = new PolicyEngine(snapshot);
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                "compiled %s: %d workloads in %d pod classes, %d policies and %d cluster-wide policies in %d ms",
                snapshot.sourceName(), snapshot.workloads().size(), engine.classes.size(), engine.policies.size(),
                engine.tierPolicies.size(), (System.nanoTime() - start) / 1_000_000));
        return engine;
    }

    private static List<PodClass> groupIntoClasses(ClusterSnapshot snapshot) {
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        for (Namespace namespace : snapshot.namespaces()) {
            namespaceLabels.put(namespace.name(), namespace.labels());
        }
        // Pod addresses tell pods apart only for CIDR peers of cluster-wide policies; most pods have none.
        record ClassKey(String namespace, Map<String, String> labels, Set<String> ports, boolean hostNetwork, List<IpAddress> addresses) {
        }
        Map<ClassKey, List<Workload>> grouped = new LinkedHashMap<>();
        for (Workload workload : snapshot.workloads()) {
            Set<String> ports = new TreeSet<>();
            for (ContainerPort port : workload.ports()) {
                ports.add(port.name() + "/" + port.port() + "/" + port.protocol());
            }
            ClassKey key = new ClassKey(workload.namespace(), workload.podLabels(), ports, workload.hostNetwork(), workload.podAddresses());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(workload);
        }
        List<PodClass> classes = new ArrayList<>();
        for (Map.Entry<ClassKey, List<Workload>> entry : grouped.entrySet()) {
            ClassKey key = entry.getKey();
            List<Workload> members = entry.getValue();
            Map<String, String> nsLabels = namespaceLabels.getOrDefault(key.namespace(),
                    new Namespace(key.namespace(), Map.of(), true, null).labels());
            List<ContainerPort> ports = members.get(0).ports().stream()
                    .sorted(Comparator.comparing(ContainerPort::protocol).thenComparingInt(ContainerPort::port))
                    .distinct()
                    .toList();
            classes.add(new PodClass(classes.size(), key.namespace(), key.labels(), nsLabels, ports, key.hostNetwork(), members));
        }
        return List.copyOf(classes);
    }

    /**
     * A peer's identity for matching: the peer, and the policy's namespace when the peer has no
     * namespace selector (a bare pod selector means the policy's own namespace).
     */
    private record PeerKey(String policyNamespace, PolicyPeer peer) {
        static PeerKey of(String policyNamespace, PolicyPeer peer) {
            return new PeerKey(peer.namespaceSelector() == null ? policyNamespace : null, peer);
        }
    }

    private CompiledPolicy compilePolicy(int index, NetworkPolicy policy, Map<PeerKey, BitSet> peerCache) {
        BitSet selected = matchPods(policy.namespace(), policy.podSelector());
        return new CompiledPolicy(index, policy, selected,
                compileRules(policy, PolicyType.INGRESS, peerCache), compileRules(policy, PolicyType.EGRESS, peerCache));
    }

    /** Identical peers recur across many policies (monitoring, DNS, a team's namespaces): each is matched once. */
    private List<CompiledRule> compileRules(NetworkPolicy policy, PolicyType direction, Map<PeerKey, BitSet> peerCache) {
        List<CompiledRule> compiled = new ArrayList<>();
        List<PolicyRule> rules = policy.rules(direction);
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            BitSet peers = new BitSet(classes.size());
            List<IpBlock> blocks = new ArrayList<>();
            for (PolicyPeer peer : rule.peers()) {
                if (peer.ipBlock() != null) {
                    blocks.add(peer.ipBlock());
                } else {
                    peers.or(peerCache.computeIfAbsent(PeerKey.of(policy.namespace(), peer), key -> matchPeer(policy.namespace(), peer)));
                }
            }
            compiled.add(new CompiledRule(new RuleRef(policy.id(), direction, i), rule, peers, blocks));
        }
        return compiled;
    }

    /** Pods in the policy's namespace that match {@code selector}. */
    private BitSet matchPods(String namespace, LabelSelector selector) {
        BitSet matched = new BitSet(classes.size());
        for (PodClass podClass : classesByNamespace.getOrDefault(namespace, List.of())) {
            if (selector.matches(podClass.labels())) {
                matched.set(podClass.index());
            }
        }
        return matched;
    }

    /**
     * A pod peer: {@code podSelector} alone means the policy's namespace; a
     * {@code namespaceSelector} picks namespaces by their labels, and a {@code podSelector} in
     * the same peer narrows to matching pods inside them.
     */
    BitSet matchPeer(String policyNamespace, PolicyPeer peer) {
        if (peer.namespaceSelector() == null) {
            return matchPods(policyNamespace, peer.podSelector());
        }
        LabelSelector podSelector = peer.podSelector() == null ? LabelSelector.EVERYTHING : peer.podSelector();
        BitSet matched = new BitSet(classes.size());
        for (List<PodClass> inNamespace : classesByNamespace.values()) {
            if (!peer.namespaceSelector().matches(inNamespace.get(0).namespaceLabels())) {
                continue;
            }
            for (PodClass podClass : inNamespace) {
                if (podSelector.matches(podClass.labels())) {
                    matched.set(podClass.index());
                }
            }
        }
        return matched;
    }

    /** Each distinct ipBlock any rule names, then "any address" where a rule admits every peer. */
    private List<Endpoint.External> collectExternalPeers() {
        Map<String, Endpoint.External> byId = new java.util.TreeMap<>();
        boolean anyAddress = false;
        for (CompiledTierPolicy policy : tierPolicies) {
            List<CompiledTierRule> rules = new ArrayList<>(policy.rules(PolicyType.EGRESS));
            rules.addAll(policy.rules(PolicyType.INGRESS));
            for (CompiledTierRule rule : rules) {
                for (io.netpolviz.model.Cidr network : rule.networks()) {
                    Endpoint.External external = new Endpoint.External(new IpBlock(network, List.of()));
                    byId.putIfAbsent(external.id(), external);
                }
            }
        }
        anyAddress |= CalicoExternals.collect(calicoPolicies, byId);
        for (CompiledPolicy policy : policies) {
            for (PolicyType direction : PolicyType.values()) {
                for (CompiledRule rule : policy.rules(direction)) {
                    anyAddress |= rule.allPeers();
                    for (IpBlock block : rule.ipBlocks()) {
                        Endpoint.External external = new Endpoint.External(block);
                        byId.putIfAbsent(external.id(), external);
                    }
                }
            }
        }
        List<Endpoint.External> peers = new ArrayList<>(byId.values());
        if (anyAddress && !byId.containsKey("ext:any")) {
            peers.add(Endpoint.External.anyIpv4());
        }
        return List.copyOf(peers);
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public List<PodClass> classes() {
        return classes;
    }

    public List<CompiledPolicy> policies() {
        return policies;
    }

    public Optional<CompiledPolicy> policy(PolicyId id) {
        return Optional.ofNullable(policiesById.get(id));
    }

    /** The cluster-wide policies in the order they decide: the Admin tier by priority, then the Baseline tier. */
    public List<CompiledTierPolicy> tierPolicies() {
        return tierPolicies;
    }

    public Optional<CompiledTierPolicy> tierPolicy(PolicyId id) {
        return Optional.ofNullable(tierPoliciesById.get(id));
    }

    /** The parts a Cilium policy became in the NetworkPolicy layer and the Admin tier; empty for other ids. */
    Optional<CiliumCompiler.Parts> ciliumParts(PolicyId id) {
        return Optional.ofNullable(ciliumParts.get(id));
    }

    /** Cilium allow parts that select {@code classIndex} without isolating it in {@code direction}, ascending. */
    int[] contributors(PolicyType direction, int classIndex) {
        return contributors[direction.ordinal()][classIndex];
    }

    boolean hasContributors() {
        return contributors != null && CiliumContributors.any(contributors);
    }

    /** Calico's policies, sorted by identity; empty when the snapshot has none. */
    public List<CompiledCalicoPolicy> calicoPolicies() {
        return calicoPolicies;
    }

    public Optional<CompiledCalicoPolicy> calicoPolicy(PolicyId id) {
        return Optional.ofNullable(calicoPoliciesById.get(id));
    }

    /** Whether Calico policies take part: then every side is decided by walking {@link #orderedTiers()}. */
    public boolean hasCalico() {
        return calicoIndex != null;
    }

    OrderedTiers orderedTiers() {
        return orderedTiers;
    }

    CalicoIndex calicoIndex() {
        return calicoIndex;
    }

    /** Every workload and bare pod, sorted by namespace then name. */
    public Collection<Endpoint.Pods> workloadEndpoints() {
        return workloadEndpoints.values().stream()
                .sorted(Comparator.comparing(Endpoint.Pods::id))
                .toList();
    }

    /** The node of this id ({@code namespace/name}, a workload or a group of its pods), without reading it as a user's text. */
    public Optional<Endpoint.Pods> workloadEndpoint(String id) {
        return Optional.ofNullable(workloadEndpoints.get(id));
    }

    /** The external peers rules name (each distinct ipBlock, and "any address"), sorted. */
    public List<Endpoint.External> externalPeers() {
        return externalPeers;
    }

    /**
     * Resolves {@code namespace/name} or {@code ext:ADDRESS} (IPv4 or IPv6) to one endpoint: a
     * node's own id, or a pod's name that only one node holds. A workload whose pods are shown
     * apart is several endpoints: see {@link #resolveAll}.
     */
    public Optional<Endpoint> resolve(String text) {
        List<Endpoint> all = resolveAll(text);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * Every endpoint {@code text} names: an address; a workload with the nodes of its pods that
     * differ from its template ({@link io.netpolviz.model.PodVariant}), itself first; or the node
     * that holds a pod of that name. Empty when nothing matches.
     */
    public List<Endpoint> resolveAll(String text) {
        return EndpointNames.resolveAll(workloadEndpoints, text);
    }

    /** Evaluates with every policy switched on. */
    public Evaluation evaluate() {
        return evaluate(Set.of());
    }

    /** Evaluates with the named policies switched off (a what-if); the others are on. */
    public Evaluation evaluate(Set<PolicyId> switchedOff) {
        BitSet enabled = new BitSet(policies.size());
        enabled.set(0, policies.size());
        BitSet tierEnabled = new BitSet(tierPolicies.size());
        tierEnabled.set(0, tierPolicies.size());
        BitSet calicoEnabled = new BitSet(calicoPolicies.size());
        calicoEnabled.set(0, calicoPolicies.size());
        for (PolicyId id : switchedOff) {
            CiliumCompiler.Parts parts = ciliumParts.get(id);
            if (parts != null) {
                parts.allows().forEach(part -> enabled.clear(part.index()));
                parts.denies().forEach(part -> tierEnabled.clear(part.index()));
                continue;
            }
            CompiledCalicoPolicy calicoPolicy = calicoPoliciesById.get(id);
            if (calicoPolicy != null) {
                calicoEnabled.clear(calicoPolicy.index());
            }
            CompiledPolicy policy = policiesById.get(id);
            if (policy != null) {
                enabled.clear(policy.index());
            }
            CompiledTierPolicy tierPolicy = tierPoliciesById.get(id);
            if (tierPolicy != null) {
                tierEnabled.clear(tierPolicy.index());
            }
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "evaluating with " + (policies.size() - enabled.cardinality()) + " of "
                + policies.size() + " policies and " + (tierPolicies.size() - tierEnabled.cardinality()) + " of "
                + tierPolicies.size() + " cluster-wide policies switched off");
        return new Evaluation(this, enabled, tierEnabled, calicoEnabled);
    }
}

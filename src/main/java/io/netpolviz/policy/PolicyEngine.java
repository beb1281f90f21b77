package io.netpolviz.policy;

import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelSelector;
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
    private volatile ConnectivityIndex connectivityIndex;
    /** Each Cilium policy's parts in both layers, by its id. */
    private final Map<PolicyId, CiliumCompiler.Parts> ciliumParts = new HashMap<>();
    /** Per direction ordinal, per class: Cilium allow parts that select it without isolating it (enableDefaultDeny false); null when none do. */
    private final int[][][] contributors;
    /** Which classes can reach which at all: those on one primary network (OVN-Kubernetes' UserDefinedNetworks). */
    private final NetworkMask networkMask;

    /** @param base an engine of the same workloads whose classes and unchanged compiled policies can be kept; null to compile afresh */
    private PolicyEngine(ClusterSnapshot snapshot, PolicyEngine base) {
        this.snapshot = snapshot;
        PolicyEngine reused = base != null && sameWorkloads(base.snapshot, snapshot) ? base : null;
        this.classes = reused != null ? reused.classes : PodClasses.group(snapshot);
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
            CompiledPolicy kept = reused == null ? null : reused.policiesById.get(policy.id());
            CompiledPolicy compiled = kept != null && kept.source() == policy
                    ? new CompiledPolicy(policies.size(), kept.id(), policy, kept.selectedClassesView(), kept.rules(PolicyType.INGRESS),
                            kept.rules(PolicyType.EGRESS))
                    : compilePolicy(policies.size(), policy, peerCache);
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
        int[][][] contributing = CiliumContributors.of(classes.size(), policies);
        this.contributors = CiliumContributors.any(contributing) ? contributing : null;
        // One cluster runs one network plugin: with Cilium's policies present the picture follows Cilium
        // (the loader warns and counts Calico's as not evaluated), so the two engines never mix.
        CalicoResources calico = snapshot.ciliumPolicies().isEmpty() ? snapshot.calico() : CalicoResources.NONE;
        this.calicoPolicies = new CalicoCompiler(classes, calico, snapshot.namespaces()).compile(calico);
        calicoPolicies.forEach(policy -> calicoPoliciesById.put(policy.id(), policy));
        this.orderedTiers = new OrderedTiers(policies, tierPolicies, calicoPolicies, calico);
        this.externalPeers = collectExternalPeers();
        this.calicoIndex = calicoPolicies.isEmpty() ? null : new CalicoIndex(this);
        this.networkMask = NetworkMask.of(snapshot.primaryNetworks(), classes);
    }

    NetworkMask networkMask() {
        return networkMask;
    }

    /** Which namespaces are on a primary UserDefinedNetwork of their own (OVN-Kubernetes), isolated from every other network. */
    public io.netpolviz.model.PrimaryNetworks primaryNetworks() {
        return networkMask.networks();
    }


    /** Built on first use: an engine that only answers pair by pair (a proposal being verified) never needs it. */
    ConnectivityIndex connectivityIndex() {
        ConnectivityIndex index = connectivityIndex;
        if (index == null) {
            synchronized (this) {
                index = connectivityIndex;
                if (index == null) {
                    index = new ConnectivityIndex(this);
                    connectivityIndex = index;
                }
            }
        }
        return index;
    }

    /** Compiles a snapshot. Invalid policies never reach here: the loaders leave them out. */
    public static PolicyEngine compile(ClusterSnapshot snapshot) {
        return compile(snapshot, null);
    }

    /**
     * Compiles a changed copy of {@code base}'s snapshot: where the workloads are the same objects
     * (no label changed) and no Cilium policy takes part, the pod classes and every policy that is
     * the same object are kept, and only the changed policies are compiled — what verifying a
     * proposal needs, many times over, on a large cluster.
     */
    public static PolicyEngine compile(ClusterSnapshot snapshot, PolicyEngine base) {
        long start = System.nanoTime();
        PolicyEngine engine = new PolicyEngine(snapshot, base);
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                "compiled %s: %d workloads in %d pod classes, %d policies and %d cluster-wide policies in %d ms",
                snapshot.sourceName(), snapshot.workloads().size(), engine.classes.size(), engine.policies.size(),
                engine.tierPolicies.size(), (System.nanoTime() - start) / 1_000_000));
        return engine;
    }

    private static boolean sameWorkloads(ClusterSnapshot base, ClusterSnapshot changed) {
        if (!base.ciliumPolicies().isEmpty() || !changed.ciliumPolicies().isEmpty() || !base.namespaces().equals(changed.namespaces())
                || base.workloads().size() != changed.workloads().size()) {
            return false;
        }
        for (int i = 0; i < base.workloads().size(); i++) {
            if (base.workloads().get(i) != changed.workloads().get(i)) {
                return false;
            }
        }
        return true;
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
        Endpoint.External everyAddress = Endpoint.External.anyIpv4();
        if (anyAddress && !byId.containsKey(everyAddress.id())) {
            peers.add(everyAddress);
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
        return contributors != null; // asked per selected class by a NetworkPolicy toggle: no scan
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

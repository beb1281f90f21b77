package io.netpolviz.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The Calico tiers, policies, network sets and host endpoints a source held, sorted by identity. */
public record CalicoResources(List<CalicoTier> tiers, List<CalicoPolicy> policies, List<CalicoNetworkSet> networkSets,
        List<CalicoHostEndpoint> hostEndpoints) {

    public static final CalicoResources NONE = new CalicoResources(List.of(), List.of());

    public CalicoResources {
        tiers = tiers.stream().sorted(Comparator.comparing(CalicoTier::name)).toList();
        policies = policies.stream().sorted(Comparator.comparing(CalicoPolicy::id)).toList();
        networkSets = networkSets.stream().sorted(Comparator.comparing(CalicoNetworkSet::sortKey)).toList();
        hostEndpoints = hostEndpoints.stream().sorted(Comparator.comparing(CalicoHostEndpoint::name)).toList();
    }

    public CalicoResources(List<CalicoTier> tiers, List<CalicoPolicy> policies) {
        this(tiers, policies, List.of(), List.of());
    }

    /** The same network sets and host endpoints with other tiers and policies. */
    public CalicoResources with(List<CalicoTier> otherTiers, List<CalicoPolicy> otherPolicies) {
        return new CalicoResources(otherTiers, otherPolicies, networkSets, hostEndpoints);
    }

    public boolean isEmpty() {
        return tiers.isEmpty() && policies.isEmpty() && networkSets.isEmpty() && hostEndpoints.isEmpty();
    }

    /** Every CIDR Calico's rules (nets, notNets) and network sets name, distinct: Calico compares pods' addresses with them too. */
    public List<Cidr> nets() {
        java.util.stream.Stream<Cidr> ofRules = policies.stream().flatMap(policy -> java.util.Arrays.stream(PolicyType.values())
                .flatMap(direction -> policy.rules(direction).stream()))
                .flatMap(rule -> java.util.stream.Stream.of(rule.source(), rule.destination()))
                .flatMap(entity -> java.util.stream.Stream.concat(entity.nets().stream(), entity.notNets().stream()));
        return java.util.stream.Stream.concat(ofRules, networkSets.stream().flatMap(set -> set.nets().stream())).distinct().toList();
    }

    /** The tier of that name: declared, or Calico's built-in default tier. */
    public Optional<CalicoTier> tier(String name) {
        Optional<CalicoTier> declared = tiers.stream().filter(t -> t.name().equals(name)).findFirst();
        return declared.isPresent() || !name.equals(CalicoTier.DEFAULT) ? declared : Optional.of(CalicoTier.defaultTier());
    }
}

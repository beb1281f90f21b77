package io.netpolviz.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The Calico tiers and policies a source held, sorted by identity. */
public record CalicoResources(List<CalicoTier> tiers, List<CalicoPolicy> policies) {

    public static final CalicoResources NONE = new CalicoResources(List.of(), List.of());

    public CalicoResources {
        tiers = tiers.stream().sorted(Comparator.comparing(CalicoTier::name)).toList();
        policies = policies.stream().sorted(Comparator.comparing(CalicoPolicy::id)).toList();
    }

    public boolean isEmpty() {
        return tiers.isEmpty() && policies.isEmpty();
    }

    /** The tier of that name: declared, or Calico's built-in default tier. */
    public Optional<CalicoTier> tier(String name) {
        Optional<CalicoTier> declared = tiers.stream().filter(t -> t.name().equals(name)).findFirst();
        return declared.isPresent() || !name.equals(CalicoTier.DEFAULT) ? declared : Optional.of(CalicoTier.defaultTier());
    }
}

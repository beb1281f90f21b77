package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import java.util.BitSet;

/**
 * Toggles when Calico policies take part. A Calico policy's default action reaches every peer of
 * the endpoints it selects, and a pass can hand a connection to any later tier, so the columns a
 * toggle touches are not the few the layered toggles know: the evaluation is recomputed in full
 * and compared pair by pair. Measured in {@code bench} and docs/benchmarks.md.
 */
final class CalicoToggle {

    private CalicoToggle() {
    }

    static Evaluation toggle(Evaluation before, PolicyId id) {
        PolicyEngine engine = before.engine();
        BitSet enabled = (BitSet) before.enabledView().clone();
        BitSet tierEnabled = (BitSet) before.tierEnabledView().clone();
        BitSet calicoEnabled = (BitSet) before.calicoEnabledView().clone();
        if (engine.calicoPolicy(id).isPresent()) {
            calicoEnabled.flip(engine.calicoPolicy(id).get().index());
        } else if (engine.tierPolicy(id).isPresent()) {
            tierEnabled.flip(engine.tierPolicy(id).get().index());
        } else {
            enabled.flip(engine.policy(id).orElseThrow(() -> new IllegalArgumentException("no policy " + id)).index());
        }
        Evaluation after = before.withSwitches(enabled, tierEnabled, calicoEnabled);
        return after.withChanges(after.changesFrom(before));
    }
}

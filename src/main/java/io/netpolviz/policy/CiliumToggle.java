package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;

/**
 * Switches a Cilium policy: its deny parts (Admin tier) and its allow parts (NetworkPolicy layer)
 * flip together, each by the incremental toggle of its layer (an allow part that only adds to the
 * union, {@link CiliumContributors}, recomputes what it selects and reaches like one that
 * isolates), and the changes are the pairs that differ from before. Ingress deny rules that name
 * addresses also change what enters from outside, which an Admin-tier toggle otherwise never
 * does: those rows are recomputed on the block window of the classes such a part selects.
 */
final class CiliumToggle {

    private CiliumToggle() {
    }

    static Evaluation apply(Evaluation current, CiliumCompiler.Parts parts) {
        Evaluation next = current;
        for (CompiledTierPolicy deny : parts.denies()) {
            next = next.toggleTier(deny);
        }
        for (CompiledPolicy allow : parts.allows()) {
            next = next.togglePolicy(allow);
        }
        Connectivity connectivity = next.connectivity();
        ClassSet entering = ClassSet.empty(current.engine().classes().size());
        for (CompiledTierPolicy deny : parts.denies()) {
            if (deny.rules(PolicyType.INGRESS).stream().anyMatch(rule -> !rule.networks().isEmpty())) {
                entering = entering.or(current.engine().connectivityIndex().tiers.subjects[deny.index()]);
            }
        }
        if (!entering.isEmpty()) {
            connectivity = withExternalRows(next, connectivity, entering.blockSpan());
        }
        Evaluation result = next.with(connectivity, null);
        return result.with(connectivity, result.changesFrom(current));
    }

    /** {@code connectivity} with every external peer's row into the cluster computed anew on blocks {@code window}. */
    private static Connectivity withExternalRows(Evaluation evaluation, Connectivity connectivity, int[] window) {
        ConnectivityBuilder builder = new ConnectivityBuilder(evaluation);
        PortGroup[][] rows = connectivity.externalRows.clone();
        for (int external = 0; external < rows.length; external++) {
            rows[external] = ColumnWindows.splice(rows[external], builder.externalRow(external, window[0], window[1]), window[0], window[1]);
        }
        return new Connectivity(evaluation.engine(), connectivity.columns, rows);
    }
}

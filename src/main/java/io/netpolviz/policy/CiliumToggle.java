package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;

/**
 * Switches a Cilium policy: its deny parts (Admin tier) and its allow parts (NetworkPolicy layer)
 * flip together, each by the incremental toggle of its layer, and the changes are the pairs that
 * differ from before. Ingress deny rules that name addresses also change what enters from outside,
 * which an Admin-tier toggle otherwise never does: those rows are recomputed. An allow part that
 * only adds to the union ({@link CiliumContributors}) changes no isolation, which the incremental
 * toggle keys on, so a policy with one is evaluated afresh instead.
 */
final class CiliumToggle {

    private CiliumToggle() {
    }

    static Evaluation apply(Evaluation current, CiliumCompiler.Parts parts) {
        boolean incremental = parts.allows().stream().allMatch(CiliumToggle::isolatesWhereItAllows);
        if (!incremental) {
            return current.toggleCiliumAfresh(parts);
        }
        Evaluation next = current;
        for (CompiledTierPolicy deny : parts.denies()) {
            next = next.toggleTier(deny);
        }
        for (CompiledPolicy allow : parts.allows()) {
            next = next.togglePolicy(allow);
        }
        Connectivity connectivity = next.connectivity();
        if (parts.denies().stream().anyMatch(deny -> deny.rules(PolicyType.INGRESS).stream().anyMatch(rule -> !rule.networks().isEmpty()))) {
            connectivity = withExternalRows(next, connectivity);
        }
        Evaluation result = next.with(connectivity, null);
        return result.with(connectivity, result.changesFrom(current));
    }

    private static boolean isolatesWhereItAllows(CompiledPolicy part) {
        for (PolicyType direction : PolicyType.values()) {
            if (!part.isolates(direction) && !part.rules(direction).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** {@code connectivity} with every external peer's row into the cluster computed anew. */
    private static Connectivity withExternalRows(Evaluation evaluation, Connectivity connectivity) {
        ConnectivityBuilder builder = new ConnectivityBuilder(evaluation);
        int blocks = ClassSet.blockCount(evaluation.engine().classes().size());
        PortGroup[][] rows = connectivity.externalRows.clone();
        for (int external = 0; external < rows.length; external++) {
            rows[external] = builder.externalRow(external, 0, blocks);
        }
        return new Connectivity(evaluation.engine(), connectivity.columns, rows);
    }
}

package io.netpolviz.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The egress and ingress sides of the columns one {@link ConnectivityBuilder} computes, each
 * computed once per kind of column and window and shared by the columns alike. A column's egress
 * side depends only on its egress kind ({@link ConnectivityIndex#egressKind}); its ingress side
 * only on the NetworkPolicies that isolate it, the tier policies that select it and its ports. At
 * L with 200 cluster-wide policies the 3,700 classes have 178 egress kinds and about 1,200 ingress
 * kinds, so most columns take both sides from another column. A side handed out here is finished:
 * the builder only reads it ({@link WindowPartition#cross}, {@link WindowPartition#toArray}).
 */
final class ColumnSides {

    private final Map<Long, WindowPartition> egress = new HashMap<>();
    private final Map<IngressKind, WindowPartition> ingress = new HashMap<>();

    /** The egress side of columns of {@code kind} on blocks {@code [from, to)}, computed by {@code compute} the first time. */
    WindowPartition egress(int kind, int from, int to, Supplier<WindowPartition> compute) {
        // Block numbers stay below 2^16 (16 million classes), so kind, from and to fit one long.
        long key = ((long) kind << 32) | ((long) from << 16) | to;
        WindowPartition side = egress.get(key);
        if (side == null) {
            side = compute.get();
            egress.put(key, side);
        }
        return side;
    }

    /**
     * The ingress side of a destination with these isolating NetworkPolicies, this list of selecting
     * tier policies ({@link TierIndex#ingressList}) and this port profile, on blocks {@code [from, to)}.
     */
    WindowPartition ingress(int[] isolating, int tierList, int portProfile, int from, int to, Supplier<WindowPartition> compute) {
        IngressKind key = new IngressKind(isolating, tierList, portProfile, from, to);
        WindowPartition side = ingress.get(key);
        if (side == null) {
            side = compute.get();
            ingress.put(key, side);
        }
        return side;
    }

    /** Compared by the contents of {@code isolating}: two classes isolated by the same policies hold equal arrays, not one. */
    private record IngressKind(int[] isolating, int tierList, int portProfile, int from, int to) {

        @Override
        public boolean equals(Object other) {
            return other instanceof IngressKind kind && tierList == kind.tierList && portProfile == kind.portProfile && from == kind.from
                    && to == kind.to && Arrays.equals(isolating, kind.isolating);
        }

        @Override
        public int hashCode() {
            return ((Arrays.hashCode(isolating) * 31 + tierList) * 31 + portProfile) * 31 + (from << 16 | to);
        }
    }
}

package io.netpolviz.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where ingress walks through the ordered tiers can start instead of at the first entry: the
 * state a walk had after crossing into a later tier, kept per beginning of its key. Two classes
 * whose ingress keys ({@link ChainKeys#ingress}) agree up to a tier crossing walked the same rules
 * with the same ports and local matches up to it, so their states there are equal. The early
 * tiers (a security tier, the platform's, the cluster-wide Admin tier) are shared by many
 * classes that differ only in the NetworkPolicies of the default tier: at L with 500 Calico
 * policies, 1,181 distinct ingress keys begin with 67 distinct prefixes through the Admin tier,
 * which holds 94% of the entries walked. A state is kept per window of source blocks and, for an
 * external peer's walk, per peer. States are handed out and taken in as they are: callers copy
 * what they go on changing. Synchronized, like {@link ChainMemo} that holds it.
 *
 * @param <S> what a walk's state is: a {@link TierPartition}, or an external peer's ports
 */
final class WalkPrefixes<S> {

    /** Past this many states the map is dropped rather than grown, as {@link ChainMemo}'s maps are. */
    private static final int LIMIT = 100_000;

    private final Map<Prefix, S> states = new HashMap<>();

    /** {@code crossing}, checked to be the one a walk of {@code key} makes before entry {@code next}: keys and walks read the same entries. */
    static int crossingAt(ChainKeys.Key key, int crossing, int next) {
        if (crossing >= key.crossings() || key.entriesBefore(crossing) != next) {
            throw new IllegalStateException("a walk crossed tiers before entry " + next + " where its key does not");
        }
        return crossing;
    }

    /** A known state of a walk with {@code key}: the last crossing before which one is kept, or null. */
    Known<S> latest(ChainKeys.Key key, int from, int to, int external) {
        return latest(key, from, to, external, Integer.MAX_VALUE);
    }

    /** The same among the crossings made after at most {@code entries} entries. */
    synchronized Known<S> latest(ChainKeys.Key key, int from, int to, int external, int entries) {
        for (int crossing = key.crossings() - 1; crossing >= 0; crossing--) {
            if (key.entriesBefore(crossing) > entries) {
                continue;
            }
            S state = states.get(new Prefix(key, crossing, from, to, external));
            if (state != null) {
                return new Known<>(crossing, state);
            }
        }
        return null;
    }

    /** Keeps {@code state}, the state of a walk with {@code key} right after tier crossing {@code crossing}. */
    synchronized void remember(ChainKeys.Key key, int crossing, int from, int to, int external, S state) {
        if (states.size() >= LIMIT) {
            states.clear();
        }
        states.put(new Prefix(key, crossing, from, to, external), state);
    }

    /** A state found for a walk: it resumes at entry {@code key.entriesBefore(crossing)}. */
    record Known<S>(int crossing, S state) {
    }

    /** The first {@code length} numbers of a key (the array is never changed, so it is shared, not copied), a window, a peer. */
    private static final class Prefix {
        private final int[] values;
        private final int length;
        private final int from;
        private final int to;
        private final int external;
        private final int hash;

        /** The numbers of {@code key} before tier crossing {@code crossing}, whose hash the key holds. */
        Prefix(ChainKeys.Key key, int crossing, int from, int to, int external) {
            this.values = key.values();
            this.length = key.lengthBefore(crossing);
            this.from = from;
            this.to = to;
            this.external = external;
            this.hash = 31 * (31 * (31 * key.hashBefore(crossing) + from) + to) + external;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Prefix prefix && hash == prefix.hash && length == prefix.length && from == prefix.from
                    && to == prefix.to && external == prefix.external && Arrays.equals(values, 0, length, prefix.values, 0, length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per destination column (a class, or an external peer past the classes), the entries of the ordered tiers an egress
 * walk toward it visits, in decision order: the cluster-wide and Calico policies some egress rule of which reaches it
 * ({@link ChainReach}), and every NetworkPolicy entry (whose rules {@link ChainColumns} reads per column). A broad tier
 * setup has hundreds of entries, and a column is reached by a dozen: the walk visits those and each tier's end, instead
 * of asking every entry whether it reaches. Built once per engine, with positions numbering every entry of every tier.
 */
final class EgressEntries {

    private final OrderedTiers.Entry[] entryAt;
    private final int[] tierAt;
    private final int[][] visited;

    EgressEntries(PolicyEngine engine, ChainReach reach) {
        List<OrderedTiers.Tier> tiers = engine.orderedTiers().tiers();
        List<OrderedTiers.Entry> entries = new ArrayList<>();
        List<Integer> entryTiers = new ArrayList<>();
        int[] clusterPosition = new int[engine.tierPolicies().size()];
        int[] calicoPosition = new int[engine.calicoPolicies().size()];
        // A policy in no tier is never walked: -1 leaves it out.
        Arrays.fill(clusterPosition, -1);
        Arrays.fill(calicoPosition, -1);
        List<Integer> networkPolicyPositions = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            for (OrderedTiers.Entry entry : tiers.get(t).entries()) {
                switch (entry.kind()) {
                    case CLUSTER -> clusterPosition[entry.index()] = entries.size();
                    case CALICO -> calicoPosition[entry.index()] = entries.size();
                    case NETWORK_POLICIES -> networkPolicyPositions.add(entries.size());
                }
                entries.add(entry);
                entryTiers.add(t);
            }
        }
        this.entryAt = entries.toArray(new OrderedTiers.Entry[0]);
        this.tierAt = entryTiers.stream().mapToInt(Integer::intValue).toArray();
        int classCount = reach.clusterEgress.length;
        this.visited = new int[classCount + reach.clusterEgressExternal.length][];
        for (int column = 0; column < visited.length; column++) {
            boolean external = column >= classCount;
            int[] cluster = external ? reach.clusterEgressExternal[column - classCount] : reach.clusterEgress[column];
            int[] calico = external ? reach.calicoEgressExternal[column - classCount] : reach.calicoEgress[column];
            int[] positions = new int[cluster.length + calico.length + networkPolicyPositions.size()];
            int size = 0;
            for (int id : cluster) {
                positions[size++] = clusterPosition[reach.clusterRulePolicy[id]];
            }
            for (int id : calico) {
                positions[size++] = calicoPosition[reach.calicoRulePolicy[id]];
            }
            for (int position : networkPolicyPositions) {
                positions[size++] = position;
            }
            visited[column] = Arrays.stream(positions, 0, size).filter(p -> p >= 0).sorted().distinct().toArray();
        }
    }

    /** The positions of the entries an egress walk toward {@code column} visits, ascending. */
    int[] of(int column) {
        return visited[column];
    }

    OrderedTiers.Entry entry(int position) {
        return entryAt[position];
    }

    /** The index of the tier of the entry at {@code position}. */
    int tier(int position) {
        return tierAt[position];
    }
}

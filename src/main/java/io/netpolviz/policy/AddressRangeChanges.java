package io.netpolviz.policy;

import io.netpolviz.model.IpBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the connections between workloads and the addresses outside the cluster changed, range by
 * range ({@link AddressRanges}): for each workload and direction, neighbouring ranges whose
 * before and after are the same are one line, as netpol-analyzer writes them
 * ({@code removed,default/redis-cart,0.0.0.0/0,...} when a pod loses every address;
 * {@code removed,128.0.0.0/1,...} when a rule starts admitting only 0.0.0.0/1). Addresses exist on
 * both sides, so no range is new or gone; a workload missing on one side allows nothing there.
 */
final class AddressRangeChanges {

    static final Comparator<ConnectivityChange> ORDER =
            Comparator.comparing(ConnectivityChange::sourceId).thenComparing(ConnectivityChange::destinationId);

    private AddressRangeChanges() {
    }

    /** The changes, sorted by source then destination. */
    static List<ConnectivityChange> between(Evaluation before, Evaluation after) {
        Set<IpBlock> blocks = new LinkedHashSet<>();
        for (Evaluation side : List.of(before, after)) {
            side.engine().externalPeers().forEach(external -> blocks.add(external.block()));
        }
        List<AddressRanges.Range> ranges = AddressRanges.cut(blocks);
        List<Endpoint.External> probes = ranges.stream().map(AddressRanges.Range::probe).toList();
        Answers old = new Answers(before, probes);
        Answers now = new Answers(after, probes);
        TreeSet<String> workloads = new TreeSet<>(old.byId.keySet());
        workloads.addAll(now.byId.keySet());
        List<ConnectivityChange> changes = new ArrayList<>();
        for (String workload : workloads) {
            for (boolean egress : new boolean[] {true, false}) {
                AddressRanges.Range open = null;
                PortSet[] openPair = null;
                for (int r = 0; r < ranges.size(); r++) {
                    PortSet[] pair = {old.ports(workload, r, egress), now.ports(workload, r, egress)};
                    if (open != null && open.adjoins(ranges.get(r)) && pair[0].equals(openPair[0]) && pair[1].equals(openPair[1])) {
                        open = open.joinedWith(ranges.get(r));
                        continue;
                    }
                    emit(workload, open, openPair, egress, changes);
                    open = ranges.get(r);
                    openPair = pair;
                }
                emit(workload, open, openPair, egress, changes);
            }
        }
        changes.sort(ORDER);
        return changes;
    }

    private static void emit(String workload, AddressRanges.Range range, PortSet[] pair, boolean egress, List<ConnectivityChange> into) {
        if (range == null || pair[0].equals(pair[1])) {
            return;
        }
        into.add(egress ? new ConnectivityChange(workload, range.id(), pair[0], pair[1])
                : new ConnectivityChange(range.id(), workload, pair[0], pair[1]));
    }

    /** One side's answers for its workloads and the ranges' probes, asked once per pod class. */
    private static final class Answers {

        private final Evaluation evaluation;
        private final List<Endpoint.External> probes;
        private final Map<String, Endpoint.Pods> byId = new HashMap<>();
        private final Map<Long, PortSet> byClass = new HashMap<>();

        Answers(Evaluation evaluation, List<Endpoint.External> probes) {
            this.evaluation = evaluation;
            this.probes = probes;
            evaluation.engine().workloadEndpoints().forEach(workload -> byId.put(workload.id(), workload));
        }

        /** What the workload may send to (or receive from) the range; none where this side has no such workload. */
        PortSet ports(String workload, int range, boolean egress) {
            Endpoint.Pods pods = byId.get(workload);
            if (pods == null) {
                return PortSet.NONE;
            }
            long key = ((long) pods.podClass().index() * probes.size() + range) * 2 + (egress ? 1 : 0);
            return byClass.computeIfAbsent(key, k -> {
                PortSet ports = egress ? evaluation.allowedPorts(pods, probes.get(range)) : evaluation.allowedPorts(probes.get(range), pods);
                return ports == null ? PortSet.NONE : ports;
            });
        }
    }
}

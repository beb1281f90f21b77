package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadPartsTest {

    private static List<Map<String, String>> workloads(int count, java.util.function.IntFunction<Map<String, String>> labels) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(labels.apply(i));
        }
        return out;
    }

    @Test
    void aSmallNamespaceIsNotSplit() {
        assertEquals(Optional.empty(), WorkloadParts.splitKey(workloads(WorkloadParts.UP_TO_WORKLOADS, i -> Map.of("tier", "t" + (i % 3)))));
    }

    @Test
    void aLargeNamespaceIsSplitByTierNotByItsUniqueAppLabel() {
        assertEquals(Optional.of("tier"), WorkloadParts.splitKey(workloads(60, i -> Map.of("app", "a" + i, "tier", "t" + (i % 4)))));
    }

    @Test
    void withoutAKnownKeyAnyLabelMakingReadablePartsWill() {
        assertEquals(Optional.of("squad"), WorkloadParts.splitKey(workloads(60, i -> Map.of("app", "a" + i, "squad", "s" + (i % 7)))));
    }

    @Test
    void labelsThatSplitIntoTooManyPartsOrLeaveMostAloneSplitNothing() {
        assertEquals(Optional.empty(), WorkloadParts.splitKey(workloads(60, i -> Map.of("app", "a" + i, "shard", "s" + (i % 30)))));
        assertEquals(Optional.empty(), WorkloadParts.splitKey(workloads(60, i -> i < 10 ? Map.of("tier", "t" + (i % 2)) : Map.of())));
    }
}

package io.netpolviz.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NamespaceGroupsTest {

    /** {@code count} namespaces {@code name-i}, labelled by {@code labels.apply(i)}. */
    private static Map<String, Map<String, String>> namespaces(int count, java.util.function.IntFunction<Map<String, String>> labels) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> own = new TreeMap<>(labels.apply(i));
            own.put("kubernetes.io/metadata.name", "ns-" + i);
            out.put("ns-" + i, own);
        }
        return out;
    }

    @Test
    void aFewNamespacesAreNotGrouped() {
        assertTrue(NamespaceGroups.of(namespaces(NamespaceGroups.UP_TO_NAMESPACES, i -> Map.of("team", "t" + (i % 3)))).isEmpty());
    }

    @Test
    void manyNamespacesAreGroupedByTheirTeamRatherThanAnyOtherLabel() {
        Map<String, String> groups = NamespaceGroups.of(namespaces(30, i -> Map.of("team", "t" + (i % 6), "env", i % 2 == 0 ? "prod" : "dev")));
        assertEquals(30, groups.size());
        assertEquals("team=t0", groups.get("ns-0"));
        assertEquals("team=t5", groups.get("ns-11"));
    }

    @Test
    void withoutAKnownKeyTheLabelMakingMostReadableGroupsWins() {
        Map<String, String> groups = NamespaceGroups.of(namespaces(30, i -> Map.of("cost-centre", "c" + (i % 5), "env", i % 2 == 0 ? "prod" : "dev")));
        assertEquals("cost-centre=c2", groups.get("ns-7"));
    }

    @Test
    void withoutSharedLabelsNamespacesAreGroupedByNameAndLonersStayAlone() {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (String team : List.of("payments", "orders", "search", "billing")) {
            for (int i = 1; i <= 5; i++) {
                byName.put(team + "-" + i, Map.of());
            }
        }
        byName.put("kube-system", Map.of());
        Map<String, String> groups = NamespaceGroups.of(byName);
        assertEquals("payments-*", groups.get("payments-3"));
        assertEquals(Optional.empty(), Optional.ofNullable(groups.get("kube-system")));
    }

    @Test
    void aLabelThatLeavesTooManyNodesGroupsNothing() {
        // Fifty namespaces in pairs: twenty-five groups, more than a picture should have.
        assertTrue(NamespaceGroups.of(namespaces(50, i -> Map.of("team", "t" + (i / 2)))).values().stream()
                .noneMatch(group -> group.startsWith("team=")));
    }
}

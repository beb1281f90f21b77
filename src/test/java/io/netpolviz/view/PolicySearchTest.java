package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PolicySearchTest {

    private static final List<PolicyRow> ROWS = List.of(
            new PolicyRow.NamespaceHeading("payments-1", 2, 2),
            new PolicyRow.PolicySwitch(new PolicyId("payments-1", "default-deny"), true, 10),
            new PolicyRow.PolicySwitch(new PolicyId("payments-1", "allow-dns"), true, 10),
            new PolicyRow.NamespaceHeading("shop", 2, 1),
            new PolicyRow.PolicySwitch(new PolicyId("shop", "default-deny"), false, 3),
            new PolicyRow.PolicySwitch(new PolicyId("shop", "allow-web"), true, 1));

    @Test
    void keepsMatchingPoliciesUnderTheirHeadings() {
        assertEquals(List.of(ROWS.get(0), ROWS.get(1), ROWS.get(3), ROWS.get(4)), kept("DEFAULT"));
        assertEquals(List.of(ROWS.get(3), ROWS.get(5)), kept("shop/allow"));
        assertEquals(List.of(ROWS.get(0), ROWS.get(1), ROWS.get(2)), kept("payments"), "a namespace's name finds all its policies");
        assertEquals(List.of(), kept("nothing-like-it"));
        assertEquals(ROWS, kept("  "));
    }

    @Test
    void narrowsTheTwoThousandPoliciesOfTheLargeClusterQuickly() {
        ClusterShape large = new ClusterShape(10_000, 2_000, 50, 1, false);
        PolicyEngine engine = PolicyEngine.compile(ClusterGenerator.generate(large).snapshot());
        List<PolicyRow> rows = PolicyRow.of(engine, engine.evaluate());
        assertTrue(rows.stream().filter(row -> row instanceof PolicyRow.PolicySwitch).count() == 2_000);
        long start = System.nanoTime();
        Predicate<PolicyRow> search = PolicySearch.matching(rows, "payments-2/default");
        List<PolicyRow> kept = rows.stream().filter(search).toList();
        double millis = (System.nanoTime() - start) / 1e6;
        assertEquals(List.of("payments-2", "payments-2/default-deny"), kept.stream().map(PolicySearchTest::name).toList());
        assertTrue(millis < 100, "searching took " + millis + " ms");
    }

    private static List<PolicyRow> kept(String text) {
        return ROWS.stream().filter(PolicySearch.matching(ROWS, text)).toList();
    }

    private static String name(PolicyRow row) {
        return row instanceof PolicyRow.PolicySwitch policy ? policy.id().toString() : ((PolicyRow.NamespaceHeading) row).namespace();
    }
}

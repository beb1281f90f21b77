package io.netpolviz.policy;

import static io.netpolviz.policy.ClusterFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Toggles as a view uses them: the new verdicts, the changed edges, undo. */
class ToggleTest {

    private static final PolicyId DENY_API = new PolicyId("prod", "deny-api");
    private static final PolicyId ALLOW_WEB = new PolicyId("prod", "allow-web-to-api");

    private static PolicyEngine cluster() {
        return new ClusterFixture()
                .pod("prod/web", "app=web", tcpPort(80))
                .pod("prod/api", "app=api", port("http", 8080, Protocol.TCP))
                .pod("prod/worker", "app=worker")
                .policy(ingressPolicy("prod/deny-api", "app=api"))
                .policy(ingressPolicy("prod/allow-web-to-api", "app=api", rule(pods("app=web"), named("http", Protocol.TCP))))
                .engine();
    }

    private static String edges(Changes changes) {
        List<String> lines = new ArrayList<>();
        for (Changes.ChangedEdge edge : changes.edges()) {
            lines.add(edge.source().id() + " -> " + edge.destination().id() + ": " + edge.before() + " => " + edge.after());
        }
        return String.join("\n", lines);
    }

    @Test
    void switchingOffTheOnlyIsolatingPoliciesOpensEveryPathToThePod() {
        Evaluation before = cluster().evaluate().toggle(ALLOW_WEB);
        Evaluation after = before.toggle(DENY_API);
        assertEquals(Set.of(DENY_API, ALLOW_WEB), after.switchedOff());
        assertEquals(String.join("\n",
                "prod/api -> prod/api: none => all",
                "prod/web -> prod/api: none => all",
                "prod/worker -> prod/api: none => all"), edges(after.changes()));
        assertEquals(3, after.changes().pairCount());
        Endpoint worker = after.engine().resolve("prod/worker").orElseThrow();
        Endpoint api = after.engine().resolve("prod/api").orElseThrow();
        assertTrue(after.verdict(worker, api, Protocol.UDP, 9999).allowed(), "the new verdicts come with the toggle");
        assertFalse(before.verdict(worker, api, Protocol.UDP, 9999).allowed(), "the old evaluation is left as it was");
    }

    @Test
    void switchingOnAnAllowNarrowsOnlyTheAdmittedPair() {
        Evaluation base = cluster().evaluate(Set.of(ALLOW_WEB));
        Evaluation allowed = base.toggle(ALLOW_WEB);
        assertEquals("prod/web -> prod/api: none => TCP 8080", edges(allowed.changes()));
    }

    @Test
    void undoIsTogglingBackAndLeavesNoDifference() {
        Evaluation start = cluster().evaluate();
        Evaluation there = start.toggle(DENY_API).toggle(ALLOW_WEB);
        Evaluation back = there.toggle(ALLOW_WEB).toggle(DENY_API);
        assertTrue(back.changesFrom(start).isEmpty());
        assertFalse(there.changesFrom(start).isEmpty());
        assertEquals(edges(there.changesFrom(start)).lines().count(), there.changesFrom(start).pairCount());
    }

    @Test
    void pairVisitorSeesEveryChangedPairOnce() {
        Evaluation after = cluster().evaluate().toggle(DENY_API).toggle(ALLOW_WEB);
        List<String> visited = new ArrayList<>();
        after.changes().forEachPair((source, destination, was, now) -> visited.add(source + "->" + destination + " " + was + "=>" + now));
        assertEquals(after.changes().pairCount(), visited.size());
        assertEquals(visited.size(), Set.copyOf(visited).size());
    }

    @Test
    void aFreshEvaluationHasNoChangesAndAnUnknownPolicyIsRefused() {
        Evaluation evaluation = cluster().evaluate();
        assertTrue(evaluation.changes().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> evaluation.toggle(new PolicyId("prod", "nope")));
    }

    @Test
    void togglingAPolicyThatSelectsNothingChangesNothingAndSharesTheColumns() {
        PolicyEngine engine = new ClusterFixture()
                .pod("prod/web", "app=web", tcpPort(80))
                .policy(ingressPolicy("prod/for-nobody", "app=ghost"))
                .engine();
        Evaluation start = engine.evaluate();
        Evaluation toggled = start.toggle(new PolicyId("prod", "for-nobody"));
        assertTrue(toggled.changes().isEmpty());
        assertSame(start.connectivity().sourcesOf(0).get(0), toggled.connectivity().sourcesOf(0).get(0), "untouched columns are shared");
    }
}

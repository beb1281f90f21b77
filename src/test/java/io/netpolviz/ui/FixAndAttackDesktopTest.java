package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.awaitIdle;
import static io.netpolviz.ui.DesktopWindows.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.view.AttackOverlay;
import io.netpolviz.view.Explanation;
import io.netpolviz.view.PolicyRow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The smallest fix and the attacker's view in the real window, headless, driven by clicks: the
 * questions under a selected edge or node, the answer's window, a proposal added as a draft
 * policy (evaluated, marked, switchable, undoable), and paths with their cut marked on the diagram.
 */
@ExtendWith(ApplicationExtension.class)
class FixAndAttackDesktopTest {

    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        new MainWindow(model, stage, null).show();
    }

    @AfterEach
    void closeModel() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void howDoIAllowThisAddsAVerifiedDraftThatOpensTheTutorialsBrokenPathAndCanBeSwitchedOff(FxRobot robot) throws Exception {
        open(Lessons.TUTORIAL, 3);
        fx(() -> {
            model.selection().selectEdge(Lessons.FRONTEND_TO_API);
            return null;
        });
        awaitIdle(model);
        assertFalse(allowed(), "step 3's surprise: frontend -> backend-api is blocked on 8080");
        robot.clickOn("#askAllow");
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> model.fixes().answerProperty().get() != null));
        String words = fx(() -> Explanation.plain(model.fixes().answerProperty().get().blocks()));
        assertTrue(words.contains("is allowed, and nothing else changes."), words);
        robot.clickOn("#addDraft");
        awaitIdle(model);
        PolicyRow.PolicySwitch draft = fx(() -> model.switches().policies().stream()
                .filter(row -> row instanceof PolicyRow.PolicySwitch s && s.draft()).map(row -> (PolicyRow.PolicySwitch) row)
                .findFirst().orElseThrow());
        assertTrue(draft.on());
        assertTrue(allowed(), "the draft opens the path");
        fx(() -> {
            model.switches().toggle(draft.id());
            return null;
        });
        awaitIdle(model);
        assertFalse(allowed(), "switched off like any policy, the draft closes it again");
    }

    @Test
    void aDraftThatChangesAPolicySwitchesTheOriginalOffInOneUndoableCommand(FxRobot robot) throws Exception {
        open(Lessons.TUTORIAL, 4);
        fx(() -> {
            model.selection().selectEdge(Lessons.FRONTEND_TO_API);
            return null;
        });
        awaitIdle(model);
        assertTrue(allowed());
        robot.clickOn("#askBlock");
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> model.fixes().answerProperty().get() != null));
        robot.clickOn("#addDraft");
        awaitIdle(model);
        PolicyId original = PolicyId.parse("production/allow-frontend-egress-to-api");
        assertFalse(fx(() -> model.switches().policyRow(original).orElseThrow().on()), "the policy the draft replaces is off");
        PolicyRow.PolicySwitch draft = fx(() -> model.switches().policyRow(PolicyId.parse("production/allow-frontend-egress-to-api-draft"))
                .orElseThrow());
        assertTrue(draft.draft() && draft.on());
        assertFalse(allowed(), "with the draft in its place, the connection is blocked");
        fx(() -> {
            model.switches().undo();
            return null;
        });
        awaitIdle(model);
        assertTrue(fx(() -> model.switches().policyRow(original).orElseThrow().on()));
        assertTrue(allowed(), "undone: the original admits it again");
    }

    /**
     * Lesson 7 step 2: the Admin tier denies staging -> prod before any NetworkPolicy, so the
     * answer is an Accept ahead of it in the Admin tier; as a draft it is listed there, opens the
     * connection, and switched off closes it again.
     */
    @Test
    void anAdminTierDenyIsOpenedByAnAdminTierDraft(FxRobot robot) throws Exception {
        open(Path.of("sample-clusters/07-admin-tiers"), 2);
        fx(() -> {
            model.selection().selectEdge("staging/tester->prod/db");
            return null;
        });
        awaitIdle(model);
        assertFalse(allowed("staging/tester", "prod/db", 5432));
        // The command line's `name` marks are not the app's: the pane names the policy and rule without them.
        String pane = fx(() -> robot.lookup("#explanation").queryAs(ExplanationView.class).text());
        assertTrue(pane.contains("ClusterNetworkPolicy protect-prod (priority 10) rule deny-from-staging denies this"), pane);
        assertFalse(pane.contains("`"), pane);
        robot.clickOn("#askAllow");
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> model.fixes().answerProperty().get() != null));
        String words = fx(() -> Explanation.plain(model.fixes().answerProperty().get().blocks()));
        assertTrue(words.contains("ClusterNetworkPolicy accept-staging-tester-to-prod-db-5432-tcp (Admin tier, priority 9")
                && words.contains("nothing else changes"), words);
        robot.clickOn("#addDraft");
        awaitIdle(model);
        PolicyRow.PolicySwitch draft = fx(() -> model.switches().policies().stream()
                .filter(row -> row instanceof PolicyRow.PolicySwitch s && s.draft()).map(row -> (PolicyRow.PolicySwitch) row)
                .findFirst().orElseThrow());
        assertEquals(PolicyId.parse("ClusterNetworkPolicy/accept-staging-tester-to-prod-db-5432-tcp"), draft.id());
        assertTrue(draft.on());
        assertTrue(allowed("staging/tester", "prod/db", 5432), "the Admin-tier draft opens the connection");
        assertFalse(allowed("staging/tester", "prod/web", 8080), "and nothing else: protect-prod still denies the rest");
        fx(() -> {
            model.switches().toggle(draft.id());
            return null;
        });
        awaitIdle(model);
        assertFalse(allowed("staging/tester", "prod/db", 5432), "switched off, the draft closes it again");
    }

    /**
     * Lesson 7 step 2: to block prod/web -> prod/db the first proposal edits a NetworkPolicy; the Admin-tier Deny is
     * offered beside it. Having looked at the Admin-tier one, the user can go back to the first.
     */
    @Test
    void afterTheAdminTierChangeTheFirstProposalIsOneClickAway(FxRobot robot) throws Exception {
        open(Path.of("sample-clusters/07-admin-tiers"), 2);
        fx(() -> {
            model.selection().selectEdge("prod/web->prod/db");
            return null;
        });
        awaitIdle(model);
        robot.clickOn("#askBlock");
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> model.fixes().answerProperty().get() != null));
        String first = fx(() -> Explanation.plain(model.fixes().answerProperty().get().blocks()));
        assertTrue(first.contains("Remove prod/db-clients ingress rule #0"), first);
        assertFalse(robot.lookup("#showBest").query().isVisible(), "nothing to go back to yet");

        robot.clickOn("#showAdminTier");
        String admin = fx(() -> Explanation.plain(model.fixes().answerProperty().get().blocks()));
        assertTrue(admin.contains("deny-prod-web-to-prod-db-5432-tcp"), admin);
        robot.clickOn("#showBest");

        assertEquals(first, fx(() -> Explanation.plain(model.fixes().answerProperty().get().blocks())));
        assertFalse(robot.lookup("#showBest").query().isVisible());
        assertTrue(robot.lookup("#showAdminTier").query().isVisible());
    }

    @Test
    void theAttackersViewMarksHopsVeilsTheRestAndCutsThePathToThePaymentsDatabase(FxRobot robot) throws Exception {
        open(Path.of("sample-clusters/08-attack-paths"), 1);
        fx(() -> {
            model.attack().reachFrom(AttackViewModel.INTERNET);
            model.selection().selectNode("payments/payments-db");
            return null;
        });
        awaitIdle(model);
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> model.attack().overlayProperty().get().active()));
        robot.clickOn("#askPaths");
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> !model.attack().overlayProperty().get().pathEdges().isEmpty()));
        AttackOverlay overlay = fx(() -> model.attack().overlayProperty().get());
        assertEquals(3, overlay.hopsTo("payments/payments-db"));
        assertEquals(2, overlay.hopsTo("shop/api"));
        assertNull(overlay.hopsTo("payments/payments-api"), "out of reach, so veiled");
        assertTrue(overlay.onPath("web/frontend->shop/api"));
        assertTrue(overlay.onCut("shop/api->payments/payments-db"));
        String words = fx(() -> Explanation.plain(model.attack().answerProperty().get()));
        assertTrue(words.contains("close 1 connection and no path remains"), words);
        assertTrue(words.contains("Leave shop/api out of the peers of payments/payments-db ingress rule #0"), words);

        // At most two hops: the database (three hops away) is out of reach, yet the cut still closes every path.
        javafx.scene.control.ComboBox<Integer> hops = robot.lookup("#attackHops").queryComboBox();
        fx(() -> {
            hops.setValue(2);
            return null;
        });
        WaitForAsyncUtils.waitFor(DesktopWindows.WAIT_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> model.attack().overlayProperty().get().pathEdges().isEmpty()));
        AttackOverlay limited = fx(() -> model.attack().overlayProperty().get());
        assertNull(limited.hopsTo("payments/payments-db"));
        assertEquals(2, limited.hopsTo("shop/api"));
        assertTrue(limited.onCut("shop/api->payments/payments-db"));
        String limitedWords = fx(() -> Explanation.plain(model.attack().answerProperty().get()));
        assertTrue(limitedWords.contains("Not within the hop limit"), limitedWords);
        assertEquals("up to 2", fx(() -> hops.getConverter().toString(hops.getValue())));
    }

    private void open(Path lesson, int step) throws Exception {
        fx(() -> {
            model.open(List.of(lesson), step);
            return null;
        });
        awaitIdle(model);
    }

    private boolean allowed() throws Exception {
        return allowed("production/frontend", "production/backend-api", 8080);
    }

    private boolean allowed(String from, String to, int port) throws Exception {
        return fx(() -> {
            Evaluation evaluation = model.evaluationProperty().get().evaluation();
            Endpoint source = evaluation.engine().resolve(from).orElseThrow();
            Endpoint destination = evaluation.engine().resolve(to).orElseThrow();
            return evaluation.allowedPorts(source, destination).contains(Protocol.TCP, port);
        });
    }
}

package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.PolicyId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToggleHistoryTest {

    private static final PolicyId DENY_ALL = new PolicyId("production", "deny-all");
    private static final PolicyId ALLOW_API = new PolicyId("production", "allow-frontend-to-api");

    @Test
    void toggleSwitchesOffThenOnAgain() {
        ToggleHistory history = new ToggleHistory();
        history.toggle(DENY_ALL);
        assertEquals(Set.of(DENY_ALL), history.switchedOff());
        history.toggle(DENY_ALL);
        assertEquals(Set.of(), history.switchedOff());
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughToggles() {
        ToggleHistory history = new ToggleHistory();
        history.toggle(DENY_ALL);
        history.toggle(ALLOW_API);
        history.undo();
        assertEquals(Set.of(DENY_ALL), history.switchedOff());
        history.undo();
        assertEquals(Set.of(), history.switchedOff());
        assertFalse(history.canUndo());
        history.redo();
        history.redo();
        assertEquals(Set.of(DENY_ALL, ALLOW_API), history.switchedOff());
        assertFalse(history.canRedo());
    }

    @Test
    void aNewCommandAfterUndoForgetsTheRedoBranch() {
        ToggleHistory history = new ToggleHistory();
        history.toggle(DENY_ALL);
        history.undo();
        assertTrue(history.canRedo());
        history.toggle(ALLOW_API);
        assertFalse(history.canRedo());
        assertEquals(Set.of(ALLOW_API), history.switchedOff());
    }

    @Test
    void allOffThenUndoRestoresTheMixedStateBeforeIt() {
        ToggleHistory history = new ToggleHistory();
        history.toggle(ALLOW_API);
        history.allOff(List.of(DENY_ALL, ALLOW_API));
        assertEquals(Set.of(DENY_ALL, ALLOW_API), history.switchedOff());
        assertEquals(Optional.of("all off"), history.undoLabel());
        history.undo();
        assertEquals(Set.of(ALLOW_API), history.switchedOff());
    }

    @Test
    void allOnWhenEverythingIsAlreadyOnRecordsNothing() {
        ToggleHistory history = new ToggleHistory();
        assertTrue(history.allOn().isEmpty());
        assertFalse(history.canUndo());
    }

    @Test
    void resetForgetsHistoryAndStartsFromTheGivenState() {
        ToggleHistory history = new ToggleHistory();
        history.toggle(DENY_ALL);
        history.reset(List.of(ALLOW_API));
        assertFalse(history.canUndo());
        assertEquals(Set.of(ALLOW_API), history.switchedOff());
    }

    @Test
    void undoLabelNamesThePolicyAndWhatHappenedToIt() {
        ToggleHistory history = new ToggleHistory();
        history.toggle(DENY_ALL);
        assertEquals(Optional.of("switch off production/deny-all"), history.undoLabel());
        history.undo();
        assertEquals(Optional.of("switch off production/deny-all"), history.redoLabel());
    }

    @Test
    void policiesThatNoLongerExistAreForgottenAndTheOthersStayOff() {
        ToggleHistory history = new ToggleHistory();
        PolicyId kept = new PolicyId("shop", "kept");
        PolicyId gone = new PolicyId("shop", "gone");
        history.toggle(kept);
        history.toggle(gone);
        history.retainExisting(List.of(kept, new PolicyId("shop", "other")));
        assertEquals(Set.of(kept), history.switchedOff());
        assertTrue(history.canUndo(), "forgetting is not a command and leaves the history");
    }
}

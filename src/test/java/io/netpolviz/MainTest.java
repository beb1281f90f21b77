package io.netpolviz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theCliCommandsAndTheHelpGoToTheCli() {
        assertTrue(Main.isCliCommand("check"));
        assertTrue(Main.isCliCommand("analyze"));
        assertTrue(Main.isCliCommand("--help"));
        assertTrue(Main.isCliCommand("generate"));
        assertTrue(Main.isCliCommand("--version"));
        assertTrue(Main.isCliCommand("lint"));
        assertTrue(Main.isCliCommand("Watch"), "a command in the wrong case gets the CLI's answer, not the GUI");
    }

    @Test
    void aWordTheCliDoesNotKnowIsAPathToOpen() {
        assertFalse(Main.isCliCommand("frobnicate"), "no such command: the CLI's registry decides, not a list of its own");
    }

    @Test
    void pathsOpenTheDesktopApp() {
        assertFalse(Main.isCliCommand("sample-clusters/01-tutorial"));
        assertFalse(Main.isCliCommand("policy.yaml"));
        assertFalse(Main.isCliCommand("./check"));
    }
}

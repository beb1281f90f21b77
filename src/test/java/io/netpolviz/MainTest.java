package io.netpolviz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void commandWordsGoToTheCliEvenBeforeTheCliImplementsThem() {
        assertTrue(Main.isCliCommand("check"));
        assertTrue(Main.isCliCommand("analyze"));
        assertTrue(Main.isCliCommand("--help"));
        assertTrue(Main.isCliCommand("generate"));
    }

    @Test
    void pathsOpenTheDesktopApp() {
        assertFalse(Main.isCliCommand("sample-clusters/01-tutorial"));
        assertFalse(Main.isCliCommand("policy.yaml"));
        assertFalse(Main.isCliCommand("./check"));
    }
}

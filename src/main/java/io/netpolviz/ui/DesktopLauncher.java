package io.netpolviz.ui;

import java.util.List;
import javafx.application.Application;

/**
 * Starts the desktop app. It does not extend {@code Application} itself: a main class that does
 * fails on a plain classpath with "JavaFX runtime components are missing".
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Opens the window on {@code args} (paths to open), or on the bundled tutorial when there are
     * none. The paths start being read before JavaFX starts.
     */
    public static void launch(String[] args) {
        NetPolVizApp.readAhead(List.of(args));
        Application.launch(NetPolVizApp.class, args);
    }
}

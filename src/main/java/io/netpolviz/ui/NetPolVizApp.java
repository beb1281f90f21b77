package io.netpolviz.ui;

import io.netpolviz.view.ManifestSource;
import io.netpolviz.view.WorkspaceLoader;
import io.netpolviz.app.BackgroundWork;
import io.netpolviz.app.RecentPlaces;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.render.Theme;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the view-model with the real collaborators (a worker thread,
 * the manifest loader, the user's preferences) and the main window, then opens the paths given
 * on the command line, or the bundled tutorial. Started through {@link DesktopLauncher}.
 */
public final class NetPolVizApp extends Application {

    /** Reads places into workspaces; given a head start on the command line's paths by {@link #readAhead}. */
    private static final WorkspaceLoader LOADER = new WorkspaceLoader(ManifestLoaderSource.INSTANCE);

    private MainViewModel model;

    /**
     * Starts loading the command line's paths (reading, compiling, grouping, laying out) before
     * JavaFX starts, so the two overlap; called by {@link DesktopLauncher} before the launch.
     * Arguments that are no paths are left for the open command to report.
     */
    static void readAhead(List<String> arguments) {
        if (arguments.isEmpty()) {
            return;
        }
        try {
            LOADER.beginAhead(WorkspaceLoader.freshOpen(arguments.stream().map(Path::of).toList()));
        } catch (InvalidPathException notAPath) {
            // The open command says what is wrong with it, in the window.
        }
    }

    @Override
    public void start(Stage stage) {
        PictureWarmUp.start();
        model = createModel(true);
        MainWindow window = new MainWindow(model, stage, getHostServices());
        stage.getIcons().setAll(AppIcons.load());
        // The diagram wants every pixel the screen has.
        stage.setMaximized(true);
        window.show();
        // The dialog takes the window's style sheets, so it is made once the window has its scene.
        FailureReporting.install(stage);
        openInitial(model, getParameters().getRaw());
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }

    /** The view-model as the app uses it: one worker thread, results delivered with {@code Platform.runLater}. */
    static MainViewModel createModel(boolean watchFolders) {
        return new MainViewModel(BackgroundWork.withWorkerThread(Platform::runLater), LOADER,
                RecentPlaces.forUser(), watchFolders, ZoneId.systemDefault());
    }

    /** Opens the command line's paths, or the bundled tutorial when there are none. */
    static void openInitial(MainViewModel model, List<String> arguments) {
        if (arguments.isEmpty()) {
            model.openBundledSample();
        } else {
            model.open(arguments.stream().map(Path::of).toList());
        }
    }

    /** The manifest loader as the view-model's source of snapshots. */
    private enum ManifestLoaderSource implements ManifestSource {
        INSTANCE;

        @Override
        public io.netpolviz.model.ClusterSnapshot load(List<Path> paths) {
            return new ManifestLoader().load(paths);
        }
    }
}

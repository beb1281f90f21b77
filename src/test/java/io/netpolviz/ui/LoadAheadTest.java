package io.netpolviz.ui;

import io.netpolviz.view.ManifestSource;
import io.netpolviz.view.Workspace;
import io.netpolviz.view.WorkspaceLoader;
import io.netpolviz.app.BackgroundWork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Workload;
import io.netpolviz.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head start the app gives the folder on its command line: {@link WorkspaceLoader#beginAhead}. */
class LoadAheadTest {

    private static final io.netpolviz.view.Progress SILENT = (fraction, message) -> { };

    @TempDir
    Path scratch;

    /** Reads manifests and records what it was asked to read; each read waits for the test's go. */
    private static final class RecordingSource implements ManifestSource {
        final List<List<Path>> reads = new CopyOnWriteArrayList<>();
        final CountDownLatch go = new CountDownLatch(1);

        @Override
        public ClusterSnapshot load(List<Path> paths) throws Exception {
            reads.add(paths);
            go.await(10, TimeUnit.SECONDS);
            return new ManifestLoader().load(paths);
        }
    }

    @Test
    void theFirstLoadOfTheSameOpenTakesTheWorkStartedAhead() throws Exception {
        Path folder = folderWithPod("shop", "web");
        RecordingSource source = new RecordingSource();
        WorkspaceLoader loader = new WorkspaceLoader(source);

        loader.beginAhead(open(folder));
        awaitReads(source, 1);
        source.go.countDown();
        Workspace opened = loader.load(open(folder), SILENT);

        assertEquals(1, source.reads.size(), "read once, before the load was asked for");
        assertEquals(List.of("web"), names(opened));
    }

    @Test
    void laterLoadsReadAfreshSoAChangedFolderIsNotAnsweredFromTheHeadStart() throws Exception {
        Path folder = folderWithPod("shop", "web");
        RecordingSource source = new RecordingSource();
        source.go.countDown();
        WorkspaceLoader loader = new WorkspaceLoader(source);
        loader.beginAhead(open(folder));
        loader.load(open(folder), SILENT);
        writePod(folder.resolve("pods.yaml"), "api");

        Workspace again = loader.load(open(folder), SILENT);

        assertEquals(2, source.reads.size());
        assertEquals(List.of("api"), names(again));
    }

    @Test
    void anotherRequestIsLoadedForItselfAndTheHeadStartIsDropped() throws Exception {
        Path first = folderWithPod("first", "web");
        Path other = folderWithPod("other", "db");
        RecordingSource source = new RecordingSource();
        source.go.countDown();
        WorkspaceLoader loader = new WorkspaceLoader(source);
        loader.beginAhead(open(first));
        awaitReads(source, 1);

        Workspace opened = loader.load(open(other), SILENT);
        Workspace firstAfterAll = loader.load(open(first), SILENT);

        assertEquals(List.of("db"), names(opened));
        assertEquals(List.of("web"), names(firstAfterAll));
        assertEquals(3, source.reads.size(), "the head start, the other folder, the first folder again: " + source.reads);
    }

    @Test
    void aHeadStartForTheWholePlaceIsNotAnOpenOfOneOfItsSteps() throws Exception {
        Path folder = folderWithPod("shop", "web");
        RecordingSource source = new RecordingSource();
        source.go.countDown();
        WorkspaceLoader loader = new WorkspaceLoader(source);
        loader.beginAhead(open(folder));
        awaitReads(source, 1);

        loader.load(new WorkspaceLoader.Request(List.of(folder.toAbsolutePath().normalize()), 2, false, null), SILENT);

        assertEquals(2, source.reads.size(), "read afresh for the other request");
    }

    @Test
    void aFailedHeadStartFailsTheOpenWithItsOwnError() throws Exception {
        IOException broken = new IOException("disk on fire");
        WorkspaceLoader loader = new WorkspaceLoader(paths -> {
            throw broken;
        });
        Path folder = folderWithPod("shop", "web");
        loader.beginAhead(open(folder));

        IOException thrown = assertThrows(IOException.class,
                () -> loader.load(open(folder), SILENT));

        assertSame(broken, thrown);
    }

    @Test
    void theViewModelsOpenOfTheLaunchedFolderIsTheOpenTheHeadStartPrepared() throws Exception {
        Path folder = folderWithPod("shop", "web");
        RecordingSource source = new RecordingSource();
        source.go.countDown();
        WorkspaceLoader loader = new WorkspaceLoader(source);
        // As the app names it on its command line: relative, not normalised.
        Path asTyped = Path.of("").toAbsolutePath().relativize(folder.resolve("."));
        loader.beginAhead(open(asTyped));
        MainViewModel model = new MainViewModel(new BackgroundWork(Runnable::run, Runnable::run), loader, Lessons.scratchRecents(),
                false, ZoneId.of("UTC"));
        try {
            model.open(List.of(asTyped));

            assertEquals(1, source.reads.size(), "the open took the head start: " + source.reads);
            assertEquals(List.of("web"), names(model.workspaceProperty().get()));
        } finally {
            model.close();
        }
    }

    /** The request of opening a folder afresh in the standard look, as the app's launch and File > Open make it. */
    private static WorkspaceLoader.Request open(Path folder) {
        return WorkspaceLoader.freshOpen(List.of(folder));
    }

    private Path folderWithPod(String name, String pod) throws IOException {
        Path folder = Files.createDirectory(scratch.resolve(name));
        writePod(folder.resolve("pods.yaml"), pod);
        return folder;
    }

    private static List<String> names(Workspace workspace) {
        return workspace.snapshot().workloads().stream().map(Workload::name).toList();
    }

    private static void awaitReads(RecordingSource source, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (source.reads.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, source.reads.size(), "reads started");
    }

    private static void writePod(Path file, String name) throws IOException {
        Files.writeString(file, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: shop
                  labels:
                    app: %s
                spec:
                  containers:
                    - name: main
                      image: nginx
                """.formatted(name, name));
    }
}

package io.netpolviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadStartTest {

    @TempDir
    Path folder;

    /** Records what it was asked to read; each read waits for the test's go. */
    private static final class RecordingLoader implements ManifestSource {
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
    void theFirstRequestForTheSameFilesTakesTheReadAlreadyStarted() throws Exception {
        writePod(folder.resolve("pods.yaml"), "web");
        RecordingLoader loader = new RecordingLoader();
        HeadStart source = HeadStart.begin(loader, List.of(folder));
        awaitReads(loader, 1);
        loader.go.countDown();

        ClusterSnapshot snapshot = source.load(List.of(folder));

        assertEquals(1, loader.reads.size(), "read once, ahead");
        assertEquals(List.of("web"), snapshot.workloads().stream().map(workload -> workload.name()).toList());
    }

    @Test
    void laterRequestsReadAfreshSoAChangedFolderIsNotAnsweredFromTheOldRead() throws Exception {
        writePod(folder.resolve("pods.yaml"), "web");
        RecordingLoader loader = new RecordingLoader();
        loader.go.countDown();
        HeadStart source = HeadStart.begin(loader, List.of(folder));
        source.load(List.of(folder));
        writePod(folder.resolve("pods.yaml"), "api");

        ClusterSnapshot again = source.load(List.of(folder));

        assertEquals(2, loader.reads.size());
        assertEquals(List.of("api"), again.workloads().stream().map(workload -> workload.name()).toList());
    }

    @Test
    void aRequestForOtherFilesIsReadForThemAndNotAnsweredFromTheHeadStart() throws Exception {
        Path other = Files.createDirectory(folder.resolve("other"));
        writePod(other.resolve("pods.yaml"), "db");
        Path first = Files.createDirectory(folder.resolve("first"));
        writePod(first.resolve("pods.yaml"), "web");
        RecordingLoader loader = new RecordingLoader();
        loader.go.countDown();
        HeadStart source = HeadStart.begin(loader, List.of(first));

        ClusterSnapshot snapshot = source.load(List.of(other));

        assertEquals(List.of("db"), snapshot.workloads().stream().map(workload -> workload.name()).toList());
    }

    @Test
    void aFolderOfNumberedStepsIsReadAheadUpToItsLastStep() throws Exception {
        Path lesson = Files.createDirectory(folder.resolve("lesson"));
        writePod(Files.createDirectory(lesson.resolve("01-pods")).resolve("pods.yaml"), "web");
        writePod(Files.createDirectory(lesson.resolve("02-more")).resolve("pods.yaml"), "api");
        RecordingLoader loader = new RecordingLoader();
        loader.go.countDown();

        HeadStart.begin(loader, List.of(lesson));
        awaitReads(loader, 1);

        assertEquals(WorkspaceLoader.pathsToRead(List.of(lesson)), loader.reads.get(0));
        assertEquals(2, loader.reads.get(0).size(), "both steps: " + loader.reads.get(0));
    }

    @Test
    void aFailedReadAheadFailsTheRequestWithItsOwnError() {
        IOException broken = new IOException("disk on fire");
        HeadStart source = HeadStart.begin(paths -> {
            throw broken;
        }, List.of(folder));

        IOException thrown = assertThrows(IOException.class, () -> source.load(List.of(folder)));

        assertSame(broken, thrown);
    }

    @Test
    void withoutAHeadStartEveryRequestIsRead() throws Exception {
        writePod(folder.resolve("pods.yaml"), "web");
        RecordingLoader loader = new RecordingLoader();
        loader.go.countDown();
        HeadStart source = HeadStart.none(loader);

        source.load(List.of(folder));

        assertEquals(List.of(List.of(folder)), loader.reads);
    }

    private static void awaitReads(RecordingLoader loader, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (loader.reads.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, loader.reads.size(), "reads started");
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

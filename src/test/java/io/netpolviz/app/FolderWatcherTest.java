package io.netpolviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.testing.CapturedLog;
import io.netpolviz.testing.Timing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    /**
     * How long a test waits for a call back that must come: long enough for a busy machine. How
     * soon it comes is the timing test's business ({@code LiveReloadTest}).
     */
    private static final long PATIENCE_MILLIS = 10_000;

    @TempDir
    Path root;

    @Test
    void savingAManifestDeepInTheTreeCallsBack() throws Exception {
        Path deep = Files.createDirectories(root.resolve("1-step/sub"));
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            Files.writeString(deep.resolve("policy.yaml"), "kind: NetworkPolicy\n");
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aFolderCreatedAfterStartIsWatchedToo() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            Path created = Files.createDirectories(root.resolve("2-new"));
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
            Files.writeString(created.resolve("deny.yaml"), "kind: NetworkPolicy\n");
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aCallBackThatThrowsIsLoggedAndTheNextSaveStillCounts() throws Exception {
        Semaphore changes = new Semaphore(0);
        IllegalStateException bug = new IllegalStateException("a bug in the reload");
        AtomicInteger calls = new AtomicInteger();
        Runnable failingFirst = () -> {
            changes.release();
            if (calls.incrementAndGet() == 1) {
                throw bug;
            }
        };
        try (CapturedLog log = CapturedLog.of(FolderWatcher.class);
             FolderWatcher watcher = FolderWatcher.watch(List.of(root), failingFirst)) {
            Files.writeString(root.resolve("first.yaml"), "kind: NetworkPolicy\n");
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
            Files.writeString(root.resolve("second.yaml"), "kind: NetworkPolicy\n");
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the watcher still watches");
            assertEquals(bug, log.records().get(0).getThrown());
        }
    }

    @Test
    void filesThatAreNotManifestsAreIgnored() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            Files.writeString(root.resolve(".policy.yaml.swp"), "editor scratch");
            assertFalse(changes.tryAcquire(800, TimeUnit.MILLISECONDS));
        }
    }

    /** Timed: the five writes must land within one quiet period, which a busy machine need not manage. */
    @Test
    @Timing
    void aBurstOfWritesIsOneCallBack() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(root.resolve("p" + i + ".yaml"), "kind: NetworkPolicy\n");
            }
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
            assertFalse(changes.tryAcquire(600, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void anOpenedFileIsWatchedButItsNeighboursAreNot() throws Exception {
        Path opened = Files.writeString(root.resolve("opened.yaml"), "a: 1\n");
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(opened), changes::release)) {
            Files.writeString(root.resolve("neighbour.yaml"), "b: 2\n");
            assertFalse(changes.tryAcquire(800, TimeUnit.MILLISECONDS));
            Files.writeString(opened, "a: 2\n");
            assertTrue(changes.tryAcquire(PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
        }
    }
}

package io.netpolviz.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    @TempDir
    Path root;

    @Test
    void savingAManifestDeepInTheTreeCallsBackWithinASecond() throws Exception {
        Path deep = Files.createDirectories(root.resolve("1-step/sub"));
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            Files.writeString(deep.resolve("policy.yaml"), "kind: NetworkPolicy\n");
            assertTrue(changes.tryAcquire(1500, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aFolderCreatedAfterStartIsWatchedToo() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            Path created = Files.createDirectories(root.resolve("2-new"));
            assertTrue(changes.tryAcquire(1500, TimeUnit.MILLISECONDS));
            Thread.sleep(100);
            Files.writeString(created.resolve("deny.yaml"), "kind: NetworkPolicy\n");
            assertTrue(changes.tryAcquire(1500, TimeUnit.MILLISECONDS));
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

    @Test
    void aBurstOfWritesIsOneCallBack() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (FolderWatcher watcher = FolderWatcher.watch(List.of(root), changes::release)) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(root.resolve("p" + i + ".yaml"), "kind: NetworkPolicy\n");
            }
            assertTrue(changes.tryAcquire(1500, TimeUnit.MILLISECONDS));
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
            assertTrue(changes.tryAcquire(1500, TimeUnit.MILLISECONDS));
        }
    }
}

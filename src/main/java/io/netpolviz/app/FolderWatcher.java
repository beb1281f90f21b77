package io.netpolviz.app;

import io.netpolviz.view.StepSequence;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the opened folders (recursively, picking up new sub-folders) and the opened files, and
 * calls back once per burst of changes: an editor that saves by writing a temp file and renaming
 * it fires several events, which become one reload. Only manifest files and folders count.
 */
public final class FolderWatcher implements AutoCloseable {

    /** How long the folder must be quiet before a burst counts as finished. */
    static final long QUIET_MILLIS = 250;

    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    /** Folders watched as part of an opened folder, not merely as the home of an opened file. */
    private final Set<Path> treeFolders = new HashSet<>();
    private final List<Path> watchedFiles;
    private final Runnable onChange;
    private final Thread thread;

    private FolderWatcher(WatchService service, List<Path> watchedFiles, Runnable onChange) {
        this.service = service;
        this.watchedFiles = watchedFiles;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "netpolviz-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching; {@code onChange} runs on the watcher's thread. Folders are watched with all
     * their sub-folders; a file is watched through its folder.
     */
    public static FolderWatcher watch(Collection<Path> paths, Runnable onChange) throws IOException {
        WatchService service = FileSystems.getDefault().newWatchService();
        List<Path> files = paths.stream().filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
        FolderWatcher watcher = new FolderWatcher(service, files, onChange);
        try {
            for (Path path : paths) {
                Path absolute = path.toAbsolutePath().normalize();
                if (Files.isDirectory(absolute)) {
                    watcher.registerTree(absolute);
                } else if (absolute.getParent() != null && Files.isDirectory(absolute.getParent())) {
                    watcher.register(absolute.getParent());
                }
            }
        } catch (IOException e) {
            service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path folder : tree.filter(Files::isDirectory).toList()) {
                register(folder);
                synchronized (folders) {
                    treeFolders.add(folder);
                }
            }
        }
    }

    private void register(Path folder) throws IOException {
        WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
        synchronized (folders) {
            folders.put(key, folder);
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean relevant = handle(key);
                // Drain the rest of the burst before calling back once.
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
                if (relevant) {
                    callBack();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the watcher's job is over.
        }
    }

    /** A failing call back is a bug, but it must not end the watching: the next save still counts. */
    private void callBack() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "reacting to a change in the watched folders failed", e);
        }
    }

    private boolean handle(WatchKey key) {
        Path folder;
        synchronized (folders) {
            folder = folders.get(key);
        }
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            if (folder == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path changed = folder.resolve(name);
            if (Files.isDirectory(changed)) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                    try {
                        registerTree(changed);
                    } catch (IOException e) {
                        // A folder that vanished at once holds nothing to load.
                        LOG.log(System.Logger.Level.DEBUG, "cannot watch the new folder " + changed, e);
                    }
                }
                relevant = true;
            } else if (counts(folder, changed)) {
                relevant = true;
            }
        }
        if (!key.reset()) {
            synchronized (folders) {
                folders.remove(key);
            }
            relevant = true;
        }
        return relevant;
    }

    /** In an opened folder's tree any manifest counts; beside an opened file only that file does. */
    private boolean counts(Path folder, Path changed) {
        if (watchedFiles.contains(changed)) {
            return true;
        }
        boolean inOpenedTree;
        synchronized (folders) {
            inOpenedTree = treeFolders.contains(folder);
        }
        String name = changed.getFileName().toString();
        return inOpenedTree && (StepSequence.isManifest(name) || name.equalsIgnoreCase("README.md"));
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
        thread.interrupt();
    }
}

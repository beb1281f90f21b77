package io.netpolviz.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The places opened lately, newest first, kept in {@code java.util.prefs}. A place is what one
 * open command took: a folder, or several files opened together.
 */
public final class RecentPlaces {

    static final int LIMIT = 8;
    private static final String KEY_PREFIX = "recent.";

    private final Preferences node;

    public RecentPlaces(Preferences node) {
        this.node = node;
    }

    /** The app's own node in the user's preferences. */
    public static RecentPlaces forUser() {
        return new RecentPlaces(Preferences.userRoot().node("io/netpolviz/ui"));
    }

    /** Newest first; places whose files are gone are kept, since a drive may come back. */
    public List<List<Path>> list() {
        List<List<Path>> places = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            String value = node.get(KEY_PREFIX + i, null);
            if (value == null || value.isEmpty()) {
                break;
            }
            places.add(Arrays.stream(value.split(File.pathSeparator)).map(Path::of).toList());
        }
        return places;
    }

    /** Puts {@code place} first, dropping an older copy of it and whatever falls off the end. */
    public void remember(List<Path> place) {
        List<Path> absolute = place.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        List<List<Path>> places = new ArrayList<>(list());
        places.remove(absolute);
        places.add(0, absolute);
        for (int i = 0; i < LIMIT; i++) {
            if (i < places.size()) {
                node.put(KEY_PREFIX + i, String.join(File.pathSeparator, places.get(i).stream().map(Path::toString).toList()));
            } else {
                node.remove(KEY_PREFIX + i);
            }
        }
        flushQuietly();
    }

    public void clear() {
        for (int i = 0; i < LIMIT; i++) {
            node.remove(KEY_PREFIX + i);
        }
        flushQuietly();
    }

    /** Recents are a convenience: a preferences store that cannot be written must not stop the app. */
    private void flushQuietly() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Kept in memory for this session.
        }
    }

    /** {@code tutorial} for a folder, {@code a.yaml + 2 more} for several files. */
    public static String describe(List<Path> place) {
        if (place.isEmpty()) {
            return "(nothing)";
        }
        Path first = place.get(0);
        String name = first.getFileName() == null ? first.toString() : first.getFileName().toString();
        String more = place.size() > 1 ? " + " + (place.size() - 1) + " more" : "";
        Path parent = first.toAbsolutePath().getParent();
        return name + more + (parent == null ? "" : "  (" + parent + ")");
    }
}

package io.netpolviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netpolviz.testing.MemoryPreferences;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentPlacesTest {

    private Preferences node;
    private RecentPlaces recent;

    @BeforeEach
    void freshNode() {
        // In memory: the test never touches the preferences of the user who runs it.
        node = new MemoryPreferences();
        recent = new RecentPlaces(node);
    }

    @Test
    void theNewestPlaceComesFirstAndADuplicateMovesUp() {
        Path a = Path.of("/tmp/a").toAbsolutePath();
        Path b = Path.of("/tmp/b").toAbsolutePath();
        recent.remember(List.of(a));
        recent.remember(List.of(b));
        recent.remember(List.of(a));
        assertEquals(List.of(List.of(a), List.of(b)), recent.list());
    }

    @Test
    void severalFilesOpenedTogetherStayOnePlace() {
        List<Path> files = List.of(Path.of("/tmp/x.yaml"), Path.of("/tmp/y.yaml"));
        recent.remember(files);
        assertEquals(List.of(files), recent.list());
        assertEquals("x.yaml + 1 more  (/tmp)", RecentPlaces.describe(files));
    }

    @Test
    void onlyTheNewestPlacesAreKept() {
        for (int i = 0; i < RecentPlaces.LIMIT + 3; i++) {
            recent.remember(List.of(Path.of("/tmp/place" + i)));
        }
        List<List<Path>> places = recent.list();
        assertEquals(RecentPlaces.LIMIT, places.size());
        assertEquals(List.of(Path.of("/tmp/place" + (RecentPlaces.LIMIT + 2))), places.get(0));
    }

    @Test
    void placesSurviveANewInstanceOnTheSameNode() {
        recent.remember(List.of(Path.of("/tmp/kept")));
        assertEquals(List.of(List.of(Path.of("/tmp/kept"))), new RecentPlaces(node).list());
    }
}

package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.SourceRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the app shows of file names: relative to the lesson, never a temporary folder. */
class SourcePlaceTest {

    @Test
    void aFileIsNamedRelativeToTheLessonEvenWhenTheLessonWasCopiedToATemporaryFolder() throws Exception {
        Path extracted = BundledSample.extract();
        Workspace bundled = TutorialSteps.open(extracted, 3, true, java.util.Set.of()).workspace();
        SourceRef denyAll = new SourceRef(extracted.resolve("2-deny-all/deny-all.yaml").toString(), 2, 1);
        assertEquals("2-deny-all/deny-all.yaml:2", SourcePlace.place(denyAll, bundled));
        String elsewhere = SourcePlace.place(new SourceRef(Path.of(System.getProperty("java.io.tmpdir"), "x", "other.yaml").toString(), 0, 0),
                bundled);
        assertEquals("other.yaml", elsewhere, "outside the lesson, the bundled tutorial names the file alone");
        assertTrue(SourcePlace.place(SourceRef.inCluster("cluster:kind/NetworkPolicy/a/b", "NetworkPolicy"), bundled).startsWith("cluster:"));
        assertEquals("", SourcePlace.place(SourceRef.NONE, bundled));
    }
}

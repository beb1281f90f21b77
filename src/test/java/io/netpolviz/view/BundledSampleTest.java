package io.netpolviz.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundledSampleTest {

    @Test
    void theBundledTutorialUnpacksAsALessonOfFiveStepsWithTheSameFiles() throws Exception {
        Path unpacked = BundledSample.extract();
        StepSequence steps = StepSequence.detect(unpacked).orElseThrow();
        assertEquals(5, steps.size());
        assertEquals("Wide open", steps.step(1).caption());
        Path original = Path.of("sample-clusters/01-tutorial/2-deny-all/deny-all.yaml");
        assertEquals(Files.readString(original), Files.readString(unpacked.resolve("2-deny-all/deny-all.yaml")));
        assertTrue(Files.notExists(unpacked.resolve("probes.tsv")), "probe files are for the CLI tests, not the app");
    }
}

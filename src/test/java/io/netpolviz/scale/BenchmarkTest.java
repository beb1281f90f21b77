package io.netpolviz.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    @Test
    void sizeSReportsEveryFigureAndTheReferenceAgreesOnEveryProbe() {
        List<String> progress = new ArrayList<>();
        BenchmarkResult result = new Benchmark(progress::add).run(Benchmark.Size.S, 1, false, true);
        assertEquals(500, result.pods());
        assertEquals(100, result.policies());
        assertTrue(result.classes() > 50 && result.classes() < 500, "replicas are grouped: " + result.classes());
        assertTrue(result.loadMs() > 0 && result.evalMs() > 0 && result.toggleP50Ms() > 0, result.toJson());
        assertTrue(result.toggleP99Ms() >= result.toggleP50Ms(), result.toJson());
        assertTrue(result.heapMb() > 1, result.toJson());
        // An evaluation builds every column and the toggles build new ones: both allocate (HotSpot counts it).
        assertTrue(result.cpu().evalAllocMb() > 0.01 && result.cpu().toggleAllocMb() > 0.01, result.toJson());
        // HotSpot reports its compilers' time; the warm-up toggles are announced before the timed ones.
        assertTrue(result.cpu().jitMsDuringEval() >= 0 && result.cpu().jitMsDuringToggles() >= 0, result.toJson());
        assertTrue(result.cpu().warmUpRounds() >= 3 && result.cpu().toggleWalks() == 5, result.toJson());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("warming up on S: rounds of an evaluation and 100 untimed toggles")), progress.toString());
        assertNotNull(result.reference());
        assertTrue(result.reference().probes() >= 500L * 500, "every pod pair on at least one port");
        assertEquals(0, result.reference().mismatches(), result.toJson());
        String json = result.toJson();
        for (String field : List.of("\"pods\":500", "\"policies\":100", "\"loadMs\":", "\"evalMs\":", "\"toggleP50Ms\":",
                "\"toggleP99Ms\":", "\"heapMb\":", "\"referenceEvalMs\":", "\"referenceMismatches\":0", "\"evalAllocMb\":",
                "\"toggleAllocMb\":", "\"jitMsDuringEval\":", "\"jitMsDuringToggles\":")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertTrue(progress.size() >= 4, "progress is reported: " + progress);
    }
}

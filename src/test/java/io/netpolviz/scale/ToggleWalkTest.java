package io.netpolviz.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToggleWalkTest {

    private static final PolicyEngine ENGINE = PolicyEngine.compile(ClusterGenerator.generate(Benchmark.Size.S.shape(3, false)).snapshot());

    @Test
    void theTimedSequenceIsTheSameWhateverRanBeforeIt() {
        ToggleWalk walk = new ToggleWalk(ENGINE);
        Evaluation start = ENGINE.evaluate(Set.of());
        ToggleWalk.Figures cold = walk.timed(start, 7, 10, 60);
        // A warm-up from the same start must leave it as it was: the timed walk then changes the same pairs.
        walk.warmUp(start, 99, 150);
        ToggleWalk.Figures afterWarmUp = walk.timed(start, 7, 10, 60);
        assertTrue(cold.maxChangedPairs() > 0, "the walk changes pairs: " + cold);
        assertEquals(cold.maxChangedPairs(), afterWarmUp.maxChangedPairs());
        assertEquals(cold.allocated() < 0, afterWarmUp.allocated() < 0);
    }

    @Test
    void theWarmUpStopsAtItsCapWhenTheCompilersCannotHaveBeenQuietLongEnough() {
        ToggleWalk.WarmUp warmUp = new ToggleWalk(ENGINE).untilQuiet(5, 2, 60_000);
        assertEquals(2, warmUp.rounds());
        assertFalse(warmUp.quiet(), "two rounds cannot make the three quiet rounds a quiet warm-up needs");
    }

    @Test
    void eachFigureIsTheMedianOfTheWalksAndTheWorstWalkIsKept() {
        List<ToggleWalk.Figures> walks = List.of(figures(1.0, 0.5, 10), figures(9.0, 0.1, 30), figures(3.0, 0.3, 20));
        ToggleWalk.Figures median = ToggleWalk.Figures.median(walks);
        assertEquals(3.0, median.cpuP99());
        assertEquals(0.3, median.p50());
        assertEquals(20, median.jitMs());
        assertEquals(9.0, ToggleWalk.Figures.worstCpuP99(walks));
    }

    private static ToggleWalk.Figures figures(double cpuP99, double p50, long jitMs) {
        return new ToggleWalk.Figures(p50, cpuP99, cpuP99, 0, 0, 0, 0, 0, 0, 42, 1_000, jitMs);
    }
}

package io.netpolviz.scale;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's random walk over policy toggles: each step switches one random policy of the
 * current evaluation, which yields the new evaluation with its connectivity, and visits every
 * changed pair one by one; a timed step's figures cover both. Every other step switches a
 * cluster-wide policy when there are any, and every third a Calico policy when there are any, so
 * each kind gets a p99 of its own. The sequence of policies depends only on the engine and the seed.
 */
final class ToggleWalk {

    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** A toggle's wall-clock and thread CPU times, in ms. */
    private record Timing(double wallMs, double cpuMs) {
    }

    /**
     * What the timed steps measured: wall-clock p50 and p99 of all, the p99s per kind in wall and
     * CPU time, the most pairs one toggle changed, the bytes the timed toggles allocated (-1 where
     * the JVM does not count them) and the milliseconds the JIT compilers spent meanwhile (on other
     * threads; -1 where the JVM does not say), which shows whether the timed toggles still ran while
     * code was being compiled.
     */
    record Figures(double p50, double p99, double cpuP99, double clusterPolicyP99, double clusterPolicyCpuP99, double ciliumP99,
            double ciliumCpuP99, double calicoP99, double calicoCpuP99, long maxChangedPairs, long allocated, long jitMs) {

        /**
         * Each figure's median over walks of the same sequence: one walk's p99 is its third-largest
         * toggle, which a compilation finishing meanwhile can move several times over.
         */
        static Figures median(List<Figures> walks) {
            return new Figures(median(walks, Figures::p50), median(walks, Figures::p99), median(walks, Figures::cpuP99),
                    median(walks, Figures::clusterPolicyP99), median(walks, Figures::clusterPolicyCpuP99), median(walks, Figures::ciliumP99),
                    median(walks, Figures::ciliumCpuP99), median(walks, Figures::calicoP99), median(walks, Figures::calicoCpuP99),
                    walks.get(0).maxChangedPairs(), Math.round(median(walks, f -> f.allocated())), Math.round(median(walks, f -> f.jitMs())));
        }

        /** The largest CPU p99 of any walk: how far the median's walks spread. */
        static double worstCpuP99(List<Figures> walks) {
            return walks.stream().mapToDouble(Figures::cpuP99).max().orElse(0);
        }

        private static double median(List<Figures> walks, java.util.function.ToDoubleFunction<Figures> figure) {
            return Benchmark.median(walks.stream().mapToDouble(figure).toArray());
        }
    }

    private final PolicyEngine engine;
    private final List<PolicyId> ids;
    private final List<PolicyId> tierIds;
    private final Set<PolicyId> tierIdSet;
    private final List<PolicyId> calicoIds;

    ToggleWalk(PolicyEngine engine) {
        this.engine = engine;
        this.ids = engine.policies().stream().map(p -> p.id()).distinct().toList();
        // A Cilium policy's deny parts sit in the Admin tier under its id: it is drawn with the other policies, once.
        this.tierIds = engine.tierPolicies().stream().map(p -> p.id()).filter(id -> !CiliumPolicy.isCilium(id)).toList();
        this.tierIdSet = Set.copyOf(tierIds);
        this.calicoIds = engine.calicoPolicies().stream().map(p -> p.id()).toList();
    }

    /** How a warm-up ended: the rounds it ran, and whether the JIT had gone quiet (else a cap stopped it). */
    record WarmUp(int rounds, boolean quiet) {
    }

    /** Untimed toggles per warm-up round, after the round's fresh evaluation. */
    static final int ROUND_TOGGLES = 100;

    /**
     * How long the JIT compilers must have finished no compilation of note (at most
     * {@link #QUIET_JIT_MS} in all) for the warm-up to end, and in at least {@link #QUIET_ROUNDS}
     * rounds: the compilers report a compilation when it ends, and one large method can take half
     * a second on a busy core, so a shorter span can fall inside it.
     */
    private static final long QUIET_MILLIS = 3_000;

    private static final int QUIET_ROUNDS = 3;

    private static final long QUIET_JIT_MS = 2;

    /**
     * Rounds of a fresh evaluation and {@link #ROUND_TOGGLES} untimed toggles, each round with
     * its own seed, until the JIT compilers have stayed quiet for {@link #QUIET_MILLIS} or a cap
     * is reached. A round starts from a fresh evaluation because a toggle's first steps from a new
     * evaluation fill that evaluation's caches, code that only as many evaluations make hot. Where
     * the JVM does not report compilation time, every round up to the cap runs.
     */
    WarmUp untilQuiet(long seed, int maxRounds, long maxMillis) {
        long begin = System.nanoTime();
        int rounds = 0;
        // Since when, and over how many rounds, the compilers have spent at most QUIET_JIT_MS (the time they had spent then).
        long quietSince = System.nanoTime();
        long jitAtQuietStart = jitMs();
        int quietRounds = 0;
        while (!(quietRounds >= QUIET_ROUNDS && millisSince(quietSince) >= QUIET_MILLIS) && rounds < maxRounds && millisSince(begin) < maxMillis) {
            Evaluation fresh = engine.evaluate(Set.of());
            fresh.connectivity();
            warmUp(fresh, seed + rounds, ROUND_TOGGLES);
            rounds++;
            long jit = jitMs();
            if (jit >= 0 && jit - jitAtQuietStart <= QUIET_JIT_MS) {
                quietRounds++;
            } else {
                quietSince = System.nanoTime();
                jitAtQuietStart = jit;
                quietRounds = 0;
            }
        }
        return new WarmUp(rounds, jitMs() >= 0 && quietRounds >= QUIET_ROUNDS && millisSince(quietSince) >= QUIET_MILLIS);
    }

    /**
     * {@code steps} untimed toggles from {@code start}: they let the JIT compile the toggle paths
     * before anything is timed. They run the timed walk's own loop, so that the code they warm up
     * is the code that is timed (a visitor of another class at the changed pairs would make the
     * compiled pair loop give way when the timed walk starts).
     */
    void warmUp(Evaluation start, long seed, int steps) {
        timed(start, seed, steps, 0);
    }

    /** {@code untimed} toggles from {@code start}, then {@code timed} ones whose figures are kept. */
    Figures timed(Evaluation start, long seed, int untimed, int timed) {
        Random random = random(seed);
        Evaluation current = start;
        List<Timing> all = new ArrayList<>();
        List<Timing> tier = new ArrayList<>();
        List<Timing> cilium = new ArrayList<>();
        List<Timing> calico = new ArrayList<>();
        long maxPairs = 0;
        long allocated = 0;
        long jitBefore = jitMs();
        for (int step = -untimed; step < timed; step++) {
            if (step == 0) {
                jitBefore = jitMs();
            }
            PolicyId id = pick(random, step);
            long allocatedBefore = allocatedBytes();
            long begin = System.nanoTime();
            long cpuBegin = CPU.getCurrentThreadCpuTime();
            Evaluation next = current.toggle(id);
            long[] pairs = {0, 0};
            next.changes().forEachPair((source, destination, before, after) -> {
                pairs[0]++;
                pairs[1] += source ^ destination;
            });
            Timing timing = new Timing((System.nanoTime() - begin) / 1_000_000.0, (CPU.getCurrentThreadCpuTime() - cpuBegin) / 1_000_000.0);
            if (step >= 0) {
                allocated += allocatedBytes() - allocatedBefore;
                all.add(timing);
                if (tierIdSet.contains(id)) {
                    tier.add(timing);
                } else if (engine.calicoPolicy(id).isPresent()) {
                    calico.add(timing);
                }
                if (CiliumPolicy.isCilium(id)) {
                    cilium.add(timing);
                }
                maxPairs = Math.max(maxPairs, pairs[0]);
            }
            current = next;
        }
        long jitAfter = jitMs();
        return new Figures(percentile(all, Timing::wallMs, 50), percentile(all, Timing::wallMs, 99), percentile(all, Timing::cpuMs, 99),
                percentile(tier, Timing::wallMs, 99), percentile(tier, Timing::cpuMs, 99), percentile(cilium, Timing::wallMs, 99),
                percentile(cilium, Timing::cpuMs, 99), percentile(calico, Timing::wallMs, 99), percentile(calico, Timing::cpuMs, 99), maxPairs,
                allocatedBytes() < 0 ? -1 : allocated, jitBefore < 0 ? -1 : jitAfter - jitBefore);
    }

    private static Random random(long seed) {
        return new Random(seed ^ 0x5DEECE66DL);
    }

    private PolicyId pick(Random random, int step) {
        if (!calicoIds.isEmpty() && Math.floorMod(step, 3) == 2) {
            return calicoIds.get(random.nextInt(calicoIds.size()));
        }
        return !tierIds.isEmpty() && (step & 1) != 0 || ids.isEmpty() ? tierIds.get(random.nextInt(tierIds.size()))
                : ids.get(random.nextInt(ids.size()));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The bytes this thread has allocated so far, or -1 where the JVM does not count them. */
    static long allocatedBytes() {
        return CPU instanceof com.sun.management.ThreadMXBean counting ? counting.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    /** The milliseconds the JIT compilers have spent since the JVM started, or -1 where the JVM does not say. */
    static long jitMs() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported() ? compilation.getTotalCompilationTime() : -1;
    }

    /** Nearest-rank percentile; 0 when there are no values. */
    private static double percentile(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> value, int percent) {
        double[] sorted = timings.stream().mapToDouble(value).sorted().toArray();
        return sorted.length == 0 ? 0 : Benchmark.percentile(sorted, percent);
    }
}

package io.netpolviz.scale;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import io.netpolviz.policy.Connectivity;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.ReferenceEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures one cluster size end to end: generates it, writes the manifests to a temporary
 * folder and loads them through the real {@link ManifestLoader}, compiles, evaluates in full
 * (the complete class-level {@link Connectivity}), toggles random policies one after another
 * (every other one a cluster-wide policy when the size has them)
 * (each toggle yields the new evaluation and its changed pairs), and reads the used heap.
 * On request it also runs the literal {@link ReferenceEvaluator} over every pod pair and
 * candidate port of the same cluster and checks each answer against the fast connectivity.
 */
public final class Benchmark {

    /** The benchmark sizes: pods and policies. */
    public enum Size {
        S(500, 100, 10), M(2_000, 400, 40), L(10_000, 2_000, 200), XL(50_000, 10_000, 1_000);

        final int pods;
        final int policies;
        final int clusterPolicies;

        Size(int pods, int policies, int clusterPolicies) {
            this.pods = pods;
            this.policies = policies;
            this.clusterPolicies = clusterPolicies;
        }

        public ClusterShape shape(long seed, boolean adversarial) {
            return shape(seed, adversarial, clusterPolicies);
        }

        /** The size with another number of ClusterNetworkPolicies (0 measures NetworkPolicies alone). */
        public ClusterShape shape(long seed, boolean adversarial, int clusterPolicies) {
            return shape(seed, adversarial, clusterPolicies, 0);
        }

        /** The size with {@code ciliumPolicies} Cilium policies beside the rest. */
        public ClusterShape shape(long seed, boolean adversarial, int clusterPolicies, int ciliumPolicies) {
            return shape(seed, adversarial, clusterPolicies, ciliumPolicies, 0);
        }

        /** The size with these numbers of ClusterNetworkPolicies, Cilium policies and Calico policies (not both of the last two). */
        public ClusterShape shape(long seed, boolean adversarial, int clusterPolicies, int ciliumPolicies, int calicoPolicies) {
            return new ClusterShape(pods, policies, ClusterShape.defaultNamespaces(pods), seed, adversarial, clusterPolicies, ciliumPolicies,
                    calicoPolicies);
        }
    }

    /** Toggles timed per walk, after as many untimed ones. */
    static final int TOGGLES = 200;

    /**
     * Timed walks up to size L, each the same sequence from a fresh evaluation; the figures are
     * their medians. On this project's 2-core machine the p99 of walks one after the other in one
     * JVM ranged from 1.4 to 13 ms of CPU (docs/benchmarks.md, "Tenth session").
     */
    static final int TIMED_WALKS = 5;

    /**
     * Caps on the warm-up before anything is timed, up to size L (beyond it, a few rounds). With
     * 10 evaluations and 200 toggles of warm-up, the JIT was still compiling while toggles were
     * timed, and one walk's p99 measured how far it had got (docs/benchmarks.md, "Tenth session").
     */
    static final int MAX_WARM_UP_ROUNDS = 1_000;

    static final long MAX_WARM_UP_MILLIS = 90_000;

    /** The warm-up rounds' seeds start at the run's seed plus this, so that they toggle other policies than the timed walks. */
    private static final long WARM_UP_SEED_OFFSET = 0x9E3779B9L;

    private final Consumer<String> progress;

    /** {@code progress} receives a line before each slow step (the CLI prints them to standard error). */
    public Benchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    /** Runs one size; {@code withReference} adds the reference evaluator's run on the same cluster. */
    public BenchmarkResult run(Size size, long seed, boolean adversarial, boolean withReference) {
        return run(size, size.shape(seed, adversarial), withReference);
    }

    /** Runs one size with the given shape (its cluster-wide policy count changed, say). */
    public BenchmarkResult run(Size size, ClusterShape shape, boolean withReference) {
        long seed = shape.seed();
        boolean adversarial = shape.adversarial();
        double loadAverage = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path folder = null;
        try {
            progress.accept("generating " + size + ": " + shape.pods() + " pods, " + shape.policies() + " policies, "
                    + shape.clusterPolicies() + " ClusterNetworkPolicies, " + shape.ciliumPolicies() + " Cilium policies, "
                    + shape.calicoPolicies() + " Calico policies, " + shape.namespaces() + " application namespaces" + (adversarial ? ", adversarial" : ""));
            folder = Files.createTempDirectory("netpolviz-bench-");
            ClusterGenerator.generate(shape).writeTo(folder);

            progress.accept("loading " + size + " through the manifest loader");
            int loadRuns = shape.pods() <= Size.L.pods ? 3 : 1;
            ClusterSnapshot snapshot = null;
            double[] loadTimes = new double[loadRuns];
            for (int run = 0; run < loadRuns; run++) {
                snapshot = null;
                long start = System.nanoTime();
                snapshot = new ManifestLoader().load(List.of(folder));
                loadTimes[run] = millisSince(start);
            }
            long errors = snapshot.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
            if (errors > 0) {
                throw new IllegalStateException("the generated manifests loaded with " + errors + " errors, first: "
                        + snapshot.diagnostics().get(0).display());
            }

            progress.accept("compiling and evaluating " + size);
            int runs = shape.pods() <= Size.L.pods ? 9 : 5;
            double[] compileTimes = new double[runs];
            PolicyEngine engine = null;
            for (int run = 0; run < runs; run++) {
                engine = null;
                long start = System.nanoTime();
                engine = PolicyEngine.compile(snapshot);
                compileTimes[run] = millisSince(start);
            }
            // Warm-up first, so that the timed evaluations and toggles run compiled code: rounds of an evaluation and
            // an untimed walk of the round's own seed (the timed walks below are the same sequence with or without them).
            Evaluation evaluation = null;
            ToggleWalk walk = new ToggleWalk(engine);
            progress.accept("warming up on " + size + ": rounds of an evaluation and " + ToggleWalk.ROUND_TOGGLES
                    + " untimed toggles until the JIT compilers go quiet");
            ToggleWalk.WarmUp warmUp = walk.untilQuiet(seed + WARM_UP_SEED_OFFSET, shape.pods() <= Size.L.pods ? MAX_WARM_UP_ROUNDS : 3,
                    MAX_WARM_UP_MILLIS);
            double[] evalTimes = new double[runs];
            double[] evalCpuTimes = new double[runs];
            long evalAllocated = 0;
            long jitBefore = ToggleWalk.jitMs();
            for (int run = 0; run < runs; run++) {
                evaluation = null;
                long allocatedBefore = ToggleWalk.allocatedBytes();
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                evaluation = engine.evaluate(Set.of());
                Connectivity connectivity = evaluation.connectivity();
                evalTimes[run] = millisSince(start);
                evalCpuTimes[run] = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000.0;
                evalAllocated = ToggleWalk.allocatedBytes() - allocatedBefore;
                if (connectivity.classCount() != engine.classes().size()) {
                    throw new IllegalStateException("connectivity covers the wrong classes");
                }
            }
            long jitDuringEval = jitBefore < 0 ? -1 : ToggleWalk.jitMs() - jitBefore;

            int timedWalks = shape.pods() <= Size.L.pods ? TIMED_WALKS : 1;
            progress.accept("toggling " + (2 * TOGGLES) + " random policies on " + size + ", " + timedWalks + " times from a fresh evaluation");
            List<ToggleWalk.Figures> walks = new ArrayList<>();
            for (int timedWalk = 0; timedWalk < timedWalks; timedWalk++) {
                Evaluation start = timedWalk == 0 ? evaluation : engine.evaluate(Set.of());
                start.connectivity();
                walks.add(walk.timed(start, seed, TOGGLES, TOGGLES));
            }
            ToggleWalk.Figures toggles = ToggleWalk.Figures.median(walks);
            // Only now: the full collections behind it let the JVM give heap back to the system, and a walk
            // after them paid, in its own CPU time, the kernel's first touch of the memory it grew back into.
            double heapMb = usedHeapMb();

            ReferenceFigures reference = null;
            if (withReference) {
                progress.accept("running the reference evaluator on every pod pair of " + size + " (slow on purpose)");
                reference = reference(snapshot, evaluation);
            }
            return new BenchmarkResult(size.name(), adversarial, seed, shape.pods(), shape.policies(), shape.namespaces(),
                    engine.classes().size(), median(loadTimes), median(compileTimes), median(evalTimes),
                    toggles.p50(), toggles.p99(), TOGGLES, toggles.maxChangedPairs(), heapMb,
                    evaluation.connectivity().groupCount(), loadAverage, reference, shape.clusterPolicies(), toggles.clusterPolicyP99(),
                    shape.ciliumPolicies(), toggles.ciliumP99(), shape.calicoPolicies(), toggles.calicoP99(),
                    new CpuFigures(median(evalCpuTimes), toggles.cpuP99(), toggles.clusterPolicyCpuP99(), toggles.ciliumCpuP99(),
                            toggles.calicoCpuP99(), megabytes(evalAllocated), megabytes(toggles.allocated()), jitDuringEval, toggles.jitMs(),
                            timedWalks, ToggleWalk.Figures.worstCpuP99(walks), warmUp.rounds(), warmUp.quiet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                deleteQuietly(folder);
            }
        }
    }

    /**
     * The full evaluation's median and the toggles' p99 in the benchmark thread's CPU time: what the
     * engine itself spent, without the time spent waiting for a core while other work runs; what
     * it allocated, in MB, for one evaluation and for all timed toggles together (what young
     * collections feed on; the same in every run, whatever the load; -1 where the JVM does not count
     * it); and the milliseconds the JIT compilers spent on other threads while the evaluations and
     * the toggles were timed (-1 where the JVM does not say): near 0 when the warm-up let them finish.
     * The toggle figures are medians over {@code toggleWalks} walks of the same sequence, each from a
     * fresh evaluation; {@code worstWalkToggleP99Ms} is the largest p99 of any of them. Before them
     * ran {@code warmUpRounds} rounds of warm-up, and {@code warmUpQuiet} says whether they ended
     * because the JIT had gone quiet rather than at a cap.
     */
    public record CpuFigures(double evalMs, double toggleP99Ms, double clusterPolicyToggleP99Ms, double ciliumToggleP99Ms,
            double calicoToggleP99Ms, double evalAllocMb, double toggleAllocMb, long jitMsDuringEval, long jitMsDuringToggles, int toggleWalks,
            double worstWalkToggleP99Ms, int warmUpRounds, boolean warmUpQuiet) {
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static double megabytes(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024.0 * 1024.0);
    }

    /**
     * What the reference run measured: its time over every pod pair (replicas expanded) and
     * candidate port, how many such probes it answered, and how many answers differ from the
     * fast connectivity.
     */
    public record ReferenceFigures(double referenceEvalMs, long probes, long mismatches) {
    }

    private static ReferenceFigures reference(ClusterSnapshot snapshot, Evaluation evaluation) {
        List<Workload> pods = new ArrayList<>();
        for (Workload workload : snapshot.workloads()) {
            for (int replica = 0; replica < workload.replicas(); replica++) {
                pods.add(workload);
            }
        }
        List<ProbePorts.Probe> numbered = ProbePorts.numbered(snapshot);
        List<List<ProbePorts.Probe>> candidates = new ArrayList<>();
        for (Workload destination : pods) {
            candidates.add(ProbePorts.candidates(destination, numbered));
        }
        ReferenceEvaluator reference = new ReferenceEvaluator(snapshot, Set.of());
        long total = 0;
        for (List<ProbePorts.Probe> perDestination : candidates) {
            total += perDestination.size();
        }
        total *= pods.size();
        long[] answers = new long[(int) ((total + 63) / 64)];
        long start = System.nanoTime();
        long bit = 0;
        for (Workload source : pods) {
            ReferenceEvaluator.Peer from = ReferenceEvaluator.Peer.pod(source);
            for (int d = 0; d < pods.size(); d++) {
                ReferenceEvaluator.Peer to = ReferenceEvaluator.Peer.pod(pods.get(d));
                for (ProbePorts.Probe probe : candidates.get(d)) {
                    if (reference.allowed(from, to, probe.protocol(), probe.port())) {
                        answers[(int) (bit >>> 6)] |= 1L << bit;
                    }
                    bit++;
                }
            }
        }
        double elapsed = millisSince(start);
        PolicyEngine engine = evaluation.engine();
        Connectivity connectivity = evaluation.connectivity();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Workload pod : pods) {
            endpoints.add(engine.resolve(pod.id()).orElseThrow());
        }
        long mismatches = 0;
        bit = 0;
        for (Endpoint from : endpoints) {
            for (int d = 0; d < endpoints.size(); d++) {
                var allowed = connectivity.allowed(from, endpoints.get(d)).orElseThrow();
                for (ProbePorts.Probe probe : candidates.get(d)) {
                    boolean expected = (answers[(int) (bit >>> 6)] & (1L << bit)) != 0;
                    if (allowed.contains(probe.protocol(), probe.port()) != expected) {
                        mismatches++;
                    }
                    bit++;
                }
            }
        }
        return new ReferenceFigures(elapsed, total, mismatches);
    }


    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Used heap after full collections: what the live snapshot, engine and evaluation hold, plus the JVM's own. */
    private static double usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used / (1024.0 * 1024.0);
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException problem) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless; the figures are what matter.
        }
    }
}

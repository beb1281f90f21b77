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

    /** Toggles timed per size, after as many untimed ones to warm up. */
    static final int TOGGLES = 200;

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
            int warmups = shape.pods() <= Size.L.pods ? 10 : 3;
            double[] compileTimes = new double[runs];
            PolicyEngine engine = null;
            for (int run = 0; run < runs; run++) {
                engine = null;
                long start = System.nanoTime();
                engine = PolicyEngine.compile(snapshot);
                compileTimes[run] = millisSince(start);
            }
            Evaluation evaluation = null;
            double[] evalTimes = new double[runs];
            double[] evalCpuTimes = new double[runs];
            long evalAllocated = 0;
            for (int run = -warmups; run < runs; run++) {
                evaluation = null;
                long allocatedBefore = allocatedBytes();
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                evaluation = engine.evaluate(Set.of());
                Connectivity connectivity = evaluation.connectivity();
                double elapsed = millisSince(start);
                if (run >= 0) {
                    evalTimes[run] = elapsed;
                    evalCpuTimes[run] = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000.0;
                    evalAllocated = allocatedBytes() - allocatedBefore;
                }
                if (connectivity.classCount() != engine.classes().size()) {
                    throw new IllegalStateException("connectivity covers the wrong classes");
                }
            }
            double heapMb = usedHeapMb();

            progress.accept("toggling " + (2 * TOGGLES) + " random policies on " + size);
            ToggleFigures toggles = toggle(engine, evaluation, seed);

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
                    new CpuFigures(median(evalCpuTimes), toggles.cpu()[0], toggles.cpu()[1], toggles.cpu()[2], megabytes(evalAllocated),
                            megabytes(toggles.allocated())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                deleteQuietly(folder);
            }
        }
    }

    /** {@code cpu}: the p99 of all, cluster-wide and Cilium toggles in thread CPU time; {@code allocated}: bytes the timed toggles allocated. */
    private record ToggleFigures(double p50, double p99, long maxChangedPairs, double clusterPolicyP99, double ciliumP99, double calicoP99,
            double[] cpu, long allocated) {
    }

    /**
     * The full evaluation's median and the toggles' p99 in the benchmark thread's CPU time: what the
     * engine itself spent, without the time spent waiting for a core while other work runs; and what
     * it allocated, in MB, for one evaluation and for all timed toggles together (what young
     * collections feed on; the same in every run, whatever the load). Allocation is -1 where the JVM
     * does not count it.
     */
    public record CpuFigures(double evalMs, double toggleP99Ms, double clusterPolicyToggleP99Ms, double ciliumToggleP99Ms, double evalAllocMb,
            double toggleAllocMb) {
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The bytes this thread has allocated so far, or -1 where the JVM does not count them. */
    private static long allocatedBytes() {
        return CPU instanceof com.sun.management.ThreadMXBean counting ? counting.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    private static double megabytes(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024.0 * 1024.0);
    }

    /**
     * A random walk: each step switches one random policy of the current evaluation, which
     * yields the new evaluation with its connectivity, and visits every changed pair one by
     * one; the timing covers both.
     */
    private static ToggleFigures toggle(PolicyEngine engine, Evaluation start, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<PolicyId> ids = engine.policies().stream().map(p -> p.id()).distinct().toList();
        // Every other toggle switches a cluster-wide policy (when there are any), so both kinds get a p99 of their own.
        // A Cilium policy's deny parts sit in the Admin tier under its id: it is drawn with the other policies, once.
        List<PolicyId> tierList = engine.tierPolicies().stream().map(p -> p.id()).filter(id -> !CiliumPolicy.isCilium(id)).toList();
        List<Double> ciliumTimes = new ArrayList<>();
        Set<PolicyId> tierIds = new java.util.HashSet<>(tierList);
        List<Double> tierTimes = new ArrayList<>();
        // With Calico policies, every third toggle switches one of them, for a p99 of their own.
        List<PolicyId> calicoList = engine.calicoPolicies().stream().map(p -> p.id()).toList();
        List<Double> calicoTimes = new ArrayList<>();
        Evaluation current = start;
        double[] times = new double[TOGGLES];
        double[] cpuTimes = new double[TOGGLES];
        List<Double> tierCpuTimes = new ArrayList<>();
        List<Double> ciliumCpuTimes = new ArrayList<>();
        long maxPairs = 0;
        long allocated = 0;
        for (int step = -TOGGLES; step < TOGGLES; step++) {
            PolicyId id = !calicoList.isEmpty() && Math.floorMod(step, 3) == 2 ? calicoList.get(random.nextInt(calicoList.size()))
                    : !tierList.isEmpty() && (step & 1) != 0 || ids.isEmpty()
                    ? tierList.get(random.nextInt(tierList.size())) : ids.get(random.nextInt(ids.size()));
            long allocatedBefore = allocatedBytes();
            long begin = System.nanoTime();
            long cpuBegin = CPU.getCurrentThreadCpuTime();
            Evaluation next = current.toggle(id);
            long[] pairs = {0, 0};
            next.changes().forEachPair((source, destination, before, after) -> {
                pairs[0]++;
                pairs[1] += source ^ destination;
            });
            double elapsed = millisSince(begin);
            double cpu = (CPU.getCurrentThreadCpuTime() - cpuBegin) / 1_000_000.0;
            if (step >= 0) {
                times[step] = elapsed;
                cpuTimes[step] = cpu;
                allocated += allocatedBytes() - allocatedBefore;
                if (tierIds.contains(id)) {
                    tierCpuTimes.add(cpu);
                }
                if (CiliumPolicy.isCilium(id)) {
                    ciliumCpuTimes.add(cpu);
                }
                maxPairs = Math.max(maxPairs, pairs[0]);
                if (tierIds.contains(id)) {
                    tierTimes.add(elapsed);
                } else if (engine.calicoPolicy(id).isPresent()) {
                    calicoTimes.add(elapsed);
                }
                if (CiliumPolicy.isCilium(id)) {
                    ciliumTimes.add(elapsed);
                }
            }
            current = next;
        }
        Arrays.sort(times);
        double[] tier = tierTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cilium = ciliumTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] calico = calicoTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(cpuTimes);
        double[] cpu = {percentile(cpuTimes, 99), p99(tierCpuTimes), p99(ciliumCpuTimes)};
        return new ToggleFigures(percentile(times, 50), percentile(times, 99), maxPairs, tier.length == 0 ? 0 : percentile(tier, 99),
                cilium.length == 0 ? 0 : percentile(cilium, 99), calico.length == 0 ? 0 : percentile(calico, 99), cpu,
                allocatedBytes() < 0 ? -1 : allocated);
    }

    private static double p99(List<Double> times) {
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? 0 : percentile(sorted, 99);
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int percent) {
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

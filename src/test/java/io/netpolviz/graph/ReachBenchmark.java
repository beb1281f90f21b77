package io.netpolviz.graph;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@code reach} and {@code paths} on a large cluster: loading, compiling and evaluating
 * (what every command does first), then, for each of several runs, building the {@link
 * AttackGraph} and answering reach from the internet, and the paths and cut from the internet to
 * the workload it reaches last. Not a test: run it as
 *
 * <pre>
 * mvn -B -o -q -DskipTests package test-compile
 * java -jar target/netpolviz.jar generate --pods 10000 --policies 2000 --namespaces 50 --seed 1 --out /tmp/fixL
 * java -cp target/test-classes:target/netpolviz.jar io.netpolviz.graph.ReachBenchmark /tmp/fixL [runs]
 * </pre>
 */
public final class ReachBenchmark {

    private ReachBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long t0 = System.nanoTime();
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(folder));
        long t1 = System.nanoTime();
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "{\"pods\":%d,\"workloads\":%d,\"classes\":%d,\"loadMs\":%.0f,\"compileAndEvaluateMs\":%.0f}%n",
                snapshot.workloads().stream().mapToInt(w -> w.replicas()).sum(), snapshot.workloads().size(),
                evaluation.engine().classes().size(), ms(t0, t1), ms(t1, t2));
        for (int run = 1; run <= runs; run++) {
            long a = System.nanoTime();
            AttackGraph graph = AttackGraph.of(evaluation);
            long b = System.nanoTime();
            Reach reach = new AttackSearch(graph).reach(AttackGraph.INTERNET, Integer.MAX_VALUE);
            long c = System.nanoTime();
            String farthest = reach.reached().get(reach.reached().size() - 1).node();
            AttackPaths paths = new AttackSearch(graph).paths(AttackGraph.INTERNET, farthest, Integer.MAX_VALUE, 10);
            long d = System.nanoTime();
            System.out.printf(Locale.ROOT, "{\"run\":%d,\"graphMs\":%.0f,\"reachMs\":%.0f,\"reachTotalMs\":%.0f,\"reached\":%d,"
                    + "\"pathsAndCutMs\":%.0f,\"to\":\"%s\",\"hops\":%d,\"cut\":%d}%n",
                    run, ms(a, b), ms(b, c), ms(a, c), reach.reached().size(), ms(c, d), farthest, paths.hops(), paths.cut().size());
        }
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}

package io.netpolviz.graph;

import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the smallest fix and the cut's fixes on a large cluster, as the app's advice lane
 * runs them on an evaluated cluster: {@code suggest --block}, {@code suggest --allow} (both sides
 * blocked) and {@code paths} from the internet to the workload it reaches last, cut fixes
 * included. Not a test: run it as
 *
 * <pre>
 * mvn -B -o -q -DskipTests package test-compile
 * java -jar target/netpolviz.jar generate --pods 10000 --policies 2000 --namespaces 50 --seed 1 --out /tmp/fixL
 * java -cp target/test-classes:target/netpolviz.jar io.netpolviz.graph.AdviceBenchmark /tmp/fixL [runs] \
 *     [BLOCK_SRC BLOCK_DST ALLOW_SRC ALLOW_DST]
 * </pre>
 */
public final class AdviceBenchmark {

    private AdviceBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String blockFrom = args.length > 5 ? args[2] : "search-4/label-api";
        String blockTo = args.length > 5 ? args[3] : "orders-6/cart3-api";
        String allowFrom = args.length > 5 ? args[4] : "orders-6/cart3-api";
        String allowTo = args.length > 5 ? args[5] : "search-4/label-api";
        long t0 = System.nanoTime();
        ClusterSnapshot snapshot = new ManifestLoader().load(List.of(folder));
        long t1 = System.nanoTime();
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Evaluation evaluation = engine.evaluate();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "{\"workloads\":%d,\"classes\":%d,\"loadMs\":%.0f,\"compileAndEvaluateMs\":%.0f}%n",
                snapshot.workloads().size(), engine.classes().size(), ms(t0, t1), ms(t1, t2));
        Target block = new Target(engine.resolve(blockFrom).orElseThrow(), engine.resolve(blockTo).orElseThrow(), Protocol.TCP, 8080);
        Target allow = new Target(engine.resolve(allowFrom).orElseThrow(), engine.resolve(allowTo).orElseThrow(), Protocol.TCP, 8080);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            long a = System.nanoTime();
            long cpuA = cpu.getCurrentThreadCpuTime();
            Advice blocked = new FixAdvisor(evaluation).advise(Goal.BLOCK, block);
            long b = System.nanoTime();
            long cpuB = cpu.getCurrentThreadCpuTime();
            Advice allowed = new FixAdvisor(evaluation).advise(Goal.ALLOW, allow);
            long c = System.nanoTime();
            long cpuC = cpu.getCurrentThreadCpuTime();
            AttackGraph graph = AttackGraph.of(evaluation);
            Reach reach = new AttackSearch(graph).reach(AttackGraph.INTERNET, Integer.MAX_VALUE);
            String farthest = reach.reached().get(reach.reached().size() - 1).node();
            AttackPaths paths = new AttackSearch(graph).paths(AttackGraph.INTERNET, farthest, Integer.MAX_VALUE, 10);
            List<CutFix> fixes = CutFixes.of(evaluation, paths.cut());
            long d = System.nanoTime();
            long cpuD = cpu.getCurrentThreadCpuTime();
            // Wall-clock and this thread's CPU time: on a shared machine the first says what a user waits, the second what the work costs.
            System.out.printf(Locale.ROOT, "{\"run\":%d,\"blockMs\":%.0f,\"blockCpuMs\":%.0f,\"blockProposals\":%d,\"allowMs\":%.0f,"
                    + "\"allowCpuMs\":%.0f,\"allowProposals\":%d,\"pathsWithCutFixesMs\":%.0f,\"pathsCpuMs\":%.0f,\"to\":\"%s\",\"cut\":%d,"
                    + "\"cutFixed\":%d}%n",
                    run, ms(a, b), ms(cpuA, cpuB), blocked.proposals().size(), ms(b, c), ms(cpuB, cpuC), allowed.proposals().size(), ms(c, d),
                    ms(cpuC, cpuD), farthest, paths.cut().size(), fixes.stream().filter(f -> f.closing().isPresent()).count());
        }
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}

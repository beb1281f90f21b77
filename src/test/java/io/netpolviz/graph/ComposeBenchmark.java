package io.netpolviz.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the default view's edges cost: {@link PictureComposer#compose} of a workload
 * picture (the cover, its pair-by-pair pruning, the named-port and half-open steps), in thread CPU
 * time, so a busy machine does not blur it. Five warm-up runs, then the median and minimum of the
 * rest. Not a test: run it as
 *
 * <pre>
 * mvn -B -o -q -DskipTests package test-compile
 * java -jar target/netpolviz.jar generate --pods 138 --policies 60 --namespaces 7 --seed 5 --out /tmp/gen58
 * java -cp target/test-classes:target/netpolviz.jar io.netpolviz.graph.ComposeBenchmark /tmp/gen58 [runs]
 * </pre>
 */
public final class ComposeBenchmark {

    private ComposeBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        DefaultPicture picture = DefaultPicture.of(Path.of(args[0]));
        PairVerdicts pairs = picture.pairs();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> cpu = new ArrayList<>();
        int edges = 0;
        for (int run = 0; run < runs + 5; run++) {
            long start = threads.getCurrentThreadCpuTime();
            edges = DefaultPicture.compose(pairs, picture.nodes()).graph().edges().size();
            if (run >= 5) {
                cpu.add((threads.getCurrentThreadCpuTime() - start) / 1e6);
            }
        }
        Collections.sort(cpu);
        System.out.printf(Locale.ROOT, "{\"workloads\":%d,\"pairs\":%d,\"edges\":%d,\"composeCpuMedianMs\":%.1f,\"composeCpuMinMs\":%.1f}%n",
                pairs.evaluation().engine().workloadEndpoints().size(), pairs.size(), edges, cpu.get(cpu.size() / 2), cpu.get(0));
    }
}

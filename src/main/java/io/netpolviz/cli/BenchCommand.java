package io.netpolviz.cli;

import io.netpolviz.scale.Benchmark;
import io.netpolviz.scale.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bench}: one JSON line per size on standard output, progress on standard error. The
 * reference evaluator runs on size M in the same run (on an extra M measurement when M is not
 * among the sizes), so that its time and the engine's are measured side by side.
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--size S|M|L|XL]... [--seed S] [--cluster-policies C] [--cilium-policies N | --calico-policies K] [--adversarial]"
                + " [--no-reference]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("adversarial", "no-reference");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("size", "seed", "cluster-policies", "cilium-policies", "calico-policies");
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + arguments.positional().get(0) + "'");
        }
        List<Benchmark.Size> sizes = new ArrayList<>();
        for (String text : arguments.options("size")) {
            try {
                Benchmark.Size size = Benchmark.Size.valueOf(text.toUpperCase(Locale.ROOT));
                if (!sizes.contains(size)) {
                    sizes.add(size);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown size '" + text + "': use S, M, L or XL");
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(Benchmark.Size.S, Benchmark.Size.M, Benchmark.Size.L));
        }
        long seed = GenerateCommand.number(arguments, "seed").orElse(1L);
        boolean adversarial = arguments.flag("adversarial");
        boolean reference = !arguments.flag("no-reference");
        Benchmark benchmark = new Benchmark(line -> {
            terminal.printErrorLine("bench: " + line);
            terminal.err().flush();
        });
        terminal.printErrorLine("bench: " + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", load average " + String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Long clusterPolicies = GenerateCommand.number(arguments, "cluster-policies").orElse(null);
        int cilium = GenerateCommand.number(arguments, "cilium-policies").orElse(0L).intValue();
        int calicoPolicies = GenerateCommand.number(arguments, "calico-policies").orElse(0L).intValue();
        if (cilium > 0 && calicoPolicies > 0) {
            throw new UsageException("--cilium-policies and --calico-policies cannot be combined: a cluster runs one network plugin;"
                    + " measure each on its own");
        }
        for (Benchmark.Size size : sizes) {
            var shape = size.shape(seed, adversarial, clusterPolicies == null ? size.shape(seed, adversarial).clusterPolicies()
                    : clusterPolicies.intValue(), cilium, calicoPolicies);
            BenchmarkResult result = benchmark.run(size, shape, reference && size == Benchmark.Size.M);
            terminal.printLine(result.toJson());
            terminal.out().flush();
        }
        if (reference && !sizes.contains(Benchmark.Size.M)) {
            var shape = Benchmark.Size.M.shape(seed, adversarial, clusterPolicies == null
                    ? Benchmark.Size.M.shape(seed, adversarial).clusterPolicies() : clusterPolicies.intValue(), cilium, calicoPolicies);
            terminal.printLine(benchmark.run(Benchmark.Size.M, shape, true).toJson());
        }
        return ExitCode.OK;
    }
}

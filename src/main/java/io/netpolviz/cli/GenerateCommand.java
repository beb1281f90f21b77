package io.netpolviz.cli;

import io.netpolviz.scale.ClusterGenerator;
import io.netpolviz.scale.ClusterShape;
import io.netpolviz.scale.GeneratedCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** {@code generate}: writes a seeded synthetic cluster as manifests, one YAML file per namespace. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate --out DIR [--pods N] [--policies P] [--cluster-policies C] [--cilium-policies N | --calico-policies K] [--namespaces K] [--seed S] [--adversarial]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("adversarial");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "pods", "policies", "cluster-policies", "cilium-policies", "calico-policies", "namespaces", "seed");
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + arguments.positional().get(0) + "'; name the folder with --out DIR");
        }
        String out = arguments.option("out").orElseThrow(() -> new UsageException("name the folder to write with --out DIR"));
        int pods = number(arguments, "pods").orElse(500L).intValue();
        int policies = number(arguments, "policies").orElse((long) pods / 5).intValue();
        int namespaces = number(arguments, "namespaces").orElse((long) ClusterShape.defaultNamespaces(pods)).intValue();
        long seed = number(arguments, "seed").orElse(1L);
        int clusterPolicies = number(arguments, "cluster-policies").orElse(0L).intValue();
        int ciliumPolicies = number(arguments, "cilium-policies").orElse(0L).intValue();
        int calicoPolicies = number(arguments, "calico-policies").orElse(0L).intValue();
        ClusterShape shape;
        try {
            shape = new ClusterShape(pods, policies, namespaces, seed, arguments.flag("adversarial"), clusterPolicies, ciliumPolicies,
                    calicoPolicies);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        GeneratedCluster cluster = ClusterGenerator.generate(shape);
        try {
            cluster.writeTo(Path.of(out));
        } catch (IOException e) {
            terminal.printErrorLine("netpolviz generate: could not write " + out + ": " + e.getMessage());
            return ExitCode.INPUT_ERRORS;
        }
        terminal.printLine("wrote " + cluster.files().size() + " files to " + out + ": " + cluster.podCount() + " pods in "
                + cluster.snapshot().workloads().size() + " workloads, " + cluster.snapshot().policies().size() + " policies, "
                + (clusterPolicies > 0 ? cluster.snapshot().clusterPolicies().size() + " ClusterNetworkPolicies, " : "")
                + (ciliumPolicies > 0 ? ciliumPolicies + " Cilium policies, " : "")
                + (calicoPolicies > 0 ? cluster.snapshot().calico().policies().size() + " Calico policies, " : "")
                + cluster.snapshot().namespaces().size() + " namespaces (seed " + seed + (shape.adversarial() ? ", adversarial" : "") + ")");
        return ExitCode.OK;
    }

    /** A whole number option; Integer range, since pods and policies are counts. */
    static Optional<Long> number(Arguments arguments, String option) throws UsageException {
        Optional<String> text = arguments.option(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            if (!option.equals("seed") && (value < 0 || value > Integer.MAX_VALUE)) {
                throw new UsageException("--" + option + " " + value + " is out of range");
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " needs a whole number, got '" + text.get() + "'");
        }
    }
}

package io.netpolviz.scale;

import java.util.Locale;

/**
 * The figures for one size, printed as one JSON line. Times are milliseconds: {@code loadMs}
 * the median manifest load, {@code compileMs} the median compile, {@code evalMs} the median warm
 * full evaluation, {@code toggleP50Ms}/{@code toggleP99Ms} over {@code toggles} timed toggles;
 * {@code heapMb} is the used heap after evaluation; {@code loadAverage} the system's one-minute
 * load average when the size started (negative where the platform has none), since other work
 * on a shared machine moves wall-clock figures. {@code reference} is present when the run
 * included the reference evaluator. {@code clusterPolicies} ClusterNetworkPolicies stand beside the
 * NetworkPolicies; the toggles switch both kinds, and {@code clusterPolicyToggleP99Ms} is the
 * p99 of the toggles that switched a cluster-wide policy; with {@code ciliumPolicies} Cilium policies
 * or {@code calicoPolicies} Calico policies, {@code ciliumToggleP99Ms} or {@code calicoToggleP99Ms} is
 * the p99 of the toggles that switched one of them. {@code cpu} gives the same figures in the
 * benchmark thread's CPU time, which waiting for a core on a loaded machine does not inflate, what
 * one evaluation and all timed toggles allocated, and how long the JIT compilers ran while they were
 * timed (everything timed comes after a warm-up of evaluations and untimed toggles).
 */
public record BenchmarkResult(
        String size,
        boolean adversarial,
        long seed,
        int pods,
        int policies,
        int namespaces,
        int classes,
        double loadMs,
        double compileMs,
        double evalMs,
        double toggleP50Ms,
        double toggleP99Ms,
        int toggles,
        long toggleMaxChangedPairs,
        double heapMb,
        long connectivityGroups,
        double loadAverage,
        Benchmark.ReferenceFigures reference,
        int clusterPolicies,
        double clusterPolicyToggleP99Ms,
        int ciliumPolicies,
        double ciliumToggleP99Ms,
        int calicoPolicies,
        double calicoToggleP99Ms,
        Benchmark.CpuFigures cpu) {

    /** One line of JSON with fixed field order and {@code Locale.ROOT} numbers. */
    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\"size\":\"").append(size).append('"')
                .append(",\"adversarial\":").append(adversarial)
                .append(",\"seed\":").append(seed)
                .append(",\"pods\":").append(pods)
                .append(",\"policies\":").append(policies)
                .append(",\"clusterPolicies\":").append(clusterPolicies)
                .append(",\"namespaces\":").append(namespaces)
                .append(",\"classes\":").append(classes)
                .append(",\"loadMs\":").append(number(loadMs))
                .append(",\"compileMs\":").append(number(compileMs))
                .append(",\"evalMs\":").append(number(evalMs))
                .append(",\"toggleP50Ms\":").append(number(toggleP50Ms))
                .append(",\"toggleP99Ms\":").append(number(toggleP99Ms))
                .append(",\"clusterPolicyToggleP99Ms\":").append(number(clusterPolicyToggleP99Ms))
                .append(",\"toggles\":").append(toggles)
                .append(",\"toggleMaxChangedPairs\":").append(toggleMaxChangedPairs)
                .append(",\"heapMb\":").append(number(heapMb))
                .append(",\"connectivityGroups\":").append(connectivityGroups)
                .append(",\"loadAvg1m\":").append(number(loadAverage));
        if (ciliumPolicies > 0) {
            json.append(",\"ciliumPolicies\":").append(ciliumPolicies).append(",\"ciliumToggleP99Ms\":").append(number(ciliumToggleP99Ms));
        }
        if (calicoPolicies > 0) {
            json.append(",\"calicoPolicies\":").append(calicoPolicies).append(",\"calicoToggleP99Ms\":").append(number(calicoToggleP99Ms));
        }
        if (cpu != null) {
            json.append(",\"evalCpuMs\":").append(number(cpu.evalMs()))
                    .append(",\"toggleCpuP99Ms\":").append(number(cpu.toggleP99Ms()))
                    .append(",\"clusterPolicyToggleCpuP99Ms\":").append(number(cpu.clusterPolicyToggleP99Ms()));
            if (ciliumPolicies > 0) {
                json.append(",\"ciliumToggleCpuP99Ms\":").append(number(cpu.ciliumToggleP99Ms()));
            }
            if (calicoPolicies > 0) {
                json.append(",\"calicoToggleCpuP99Ms\":").append(number(cpu.calicoToggleP99Ms()));
            }
            json.append(",\"evalAllocMb\":").append(number(cpu.evalAllocMb())).append(",\"toggleAllocMb\":").append(number(cpu.toggleAllocMb()))
                    .append(",\"jitMsDuringEval\":").append(cpu.jitMsDuringEval()).append(",\"jitMsDuringToggles\":").append(cpu.jitMsDuringToggles())
                    .append(",\"toggleWalks\":").append(cpu.toggleWalks()).append(",\"worstWalkToggleCpuP99Ms\":").append(number(cpu.worstWalkToggleP99Ms()))
                    .append(",\"warmUpRounds\":").append(cpu.warmUpRounds()).append(",\"warmUpQuiet\":").append(cpu.warmUpQuiet());
        }
        if (reference != null) {
            json.append(",\"referenceEvalMs\":").append(number(reference.referenceEvalMs()))
                    .append(",\"referenceProbes\":").append(reference.probes())
                    .append(",\"referenceMismatches\":").append(reference.mismatches())
                    .append(",\"speedup\":").append(number(reference.referenceEvalMs() / evalMs));
        }
        return json.append('}').toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

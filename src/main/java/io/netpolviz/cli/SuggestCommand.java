package io.netpolviz.cli;

import io.netpolviz.load.PolicyManifests;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.FixAdvisor;
import io.netpolviz.policy.fix.Goal;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.ProposalWords;
import io.netpolviz.policy.fix.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code suggest}: the smallest policy change that allows a blocked connection ({@code --allow})
 * or blocks an allowed one ({@code --block}), verified before it is shown. The policies go to
 * standard output (or {@code --out FILE}) as YAML for {@code kubectl apply}; what the change does,
 * and everything else it changes, to standard error. Exit 0 with a proposal, 1 without (and why).
 */
final class SuggestCommand implements Command {

    @Override
    public String name() {
        return "suggest";
    }

    @Override
    public String usage() {
        return "suggest (PATH | --kubeconfig FILE [--context NAME] [--namespace NS]...) (--allow | --block) SRC DST PORT/PROTOCOL"
                + " [--narrow | --admin-tier] [--out FILE] [--off NS/POLICY]...";
    }

    @Override
    public Set<String> flags() {
        return Set.of("allow", "block", "narrow", "admin-tier");
    }

    @Override
    public Set<String> valuedOptions() {
        return SourceOptions.valuedWith("out");
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        if (arguments.flag("allow") == arguments.flag("block")) {
            throw new UsageException("say --allow or --block: whether to open the connection or to close it");
        }
        Goal goal = arguments.flag("allow") ? Goal.ALLOW : Goal.BLOCK;
        List<String> positional = arguments.positional();
        boolean live = LiveClusterSource.requested(arguments);
        if (positional.size() != (live ? 3 : 4)) {
            throw new UsageException("expected " + (live ? "" : "PATH ") + "SRC DST PORT/PROTOCOL after --" + goal.verb() + ", e.g. "
                    + (live ? "" : "sample-clusters/01-tutorial ") + "--allow production/frontend production/backend-api 8080/TCP");
        }
        List<String> connection = positional.subList(live ? 0 : 1, positional.size());
        ConnectionArguments.PortAndProtocol port = ConnectionArguments.portAndProtocol(connection.get(2));
        Optional<Path> out = arguments.option("out").map(Path::of);
        ClusterSnapshot snapshot = SourceOptions.load(live ? List.of() : List.of(positional.get(0)), arguments);
        SourceOptions.printDiagnostics(snapshot, terminal.err());
        PolicyEngine engine = PolicyEngine.compile(snapshot);
        Target target = new Target(ConnectionArguments.endpoint(engine, connection.get(0)),
                ConnectionArguments.endpoint(engine, connection.get(1)), port.protocol(), port.port());
        Evaluation evaluation = engine.evaluate(SourceOptions.switchedOff(arguments, snapshot));
        Advice advice = new FixAdvisor(evaluation).advise(goal, target);
        if (advice.best().isEmpty()) {
            terminal.printErrorLine("netpolviz suggest: no proposal: " + advice.whyNone() + ".");
            return ExitCode.INPUT_ERRORS;
        }
        Proposal chosen = arguments.flag("narrow") ? advice.narrower().orElse(advice.best().get())
                : arguments.flag("admin-tier") ? advice.adminTier().orElse(advice.best().get()) : advice.best().get();
        ProposalWords.describe(evaluation, advice, chosen).forEach(terminal::printErrorLine);
        if (!arguments.flag("narrow") && advice.narrower().isPresent()) {
            Proposal narrower = advice.narrower().get();
            terminal.printErrorLine("  Narrower: first give " + (narrower.draft().labels().size() == 1 ? "the workload" : "the workloads")
                    + " a label of " + (narrower.draft().labels().size() == 1 ? "its" : "their") + " own; then "
                    + (narrower.isExact() ? "nothing else changes" : "it changes " + narrower.effect().collateralPairs() + " other pairs")
                    + ". Run again with --narrow to get it.");
        }
        if (!arguments.flag("admin-tier") && advice.adminTier().isPresent()) {
            Proposal admin = advice.adminTier().get();
            terminal.printErrorLine("  In the Admin tier instead: " + String.join(" ", admin.draft().steps()) + " Then "
                    + (admin.isExact() ? "nothing else changes" : "it changes " + admin.effect().collateralPairs() + " other pairs")
                    + ". Run again with --admin-tier to get it.");
        }
        String yaml = PolicyManifests.toYaml(chosen.draft().policies(), chosen.draft().clusterPolicies());
        if (out.isPresent()) {
            try {
                Files.writeString(out.get(), yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                terminal.printErrorLine("netpolviz suggest: cannot write " + out.get() + ": " + e.getMessage());
                return ExitCode.INPUT_ERRORS;
            }
            terminal.printErrorLine("  Written to " + out.get() + ": kubectl apply -f " + out.get());
        } else {
            terminal.out().print(yaml);
        }
        return SourceOptions.exitCode(snapshot);
    }
}

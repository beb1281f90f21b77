package io.netpolviz.cli;

import io.netpolviz.load.ParsedTexts;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.PolicyEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code diff BEFORE AFTER}: which connections a change opens or closes. Each side is manifests,
 * a live cluster or a git revision of a folder ({@link DiffSide}); both are read at once, each
 * evaluated, and every pair whose allowed connections differ is written as it is found. The exit
 * code gates CI: 0 nothing changed, 3 connectivity changed (as {@code --fail-on} narrows it), 1
 * a side had input errors (the diff is still written when both sides could be read), 2 usage.
 */
final class DiffCommand implements Command {

    private static final List<String> SIDE_OPTIONS = List.of("kubeconfig", "namespace");

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String usage() {
        return "diff BEFORE AFTER [--format txt|csv|md|json|dot] [--fail-on added|removed|any] [--explain]\n"
                + "        [--kubeconfig FILE] [--context NAME] [--namespace NS]...   (for every side written cluster)\n"
                + "        [--before-kubeconfig FILE] [--before-namespace NS]... [--after-kubeconfig FILE] [--after-namespace NS]...\n"
                + "      a side: DIR | FILE[,FILE...] | cluster | cluster:CONTEXT | git:REV:PATH (PATH of a local repository as\n"
                + "      revision REV holds it); exit 0 nothing changed, 3 connectivity changed (--fail-on added: a connection\n"
                + "      opens; removed: one closes), 1 input errors, 2 usage";
    }

    @Override
    public Set<String> flags() {
        return Set.of("explain");
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> options = new HashSet<>(Set.of("format", "fail-on", "kubeconfig", "context", "namespace", "values", "set"));
        for (String role : List.of("before", "after")) {
            for (String option : SIDE_OPTIONS) {
                options.add(role + "-" + option);
            }
        }
        return options;
    }

    /** What makes the exit code 3. */
    enum FailOn { ADDED, REMOVED, ANY }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        List<String> positional = arguments.positional();
        if (positional.size() != 2) {
            throw new UsageException("give two sides, BEFORE and AFTER (got " + positional.size() + "): a folder or files, cluster[:CONTEXT]"
                    + " or git:REV:PATH each");
        }
        String formatName = arguments.option("format").orElse("txt");
        DiffFormat format = DiffFormat.parse(formatName)
                .orElseThrow(() -> new UsageException("unknown format '" + formatName + "': use txt, csv, md, json or dot"));
        FailOn failOn = failOn(arguments.option("fail-on").orElse("any"));
        DiffSide before = DiffSide.parse("before", positional.get(0));
        DiffSide after = DiffSide.parse("after", positional.get(1));
        checkClusterOptions(arguments, before, after);

        ClusterSnapshot[] snapshots;
        try {
            snapshots = loadBoth(before, after, arguments);
        } catch (DiffSide.Unreadable e) {
            terminal.printErrorLine("netpolviz diff: " + e.getMessage());
            return ExitCode.INPUT_ERRORS;
        }
        if (!format.holdsNotes()) {
            for (int side = 0; side < 2; side++) {
                String role = side == 0 ? "before" : "after";
                snapshots[side].diagnostics().forEach(diagnostic -> terminal.printErrorLine(role + ": " + diagnostic.display()));
            }
        }
        Evaluation[] evaluations = evaluateBoth(snapshots);

        DiffReport report = new DiffReport(before.written(), after.written(), evaluations[0], evaluations[1], arguments.flag("explain"));
        if (!format.holdsNotes()) {
            report.oneSided().forEach(one -> terminal.printErrorLine(one.sentence()));
        }
        format.write(report, terminal.out());
        if (!snapshots[0].isComplete() || !snapshots[1].isComplete()) {
            return ExitCode.INPUT_ERRORS;
        }
        boolean gate = switch (failOn) {
            case ANY -> report.total() > 0;
            case ADDED -> report.anyOpened();
            case REMOVED -> report.anyClosed();
        };
        return gate ? ExitCode.CHANGED : ExitCode.OK;
    }

    private static FailOn failOn(String text) throws UsageException {
        try {
            return FailOn.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-on " + text + ": use added (a connection opens), removed (one closes) or any");
        }
    }

    /** Cluster options that no side would read are a mistake worth saying, not ignoring. */
    private static void checkClusterOptions(Arguments arguments, DiffSide before, DiffSide after) throws UsageException {
        boolean anyCluster = before.kind() == DiffSide.Kind.CLUSTER || after.kind() == DiffSide.Kind.CLUSTER;
        for (String option : List.of("kubeconfig", "context", "namespace")) {
            if (!anyCluster && !arguments.options(option).isEmpty()) {
                throw new UsageException("--" + option + " goes with a side written cluster or cluster:CONTEXT, and neither side is one");
            }
        }
        for (DiffSide side : List.of(before, after)) {
            for (String option : SIDE_OPTIONS) {
                if (side.kind() != DiffSide.Kind.CLUSTER && !arguments.options(side.role() + "-" + option).isEmpty()) {
                    throw new UsageException("--" + side.role() + "-" + option + " goes with a " + side.role()
                            + " side written cluster or cluster:CONTEXT, not '" + side.written() + "'");
                }
            }
        }
        if (before.kind() == DiffSide.Kind.CLUSTER && after.kind() == DiffSide.Kind.CLUSTER
                && before.clusterOptions(arguments).equals(after.clusterOptions(arguments))) {
            throw new UsageException("both sides read the same cluster: name two contexts (cluster:staging cluster:prod) or give"
                    + " --before-kubeconfig and --after-kubeconfig");
        }
    }

    /**
     * Both sides at once, sharing what they parse: the files the sides have in common are parsed
     * once, the before side's from the first, the after side's from the last.
     */
    private static ClusterSnapshot[] loadBoth(DiffSide before, DiffSide after, Arguments arguments) throws DiffSide.Unreadable {
        ParsedTexts shared = new ParsedTexts();
        CompletableFuture<ClusterSnapshot> first = CompletableFuture.supplyAsync(() -> loadOrWrap(before, arguments, shared));
        ClusterSnapshot second;
        try {
            second = after.load(arguments, shared, true);
        } catch (DiffSide.Unreadable e) {
            first.cancel(true);
            throw new DiffSide.Unreadable("after side " + after.written() + ": " + e.getMessage());
        }
        try {
            return new ClusterSnapshot[] {first.join(), second};
        } catch (CompletionException e) {
            if (e.getCause() instanceof Unwrapped unreadable) {
                throw new DiffSide.Unreadable("before side " + before.written() + ": " + unreadable.getCause().getMessage());
            }
            throw e;
        }
    }

    private static Evaluation[] evaluateBoth(ClusterSnapshot[] snapshots) {
        CompletableFuture<Evaluation> first = CompletableFuture.supplyAsync(() -> evaluated(snapshots[0]));
        Evaluation second = evaluated(snapshots[1]);
        return new Evaluation[] {first.join(), second};
    }

    private static Evaluation evaluated(ClusterSnapshot snapshot) {
        Evaluation evaluation = PolicyEngine.compile(snapshot).evaluate();
        evaluation.connectivity();
        return evaluation;
    }

    private static ClusterSnapshot loadOrWrap(DiffSide side, Arguments arguments, ParsedTexts shared) {
        try {
            return side.load(arguments, shared, false);
        } catch (DiffSide.Unreadable e) {
            throw new Unwrapped(e);
        }
    }

    /** Carries a side's {@link DiffSide.Unreadable} out of the task that read it. */
    private static final class Unwrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unwrapped(DiffSide.Unreadable cause) {
            super(cause);
        }
    }

}

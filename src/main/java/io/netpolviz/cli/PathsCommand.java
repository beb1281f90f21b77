package io.netpolviz.cli;

import io.netpolviz.graph.AttackGraph;
import io.netpolviz.graph.AttackPaths;
import io.netpolviz.graph.AttackSearch;
import io.netpolviz.graph.CutFix;
import io.netpolviz.graph.CutFixes;
import io.netpolviz.graph.PathHop;
import io.netpolviz.load.PolicyManifests;
import io.netpolviz.policy.Evaluation;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.policy.fix.ProposalWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code paths}: how one node can reach another — the shortest paths by hops with the ports of
 * each hop — and the fewest connections to close so that no path remains, each with the verified
 * policy change that closes it.
 */
final class PathsCommand implements Command {

    /** Shortest paths listed; there may be many as short, and a few show the shape. */
    private static final int LISTED_PATHS = 10;

    @Override
    public String name() {
        return "paths";
    }

    @Override
    public String usage() {
        return "paths (PATH | --kubeconfig FILE [--context NAME] [--namespace NS]...) --from NODE --to NODE [--max-hops N]"
                + " [--format txt|json] [--off NS/POLICY]...   (NODE: NAMESPACE/NAME or ext:internet)";
    }

    @Override
    public Set<String> valuedOptions() {
        return AttackOptions.valued("from", "to");
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        int maxHops = AttackOptions.maxHops(arguments);
        boolean json = AttackOptions.json(arguments);
        AttackOptions.Opened opened = AttackOptions.open(arguments, terminal, "paths sample-clusters/05-shop --from "
                + AttackGraph.INTERNET + " --to data/postgres");
        String from = AttackOptions.node(arguments, "from", opened.graph(), opened.engine());
        String to = AttackOptions.node(arguments, "to", opened.graph(), opened.engine());
        if (from.equals(to)) {
            throw new UsageException("--from and --to name the same node");
        }
        AttackPaths paths = new AttackSearch(opened.graph()).paths(from, to, maxHops, LISTED_PATHS);
        List<CutFix> fixes = CutFixes.of(opened.evaluation(), paths.cut());
        terminal.out().print(json ? json(paths, fixes) : text(opened.evaluation(), paths, fixes, maxHops));
        return SourceOptions.exitCode(opened.snapshot());
    }

    private static String text(Evaluation evaluation, AttackPaths paths, List<CutFix> fixes, int maxHops) {
        StringBuilder out = new StringBuilder();
        if (paths.cut().isEmpty()) {
            return out.append("No path from ").append(paths.from()).append(" to ").append(paths.to()).append(": nothing to cut.\n").toString();
        }
        if (paths.unreachable()) {
            out.append("No path from ").append(paths.from()).append(" to ").append(paths.to()).append(" within ")
                    .append(AttackOptions.hops(maxHops)).append(", but longer ones exist.\n");
        } else {
            out.append("Shortest paths from ").append(paths.from()).append(" to ").append(paths.to()).append(": ")
                    .append(AttackOptions.hops(paths.hops())).append('\n');
            int n = 1;
            for (List<PathHop> path : paths.paths()) {
                out.append("  ").append(n++).append(". ").append(path.get(0).source());
                path.forEach(hop -> out.append(" \u2192(").append(hop.ports().display()).append(")\u2192 ").append(hop.destination()));
                out.append('\n');
            }
            if (paths.more()) {
                out.append("  (and more as short)\n");
            }
        }
        paths.alike().forEach((node, others) -> out.append("  ").append(node).append(" stands for ").append(String.join(", ", others))
                .append(" too: the same labels, so no policy tells them apart\n"));
        out.append("Minimum cut: close ").append(paths.cut().size()).append(paths.cut().size() == 1 ? " connection" : " connections")
                .append(" and no path remains, at any length:\n");
        for (CutFix fix : fixes) {
            out.append("  ").append(fix.connection().display()).append('\n');
            Proposal proposal = fix.closing().or(fix.advice()::best).orElse(null);
            if (proposal == null) {
                out.append("    no NetworkPolicy change closes it: ").append(fix.advice().whyNone()).append('\n');
                continue;
            }
            ProposalWords.describe(evaluation, fix.advice(), proposal).forEach(line -> out.append("  ").append(line).append('\n'));
            if (fix.closing().isEmpty()) {
                out.append("    This closes ").append(proposal.target().protocol()).append(' ').append(proposal.target().port())
                        .append(" only; the connection stays open on its other ports.\n");
            }
            for (String line : PolicyManifests.toYaml(proposal.draft().policies(), proposal.draft().clusterPolicies()).split("\n")) {
                out.append("      ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String json(AttackPaths paths, List<CutFix> fixes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", paths.from());
        out.put("to", paths.to());
        out.put("hops", paths.unreachable() ? null : paths.hops());
        List<Object> list = new ArrayList<>();
        paths.paths().forEach(path -> list.add(path.stream().map(PathsCommand::hop).toList()));
        out.put("paths", list);
        out.put("more", paths.more());
        out.put("alike", new LinkedHashMap<>(paths.alike()));
        List<Object> cut = new ArrayList<>();
        for (CutFix fix : fixes) {
            Map<String, Object> entry = hop(fix.connection());
            Proposal proposal = fix.closing().or(fix.advice()::best).orElse(null);
            if (proposal == null) {
                entry.put("fix", null);
                entry.put("why", fix.advice().whyNone());
            } else {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("closesEveryPort", fix.closing().isPresent());
                change.put("steps", proposal.draft().steps());
                change.put("labels", proposal.draft().labels().stream().map(l -> l.kubectlCommand()).toList());
                change.put("collateral", proposal.effect().collateral().stream().map(ProposalWords::change).toList());
                change.put("yaml", PolicyManifests.toYaml(proposal.draft().policies(), proposal.draft().clusterPolicies()));
                entry.put("fix", change);
            }
            cut.add(entry);
        }
        out.put("cut", cut);
        return Json.write(out) + "\n";
    }

    private static Map<String, Object> hop(PathHop hop) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", hop.source());
        out.put("destination", hop.destination());
        out.put("ports", hop.ports().display());
        return out;
    }
}

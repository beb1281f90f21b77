package io.netpolviz.view;

import io.netpolviz.graph.AttackPaths;
import io.netpolviz.graph.CutFix;
import io.netpolviz.graph.PathHop;
import io.netpolviz.graph.Reach;
import io.netpolviz.policy.fix.Draft;
import io.netpolviz.policy.fix.Proposal;
import io.netpolviz.view.Explanation.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Reach, paths and a cut as the explanation pane's blocks; each cut connection with the verified change that closes it. */
public final class AttackAnswer {

    private AttackAnswer() {
    }

    public static List<Block> reach(Reach reach) {
        List<Block> blocks = new ArrayList<>();
        String within = reach.maxHops() == Integer.MAX_VALUE ? "" : " within " + reach.maxHops() + (reach.maxHops() == 1 ? " hop" : " hops");
        blocks.add(new Explanation.Heading("What an attacker on " + reach.from() + " can reach" + within));
        Map<Integer, List<String>> byHops = new TreeMap<>();
        reach.reached().forEach(r -> byHops.computeIfAbsent(r.hops(), h -> new ArrayList<>()).add(r.node()));
        if (byHops.isEmpty()) {
            blocks.add(new Explanation.Paragraph(Explanation.text("Nothing: no connection out of " + reach.from() + " is allowed.")));
        }
        byHops.forEach((hops, nodes) -> blocks.add(new Explanation.Fact(hops + (hops == 1 ? " hop" : " hops") + " (" + nodes.size() + ")",
                links(nodes))));
        blocks.add(new Explanation.Hint(reach.unreached() + (reach.unreached() == 1 ? " workload is" : " workloads are")
                + " out of reach: dimmed in the diagram. Select one and ask how it can be reached, to see the paths and what would cut them."));
        return blocks;
    }

    /** @param yaml writes policies as manifests (the view pipeline does not) */
    public static List<Block> paths(AttackPaths paths, List<CutFix> fixes, Function<Draft, String> yaml) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Explanation.Heading("How " + paths.from() + " can reach " + paths.to()));
        if (paths.cut().isEmpty()) {
            blocks.add(new Explanation.Paragraph(Explanation.text("It cannot: no path of allowed connections leads there.")));
            return blocks;
        }
        if (paths.paths().isEmpty()) {
            blocks.add(new Explanation.Paragraph(Explanation.text("Not within the hop limit: every path takes more hops. Allow more"
                    + " hops to see them; the cut below closes every path, however long.")));
        }
        int n = 1;
        for (List<PathHop> path : paths.paths()) {
            Explanation.Words words = Explanation.words().text(n++ + ". ").link(path.get(0).source(), new Selection.Node(path.get(0).source()));
            for (PathHop hop : path) {
                words.text(" \u2192(" + hop.ports().display() + ")\u2192 ").link(hop.destination(), new Selection.Node(hop.destination()));
            }
            blocks.add(new Explanation.Paragraph(words.build()));
        }
        if (paths.more()) {
            blocks.add(new Explanation.Hint("More paths are as short; these are the first in name order."));
        }
        paths.alike().forEach((node, others) -> blocks.add(new Explanation.Hint(node + " stands for " + String.join(", ", others)
                + " too: the same labels, so no policy tells them apart.")));
        blocks.add(new Explanation.Heading("What would cut it: close " + paths.cut().size()
                + (paths.cut().size() == 1 ? " connection" : " connections") + " and no path remains"));
        for (CutFix fix : fixes) {
            blocks.add(new Explanation.Item(Explanation.Mark.BLOCKED, Explanation.words().link(fix.connection().display(),
                    new Selection.Edge(io.netpolviz.graph.GraphEdge.key(fix.connection().source(), fix.connection().destination()))).build()));
            Proposal proposal = fix.closing().or(fix.advice()::best).orElse(null);
            if (proposal == null) {
                blocks.add(new Explanation.Hint("No NetworkPolicy change closes it: " + fix.advice().whyNone() + "."));
                continue;
            }
            String change = String.join(" ", proposal.draft().steps());
            String effect = proposal.isExact() ? " Verified: nothing else changes."
                    : " Verified: it also changes " + proposal.effect().collateralPairs() + " other pairs.";
            String partial = fix.closing().isPresent() ? "" : " It closes " + proposal.target().protocol() + " " + proposal.target().port()
                    + " only; the connection stays open on its other ports.";
            blocks.add(new Explanation.Fix(Explanation.text(change + effect + partial)));
            List<Explanation.CodeLine> lines = yaml.apply(proposal.draft()).lines()
                    .map(line -> new Explanation.CodeLine(line, false)).toList();
            blocks.add(new Explanation.Code(Explanation.text("YAML for kubectl apply -f"), lines));
        }
        return blocks;
    }

    private static List<Explanation.Inline> links(List<String> nodes) {
        Explanation.Words words = Explanation.words();
        for (int i = 0; i < nodes.size(); i++) {
            words.text(i == 0 ? "" : ", ").link(nodes.get(i), new Selection.Node(nodes.get(i)));
        }
        return words.build();
    }
}

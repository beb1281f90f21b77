package io.netpolviz.cli;

import io.netpolviz.graph.AttackGraph;
import io.netpolviz.graph.AttackSearch;
import io.netpolviz.graph.Reach;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code reach}: what an attacker who holds one workload (or sits on the internet) can open connections to, hop by hop. */
final class ReachCommand implements Command {

    @Override
    public String name() {
        return "reach";
    }

    @Override
    public String usage() {
        return "reach (PATH | --kubeconfig FILE [--context NAME] [--namespace NS]...) --from NODE [--max-hops N] [--format txt|json]"
                + " [--off NS/POLICY]...   (NODE: NAMESPACE/NAME or ext:internet)";
    }

    @Override
    public Set<String> valuedOptions() {
        return AttackOptions.valued("from");
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) throws UsageException {
        int maxHops = AttackOptions.maxHops(arguments);
        boolean json = AttackOptions.json(arguments);
        AttackOptions.Opened opened = AttackOptions.open(arguments, terminal, "reach sample-clusters/05-shop --from " + AttackGraph.INTERNET);
        String from = AttackOptions.node(arguments, "from", opened.graph(), opened.engine());
        Reach reach = new AttackSearch(opened.graph()).reach(from, maxHops);
        terminal.out().print(json ? json(reach) : text(reach));
        return SourceOptions.exitCode(opened.snapshot());
    }

    private static String text(Reach reach) {
        Map<Integer, List<String>> byHops = byHops(reach);
        StringBuilder out = new StringBuilder();
        out.append("From ").append(reach.from()).append(reach.maxHops() == AttackOptions.NO_LIMIT ? "" : " within "
                + AttackOptions.hops(reach.maxHops())).append(": ").append(reach.reached().size()).append(" reached, ")
                .append(reach.unreached()).append(reach.unreached() == 1 ? " workload" : " workloads").append(" not\n");
        byHops.forEach((hops, nodes) -> out.append("  ").append(AttackOptions.hops(hops)).append(" (").append(nodes.size()).append("): ")
                .append(String.join(", ", nodes)).append('\n'));
        return out.toString();
    }

    private static Map<Integer, List<String>> byHops(Reach reach) {
        Map<Integer, List<String>> byHops = new TreeMap<>();
        reach.reached().forEach(r -> byHops.computeIfAbsent(r.hops(), h -> new ArrayList<>()).add(r.node()));
        return byHops;
    }

    private static String json(Reach reach) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", reach.from());
        out.put("maxHops", reach.maxHops() == AttackOptions.NO_LIMIT ? null : reach.maxHops());
        List<Object> reached = new ArrayList<>();
        reach.reached().forEach(r -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("node", r.node());
            node.put("hops", r.hops());
            reached.add(node);
        });
        out.put("reached", reached);
        out.put("unreached", reach.unreached());
        return Json.write(out) + "\n";
    }
}

package io.netpolviz.graph;

import io.netpolviz.model.Protocol;
import io.netpolviz.policy.PortRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of an edge's label as the reader sees it: {@code 8080}, {@code 8000–8100},
 * {@code UDP 53}, {@code all TCP} or {@code all ports}, with its verdict. An edge's entries come
 * allowed first, then allowed in part, then blocked; TCP is the default and goes unnamed;
 * neighbouring ports of one verdict and protocol read as one range; every port of every
 * protocol reads as {@code all ports}. {@code ranges} are the edge's ports the entry stands for,
 * so a click on it can explain exactly those. An allowed entry on which a Cilium L7 or DNS-name
 * rule filters requests at run time reads {@code 80 L7} ({@link #RUN_TIME_FILTER}); the legend
 * says what the suffix means. A port stated by name reads as its name ({@code metrics}), first.
 */
public record LabelPort(String text, boolean allowed, boolean partial, boolean changed, List<PortRange> ranges) {

    /** The suffix of an entry whose requests an L7 or DNS-name rule filters at run time. */
    public static final String RUN_TIME_FILTER = "L7";

    public LabelPort {
        ranges = List.copyOf(ranges);
    }

    /** {@code ✓}, {@code ◐} or {@code ✗}. */
    public String mark() {
        return allowed ? "\u2713" : partial ? "\u25D0" : "\u2717";
    }

    /** {@code ✓ 8080}. */
    public String display() {
        return mark() + " " + text;
    }

    /** The entries of a list of port verdicts, in reading order. */
    static List<LabelPort> of(List<PortVerdict> ports) {
        List<LabelPort> out = new ArrayList<>();
        // A port by name ("metrics") comes first and alone: it is a different number on each destination.
        ports.stream().filter(PortVerdict::isNamed).sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(p -> out.add(new LabelPort(p.name().display(), p.allowed(), p.partial(), p.changed(), List.of(p.port()))));
        ports = ports.stream().filter(p -> !p.isNamed()).toList();
        addRun(out, ports.stream().filter(PortVerdict::allowed).toList(), true, false);
        addRun(out, ports.stream().filter(p -> !p.allowed() && p.partial()).toList(), false, true);
        addRun(out, ports.stream().filter(p -> !p.allowed() && !p.partial()).toList(), false, false);
        return List.copyOf(out);
    }

    private static void addRun(List<LabelPort> out, List<PortVerdict> run, boolean allowed, boolean partial) {
        if (run.isEmpty()) {
            return;
        }
        List<PortVerdict> sorted = run.stream().sorted((a, b) -> a.port().compareTo(b.port())).toList();
        Set<Protocol> everyPort = EnumSet.noneOf(Protocol.class);
        sorted.stream().filter(p -> p.port().isAllPorts()).forEach(p -> everyPort.add(p.port().protocol()));
        if (everyPort.equals(EnumSet.allOf(Protocol.class))) {
            List<PortVerdict> all = sorted.stream().filter(p -> p.port().isAllPorts()).toList();
            String text = "all ports" + (all.stream().allMatch(PortVerdict::filtered) ? " " + RUN_TIME_FILTER : "");
            out.add(new LabelPort(text, allowed, partial, all.stream().anyMatch(PortVerdict::changed),
                    all.stream().map(PortVerdict::port).toList()));
            sorted = sorted.stream().filter(p -> !p.port().isAllPorts()).toList();
        }
        // Neighbouring ports of one protocol and one change mark read as one range.
        List<PortVerdict> pending = new ArrayList<>();
        for (PortVerdict port : sorted) {
            if (!pending.isEmpty()) {
                PortVerdict last = pending.get(pending.size() - 1);
                boolean adjacent = last.port().protocol() == port.port().protocol() && last.port().last() + 1 >= port.port().first()
                        && last.changed() == port.changed() && last.filtered() == port.filtered();
                if (!adjacent) {
                    out.add(entry(pending, allowed, partial));
                    pending.clear();
                }
            }
            pending.add(port);
        }
        if (!pending.isEmpty()) {
            out.add(entry(pending, allowed, partial));
        }
    }

    private static LabelPort entry(List<PortVerdict> ports, boolean allowed, boolean partial) {
        PortRange first = ports.get(0).port();
        int last = ports.stream().mapToInt(p -> p.port().last()).max().orElseThrow();
        String text = text(first.protocol(), first.first(), last) + (ports.get(0).filtered() ? " " + RUN_TIME_FILTER : "");
        return new LabelPort(text, allowed, partial, ports.get(0).changed(), ports.stream().map(PortVerdict::port).toList());
    }

    /** {@code 8080}, {@code 8000–8100}, {@code all TCP}, {@code UDP 53}. */
    static String text(Protocol protocol, int first, int last) {
        if (first == PortRange.MIN_PORT && last == PortRange.MAX_PORT) {
            return "all " + protocol;
        }
        String ports = first == last ? Integer.toString(first) : String.format(Locale.ROOT, "%d\u2013%d", first, last);
        return protocol == Protocol.TCP ? ports : protocol + " " + ports;
    }
}

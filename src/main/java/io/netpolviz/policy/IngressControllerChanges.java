package io.netpolviz.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the ingress controller's connections changed between two snapshots, as netpol-analyzer's diff
 * lists them ({@code added,{ingress-controller},default/frontend,none,TCP 8080}): per routed workload,
 * the ports routed and allowed on each side, a workload routed on one side only counting as none on the other.
 */
public final class IngressControllerChanges {

    private IngressControllerChanges() {
    }

    /** The changes, sorted by destination. */
    public static List<ConnectivityChange> between(Evaluation before, Evaluation after) {
        Map<String, PortSet[]> sides = new TreeMap<>();
        for (Connection connection : IngressControllerReach.connections(before)) {
            sides.computeIfAbsent(connection.destination().id(), id -> new PortSet[] {PortSet.NONE, PortSet.NONE})[0] = connection.allowed();
        }
        for (Connection connection : IngressControllerReach.connections(after)) {
            sides.computeIfAbsent(connection.destination().id(), id -> new PortSet[] {PortSet.NONE, PortSet.NONE})[1] = connection.allowed();
        }
        List<ConnectivityChange> changes = new ArrayList<>();
        sides.forEach((id, ports) -> {
            if (!ports[0].equals(ports[1])) {
                changes.add(new ConnectivityChange(IngressControllerReach.ID, id, ports[0], ports[1]));
            }
        });
        return changes;
    }

    /**
     * Why the controller's line for one workload changed: what each side routes to it and what its policies allow,
     * each side's {@link IngressControllerReach.Target#explanation()}, or that nothing routes to it there.
     */
    public static List<String> causes(Evaluation before, Evaluation after, ConnectivityChange change) {
        List<String> causes = new ArrayList<>();
        for (Evaluation side : List.of(before, after)) {
            String word = side == before ? "before: " : "after: ";
            causes.add(word + IngressControllerReach.of(side).stream().filter(t -> t.workloadId().equals(change.destinationId()))
                    .findFirst().map(IngressControllerReach.Target::explanation)
                    .orElse("no Ingress or Route routes to " + change.destinationId()));
        }
        return causes;
    }
}

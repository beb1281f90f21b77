package io.netpolviz.policy;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IngressRoute;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Service;
import io.netpolviz.model.ServicePort;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the Ingresses and Routes of a snapshot send the ingress controller, before any policy is
 * asked: per workload, the TCP ports its pods are reached on and the sentences that say why. This
 * follows netpol-analyzer's ingress analysis (pkg/netpol/connlist/internal/ingressanalyzer): a
 * backend Service of the Ingress's namespace selects the workloads by its selector (a Service
 * without a selector is left out); the backend's port picks the first service port whose name,
 * port or targetPort it names (every service port when it names none); that service port's
 * targetPort, a number or a container port name (which must be a TCP port of the pod), is the
 * pod's port; and only a port the pod's containers declare is routed.
 */
final class IngressRouting {

    /** Where one workload is routed: TCP ports and, per port group, the sentence naming the Ingress and Service. */
    record Routed(Workload workload, PortSet ports, List<String> reasons) {
    }

    private IngressRouting() {
    }

    /** Per workload id, sorted: the ports the snapshot's Ingresses and Routes route to it. */
    static Map<String, Routed> of(ClusterSnapshot snapshot) {
        Map<String, Routed> routed = new TreeMap<>();
        for (IngressRoute route : snapshot.ingressRoutes()) {
            for (IngressRoute.Backend backend : route.backends()) {
                Service service = snapshot.services().stream()
                        .filter(s -> s.namespace().equals(route.namespace()) && s.name().equals(backend.service()))
                        .findFirst().orElse(null);
                if (service == null || service.selector().isEmpty()) {
                    continue;
                }
                List<String> targetPorts = targetPorts(service, backend.port());
                for (Workload workload : snapshot.workloads()) {
                    if (!workload.namespace().equals(route.namespace()) || !selects(service, workload)) {
                        continue;
                    }
                    PortSet ports = podPorts(workload, targetPorts);
                    if (ports.isEmpty()) {
                        continue;
                    }
                    String reason = route.subject() + " routes " + (backend.port() == null ? "every port" : "port " + backend.port())
                            + " of Service " + service.name() + " to " + workload.id() + " on " + ports.display();
                    routed.merge(workload.id(), new Routed(workload, ports, List.of(reason)), (a, b) -> {
                        List<String> reasons = new ArrayList<>(a.reasons());
                        reasons.addAll(b.reasons());
                        return new Routed(a.workload(), a.ports().union(b.ports()), List.copyOf(reasons));
                    });
                }
            }
        }
        return routed;
    }

    private static boolean selects(Service service, Workload workload) {
        return service.selector().entrySet().stream().allMatch(e -> e.getValue().equals(workload.podLabels().get(e.getKey())));
    }

    /** The target ports (numbers or names) the backend's port reaches: the first matching service port's, or every one's. */
    private static List<String> targetPorts(Service service, String required) {
        List<String> targets = new ArrayList<>();
        for (ServicePort port : service.ports()) {
            if (required == null) {
                targets.add(port.targetPort());
            } else if (required.equals(port.name()) || required.equals(Integer.toString(port.port())) || required.equals(port.targetPort())) {
                return List.of(port.targetPort());
            }
        }
        return targets;
    }

    /**
     * The TCP ports of the pod that the target ports name. As netpol-analyzer's
     * {@code PodExposedTCPConnections}, a number counts when any container port has it; a name
     * must be a container port of protocol TCP.
     */
    private static PortSet podPorts(Workload workload, List<String> targetPorts) {
        List<PortRange> ranges = new ArrayList<>();
        for (String target : targetPorts) {
            Integer number = null;
            if (target.chars().allMatch(Character::isDigit)) {
                number = Integer.parseInt(target);
            } else {
                for (ContainerPort port : workload.ports()) {
                    if (target.equals(port.name()) && port.protocol() == Protocol.TCP) {
                        number = port.port();
                    }
                }
            }
            final Integer wanted = number;
            if (wanted != null && workload.ports().stream().anyMatch(port -> port.port() == wanted)) {
                ranges.add(PortRange.single(Protocol.TCP, wanted));
            }
        }
        return PortSet.of(ranges);
    }
}

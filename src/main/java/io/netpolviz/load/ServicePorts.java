package io.netpolviz.load;

import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Service;
import io.netpolviz.model.ServicePort;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Most manifests declare no container ports (they are informational: a container listens on
 * whatever it opens), yet the Services in front of the pods say where they listen. A workload that
 * declares none gets, as unnamed ports, the numeric {@code targetPort}s of the Services that
 * select its pods, so the picture has ports to show and verdicts to put on them. Unnamed ports
 * change no verdict: a policy's numbered port never needs a declaration, and a named one is
 * resolved only against declared names, which this adds none of. A named {@code targetPort} is
 * not guessed at (the container declares no such name, so it resolves to nothing in the cluster too).
 */
final class ServicePorts {

    private ServicePorts() {
    }

    /** {@code workloads}, each without declared ports given its Services' target ports; one note says how many. */
    static List<Workload> fill(List<Workload> workloads, List<Service> services, List<Diagnostic> out) {
        List<Workload> filled = new ArrayList<>(workloads.size());
        int portless = 0;
        int fromServices = 0;
        SourceRef first = null;
        for (Workload workload : workloads) {
            if (!workload.ports().isEmpty()) {
                filled.add(workload);
                continue;
            }
            portless++;
            namedTargetPorts(workload, services, out);
            List<ContainerPort> ports = targetPorts(workload, services);
            if (ports.isEmpty()) {
                filled.add(workload);
                continue;
            }
            fromServices++;
            first = first == null ? workload.where() : first;
            filled.add(new Workload(workload.namespace(), workload.name(), workload.kind(), workload.replicas(), workload.podLabels(),
                    ports, workload.hostNetwork(), workload.podAddresses(), workload.podNames(), workload.variant(), workload.where()));
        }
        describe(portless, fromServices, first).ifPresent(out::add);
        return filled;
    }

    private static List<ContainerPort> targetPorts(Workload workload, List<Service> services) {
        TreeSet<ContainerPort> ports = new TreeSet<>((a, b) -> a.protocol() != b.protocol()
                ? a.protocol().compareTo(b.protocol()) : Integer.compare(a.port(), b.port()));
        for (Service service : services) {
            if (selects(service, workload)) {
                for (ServicePort port : service.ports()) {
                    number(port.targetPort()).ifPresent(number -> ports.add(new ContainerPort(null, number, port.protocol())));
                }
            }
        }
        return List.copyOf(ports);
    }

    /**
     * A named {@code targetPort} is looked up among the pods' declared container ports; pods that
     * declare none leave the Service without a port to send to, and a policy naming the port
     * without a match. Said once per Service and workload, at the Service.
     */
    private static void namedTargetPorts(Workload workload, List<Service> services, List<Diagnostic> out) {
        for (Service service : services) {
            if (!selects(service, workload)) {
                continue;
            }
            List<String> names = service.ports().stream().map(ServicePort::targetPort)
                    .filter(target -> target != null && !target.isEmpty() && number(target).isEmpty()).distinct().toList();
            if (!names.isEmpty()) {
                String quoted = String.join(", ", names.stream().map(name -> "\"" + name + "\"").toList());
                out.add(Diagnostic.warning(service.where(), "Service " + service.namespace() + "/" + service.name() + " sends to the"
                        + (names.size() == 1 ? " port named " : " ports named ") + quoted + ", but " + workload.kind().apiKind() + " "
                        + workload.namespace() + "/" + workload.name() + " declares no container ports, so the name resolves to nothing:"
                        + " the Service reaches no port of these pods, and a policy naming the port admits nothing on them. Declare it"
                        + " (ports: [{name: " + names.get(0) + ", containerPort: N}]) or give the Service the number"));
            }
        }
    }

    /** A Service without a selector has no pods of its own (its endpoints are managed by hand). */
    private static boolean selects(Service service, Workload workload) {
        if (!service.namespace().equals(workload.namespace()) || service.selector().isEmpty()) {
            return false;
        }
        Map<String, String> labels = workload.podLabels();
        return service.selector().entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    private static Optional<Integer> number(String targetPort) {
        if (targetPort == null || targetPort.isEmpty() || !targetPort.chars().allMatch(Character::isDigit) || targetPort.length() > 5) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(targetPort));
    }

    private static Optional<Diagnostic> describe(int portless, int fromServices, SourceRef first) {
        if (fromServices == 0) {
            // Nothing was added: such workloads are simply shown reachable on all ports, as the picture says itself.
            return Optional.empty();
        }
        String workloads = portless == 1 ? "1 workload declares" : String.format(Locale.ROOT, "%,d workloads declare", portless);
        String taken = (fromServices == portless ? "their" : fromServices == 1 ? "1 of them has its" : fromServices + " of them have their") + " ports taken from the targetPort"
                + " of the Services that select them";
        String rest = fromServices == portless ? "" : "; the others are shown reachable on all ports where no rule names one";
        return Optional.of(Diagnostic.note(first, workloads + " no container ports: " + taken + rest
                + ". Numbered policy ports need no declaration; named ones (port: http) do"));
    }
}

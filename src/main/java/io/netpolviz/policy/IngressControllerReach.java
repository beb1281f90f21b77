package io.netpolviz.policy;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * What the ingress controller may open to the workloads that Ingresses and Routes route to, as
 * netpol-analyzer's connlist computes it: the ports routed ({@link IngressRouting}) that the policies
 * also allow from a pod of the controller, which netpol-analyzer adds as a pod without labels in
 * namespace {@code ingress-controller-ns} (a namespace with only its name label) and names
 * {@code {ingress-controller}}. The policies are asked of an engine compiled with that pod added,
 * kept apart from the snapshot's own engine so that the pod never shows up in the matrix, the
 * picture or lint; it is compiled once per engine and evaluated with the same policies switched off.
 */
public final class IngressControllerReach {

    /** How netpol-analyzer names the ingress controller in its output. */
    public static final String ID = "{ingress-controller}";
    /** The namespace netpol-analyzer places the ingress controller's pod in. */
    public static final String NAMESPACE = "ingress-controller-ns";

    /**
     * One workload an Ingress or Route routes to: the TCP ports routed, the ports the policies allow of
     * those, and the sentences naming the Ingresses or Routes; {@code allowed} empty means the policies block it.
     */
    public record Target(Connection connection, PortSet routed, List<String> routes, Evaluation evaluation) {

        public String workloadId() {
            return connection.destination().id();
        }

        public PortSet allowed() {
            return connection.allowed();
        }

        /** Why a routed port is allowed or blocked, from the policies' verdict for its first port. */
        public Verdict verdict() {
            PortRange first = (allowed().isEmpty() ? routed : allowed()).ranges().get(0);
            return evaluation.verdict(connection.source(), connection.destination(), Protocol.TCP, first.first());
        }

        /**
         * The edge's story in words: {@code Ingress shop/web routes port 80 of Service web to shop/web on TCP 8080;
         * policies allow TCP 8080 from the ingress controller}, or why they block it.
         */
        public String explanation() {
            String routing = String.join("; ", routes);
            if (allowed().isEmpty()) {
                return routing + "; the policies block the ingress controller: " + new Explainer(evaluation).because(verdict());
            }
            String partly = allowed().equals(routed) ? "" : " (not " + routed.minus(allowed()).display() + ")";
            return routing + "; policies allow " + allowed().display() + partly + " from the ingress controller";
        }
    }

    private static final Map<PolicyEngine, PolicyEngine> WITH_CONTROLLER = new WeakHashMap<>();

    private IngressControllerReach() {
    }

    /** Every routed workload, sorted by id, with what the policies of {@code evaluation} allow from the ingress controller. */
    public static List<Target> of(Evaluation evaluation) {
        ClusterSnapshot snapshot = evaluation.engine().snapshot();
        Map<String, IngressRouting.Routed> routed = IngressRouting.of(snapshot);
        if (routed.isEmpty()) {
            return List.of();
        }
        Evaluation withController = engineWithController(evaluation.engine()).evaluate(evaluation.switchedOff());
        Endpoint controller = withController.engine().workloadEndpoint(controllerWorkload().id()).orElseThrow();
        List<Target> targets = new ArrayList<>();
        routed.forEach((id, route) -> {
            Optional<Endpoint.Pods> target = withController.engine().workloadEndpoint(id);
            if (target.isPresent()) {
                PortSet allowed = withController.allowedPorts(controller, target.get()).intersect(route.ports());
                targets.add(new Target(new Connection(controller, target.get(), allowed), route.ports(), route.reasons(), withController));
            }
        });
        return List.copyOf(targets);
    }

    /** The connections the ingress controller has (routed and allowed), sorted by destination. */
    public static List<Connection> connections(Evaluation evaluation) {
        return of(evaluation).stream().filter(target -> !target.allowed().isEmpty()).map(Target::connection).toList();
    }

    /** The ingress controller's pod, as netpol-analyzer adds it: no labels, no ports. */
    static Workload controllerWorkload() {
        return new Workload(NAMESPACE, "ingress-controller", WorkloadKind.INGRESS_CONTROLLER, 1, Map.of(), List.of(), false,
                io.netpolviz.model.SourceRef.NONE);
    }

    private static PolicyEngine engineWithController(PolicyEngine engine) {
        synchronized (WITH_CONTROLLER) {
            return WITH_CONTROLLER.computeIfAbsent(engine, e -> {
                ClusterSnapshot snapshot = e.snapshot();
                List<Workload> workloads = new ArrayList<>(snapshot.workloads());
                workloads.add(controllerWorkload());
                List<Namespace> namespaces = new ArrayList<>(snapshot.namespaces());
                if (snapshot.namespace(NAMESPACE).isEmpty()) {
                    namespaces.add(new Namespace(NAMESPACE, Map.of(), true, io.netpolviz.model.SourceRef.NONE));
                }
                // Without the UserDefinedNetworks: no network isolates the ingress controller, which netpol-analyzer
                // counts as outside the cluster (isPeerExternal in pkg/netpol/eval/check.go).
                return PolicyEngine.compile(new ClusterSnapshot(snapshot.sourceName(), namespaces, workloads, snapshot.services(),
                        snapshot.policies(), snapshot.clusterPolicies(), snapshot.diagnostics(), snapshot.unevaluatedPolicyKinds(),
                        snapshot.ciliumPolicies(), snapshot.calico(), snapshot.ingressRoutes()));
            });
        }
    }
}

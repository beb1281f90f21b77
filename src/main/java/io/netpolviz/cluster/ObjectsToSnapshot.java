package io.netpolviz.cluster;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Service;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** INTERIM until io.netpolviz.load.SnapshotBuilder lands: reduced reader for testing the plumbing. */
public final class ObjectsToSnapshot {

    private ObjectsToSnapshot() {
    }

    @SuppressWarnings("unchecked")
    public static ClusterSnapshot toSnapshot(String sourceName, List<Map<String, Object>> objects) {
        List<Namespace> namespaces = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            String kind = ApiObjects.kind(o);
            var where = ClusterRefs.object(sourceName, o);
            Map<String, String> labels = (Map<String, String>) (Map<?, ?>) ApiObjects.map(ApiObjects.metadata(o).get("labels"));
            Map<String, Object> spec = ApiObjects.map(o.get("spec"));
            switch (kind) {
                case "Namespace" -> namespaces.add(new Namespace(ApiObjects.name(o), labels, false, where));
                case "Service" -> services.add(new Service(ApiObjects.namespace(o), ApiObjects.name(o),
                        (Map<String, String>) (Map<?, ?>) ApiObjects.map(spec.get("selector")), List.of(), where));
                case "NetworkPolicy" -> policies.add(new NetworkPolicy(ApiObjects.namespace(o), ApiObjects.name(o),
                        LabelSelector.ofLabels((Map<String, String>) (Map<?, ?>) ApiObjects.map(ApiObjects.map(spec.get("podSelector")).get("matchLabels"))),
                        null, List.of(), List.of(), where, ""));
                default -> WorkloadKind.fromApiKind(kind).ifPresent(wk -> {
                    Map<String, Object> podSpec = wk == WorkloadKind.POD ? spec : ApiObjects.map(ApiObjects.map(spec.get("template")).get("spec"));
                    Map<String, String> podLabels = wk == WorkloadKind.POD ? labels
                            : (Map<String, String>) (Map<?, ?>) ApiObjects.map(ApiObjects.map(ApiObjects.map(spec.get("template")).get("metadata")).get("labels"));
                    List<ContainerPort> ports = new ArrayList<>();
                    for (Object c : ApiObjects.list(podSpec.get("containers"))) {
                        for (Object p : ApiObjects.list(ApiObjects.map(c).get("ports"))) {
                            Map<String, Object> port = ApiObjects.map(p);
                            ports.add(new ContainerPort((String) port.get("name"), ((Number) port.get("containerPort")).intValue(), Protocol.TCP));
                        }
                    }
                    int replicas = spec.get("replicas") instanceof Number n ? n.intValue() : 1;
                    workloads.add(new Workload(ApiObjects.namespace(o), ApiObjects.name(o), wk, replicas, podLabels, ports,
                            Boolean.TRUE.equals(podSpec.get("hostNetwork")), where));
                });
            }
        }
        return new ClusterSnapshot(sourceName, namespaces, workloads, services, policies, List.of());
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups a snapshot's workloads into pod classes: pods in one namespace with the same labels,
 * named ports, host-network setting and addresses, which no policy of any kind can tell apart.
 */
final class PodClasses {

    private PodClasses() {
    }

    static List<PodClass> group(ClusterSnapshot snapshot) {
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        for (Namespace namespace : snapshot.namespaces()) {
            namespaceLabels.put(namespace.name(), namespace.labels());
        }
        // Pod addresses tell pods apart only for CIDR peers of cluster-wide policies; most pods have none.
        record ClassKey(String namespace, Map<String, String> labels, Set<String> ports, boolean hostNetwork, List<IpAddress> addresses) {
        }
        Map<ClassKey, List<Workload>> grouped = new LinkedHashMap<>();
        for (Workload workload : snapshot.workloads()) {
            Set<String> ports = new TreeSet<>();
            for (ContainerPort port : workload.ports()) {
                ports.add(port.name() + "/" + port.port() + "/" + port.protocol());
            }
            ClassKey key = new ClassKey(workload.namespace(), workload.podLabels(), ports, workload.hostNetwork(), workload.podAddresses());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(workload);
        }
        List<PodClass> classes = new ArrayList<>();
        for (Map.Entry<ClassKey, List<Workload>> entry : grouped.entrySet()) {
            ClassKey key = entry.getKey();
            List<Workload> members = entry.getValue();
            Map<String, String> nsLabels = namespaceLabels.getOrDefault(key.namespace(),
                    new Namespace(key.namespace(), Map.of(), true, null).labels());
            List<ContainerPort> ports = members.get(0).ports().stream()
                    .sorted(Comparator.comparing(ContainerPort::protocol).thenComparingInt(ContainerPort::port))
                    .distinct()
                    .toList();
            classes.add(new PodClass(classes.size(), key.namespace(), key.labels(), nsLabels, ports, key.hostNetwork(), members));
        }
        return List.copyOf(classes);
    }
}

package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stand-ins for a policy-only input. Most policy repositories (recipe collections, a chart's
 * policies) hold NetworkPolicies but no workload; evaluated as they are, they select nothing and
 * the picture is empty. Here every distinct pod selector the policies use — each policy's own
 * {@code podSelector}, and each peer's where it names pods in a namespace the input knows — becomes
 * one {@link WorkloadKind#STAND_IN} in its namespace, carrying exactly the labels the selector asks
 * for, so that the policies can be read, toggled and explained. A stand-in is named after its
 * selector ({@code pods with app=web}; no Kubernetes name can hold a space, so it never meets a
 * real workload), and one note says that the picture shows stand-ins. An input with any workload
 * is left as it is.
 */
final class StandIns {

    /** The name of the stand-in for a policy that selects every pod of its namespace ({@code podSelector: {}}). */
    static final String ALL_PODS = "all pods";
    /** The start of every other stand-in's name. */
    static final String NAME_PREFIX = "pods with ";

    private StandIns() {
    }

    /** The snapshot with stand-ins when it holds policies but no workload; otherwise the snapshot itself. */
    static ClusterSnapshot addTo(ClusterSnapshot snapshot) {
        if (!snapshot.workloads().isEmpty() || snapshot.policies().isEmpty()) {
            return snapshot;
        }
        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        snapshot.namespaces().forEach(namespace -> namespaces.put(namespace.name(), namespace));
        // Keyed by namespace and labels: two selectors that ask for the same labels name the same pods.
        Map<String, Workload> standIns = new TreeMap<>();
        for (NetworkPolicy policy : snapshot.policies()) {
            add(standIns, policy.namespace(), policy.podSelector(), ingressPorts(policy), policy.where());
        }
        for (NetworkPolicy policy : snapshot.policies()) {
            for (PolicyRule rule : concat(policy.ingress(), policy.egress())) {
                for (PolicyPeer peer : rule.peers()) {
                    for (String namespace : peerNamespaces(peer, policy.namespace(), namespaces)) {
                        add(standIns, namespace, peer.podSelector() == null ? LabelSelector.EVERYTHING : peer.podSelector(), List.of(),
                                rule.where());
                    }
                }
            }
        }
        if (standIns.isEmpty()) {
            return snapshot;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(snapshot.diagnostics());
        diagnostics.add(Diagnostic.note(SourceRef.of(snapshot.sourceName()), "no workload or pod was read, only policies: the "
                + standIns.size() + (standIns.size() == 1 ? " stand-in" : " stand-ins")
                + " drawn (\"pods with app=web\") stand for the pods the policies' selectors name, one per distinct selector, so that the"
                + " policies can be read. They are no real pods: add the workloads' manifests to see the cluster itself"));
        return new ClusterSnapshot(snapshot.sourceName(), new ArrayList<>(namespaces.values()), new ArrayList<>(standIns.values()),
                snapshot.services(), snapshot.policies(), snapshot.clusterPolicies(), diagnostics, snapshot.unevaluatedPolicyKinds(),
                snapshot.ciliumPolicies(), snapshot.calico(), snapshot.ingressRoutes(), snapshot.userDefinedNetworks());
    }

    /** Whether {@code workload} is a stand-in rather than pods the input describes. */
    static boolean isStandIn(Workload workload) {
        return workload.kind() == WorkloadKind.STAND_IN;
    }

    private static void add(Map<String, Workload> standIns, String namespace, LabelSelector selector, List<ContainerPort> ports,
            SourceRef where) {
        Map<String, String> labels = labelsFor(selector);
        if (labels == null) {
            return;
        }
        String key = namespace + "\u0000" + labels;
        Workload existing = standIns.get(key);
        if (existing != null) {
            if (!ports.isEmpty()) {
                TreeSet<String> seen = new TreeSet<>();
                List<ContainerPort> merged = new ArrayList<>();
                for (ContainerPort port : concat(existing.ports(), ports)) {
                    if (seen.add(port.port() + "/" + port.protocol())) {
                        merged.add(port);
                    }
                }
                standIns.put(key, withPorts(existing, merged));
            }
            return;
        }
        standIns.put(key, new Workload(namespace, name(selector), WorkloadKind.STAND_IN, 1, labels, ports, false, where));
    }

    private static Workload withPorts(Workload standIn, List<ContainerPort> ports) {
        return new Workload(standIn.namespace(), standIn.name(), standIn.kind(), 1, standIn.podLabels(), ports, false, standIn.where());
    }

    /** {@code all pods}, {@code pods with app=web}, {@code pods with tier in (api,web)}. */
    static String name(LabelSelector selector) {
        return selector.isEmpty() ? ALL_PODS : NAME_PREFIX + selector.display();
    }

    /**
     * The labels of a pod the selector matches and that carries nothing the selector does not ask
     * for: its {@code matchLabels}, the first value of each {@code In}, a value for each
     * {@code Exists}; null when no pod can match (a requirement contradicts another).
     */
    static Map<String, String> labelsFor(LabelSelector selector) {
        Map<String, String> labels = new TreeMap<>(selector.matchLabels());
        for (LabelRequirement requirement : selector.matchExpressions()) {
            switch (requirement.operator()) {
                case IN -> labels.putIfAbsent(requirement.key(), requirement.values().isEmpty() ? "" : requirement.values().get(0));
                case EXISTS -> labels.putIfAbsent(requirement.key(), "any");
                default -> {
                    // NotIn and DoesNotExist hold for a pod without the key.
                }
            }
        }
        return selector.matches(labels) ? labels : null;
    }

    /**
     * The namespaces whose pods a peer names: the policy's own for a pod selector alone; for a
     * namespace selector, the namespaces the input knows that it matches, and a namespace it names
     * by {@code kubernetes.io/metadata.name} that the input does not declare (added, as the loader
     * assumes any namespace it meets); none for the empty namespace selector (every namespace: no
     * pods in particular) or an ipBlock.
     */
    private static List<String> peerNamespaces(PolicyPeer peer, String policyNamespace, Map<String, Namespace> known) {
        if (peer.ipBlock() != null) {
            return List.of();
        }
        if (peer.namespaceSelector() == null) {
            return List.of(policyNamespace);
        }
        LabelSelector selector = peer.namespaceSelector();
        if (selector.isEmpty()) {
            return List.of();
        }
        String named = selector.matchLabels().get(Namespace.NAME_LABEL);
        if (named != null && !known.containsKey(named)) {
            Namespace assumed = new Namespace(named, Map.of(), true, SourceRef.NONE);
            if (selector.matches(assumed.labels())) {
                known.put(named, assumed);
            }
        }
        List<String> names = new ArrayList<>();
        for (Namespace namespace : known.values()) {
            if (selector.matches(namespace.labels())) {
                names.add(namespace.name());
            }
        }
        return names;
    }

    /**
     * The numeric ports the policy's ingress rules admit, as the stand-in's container ports: the
     * ports its pods are there to serve, so that the picture can show who may and who may not
     * reach them. Named ports are left out: no manifest says which number they stand for.
     */
    private static List<ContainerPort> ingressPorts(NetworkPolicy policy) {
        List<ContainerPort> ports = new ArrayList<>();
        for (PolicyRule rule : policy.ingress()) {
            for (PolicyPort port : rule.ports()) {
                if (port.port() != null && port.port().number() != null && port.endPort() == null) {
                    ports.add(new ContainerPort(null, port.port().number(), port.protocol()));
                }
            }
        }
        return ports;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

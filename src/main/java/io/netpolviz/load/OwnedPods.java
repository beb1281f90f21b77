package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.PodVariant;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides what a workload's node stands for from its pods' own labels: "podSelector ... selects
 * particular Pods" by the pods' labels (NetworkPolicy v1 API reference, NetworkPolicySpec), not by
 * the template's. Pods that carry the template's labels (and its ports and host-network setting)
 * stay the workload; pods that differ in something a policy can see become nodes of their own,
 * marked with a {@link PodVariant}, one per distinct difference. Controller labels no policy
 * names are left out, since they cannot change a verdict. Where the manifests give only the
 * template, a StatefulSet's replicas are made from it when a policy selects on their pod name or
 * index, which the manifest decides.
 */
final class OwnedPods {

    /** What tells two pods apart for the policies at hand. */
    private record Signature(Map<String, String> labels, Set<ContainerPort> ports, boolean hostNetwork, BitSet networks) {
    }

    private final Set<String> namedKeys;
    private final List<Cidr> networks;

    OwnedPods(Set<String> namedKeys, List<Cidr> networks) {
        this.namedKeys = Set.copyOf(namedKeys);
        this.networks = List.copyOf(networks);
    }

    /** Whether pods must be made from {@code owner}'s template to be told apart (see the class comment). */
    boolean needsReplicas(Workload owner) {
        return owner.kind() == WorkloadKind.STATEFUL_SET
                && (namedKeys.contains(ControllerLabels.STATEFULSET_POD_NAME) || namedKeys.contains(ControllerLabels.POD_INDEX));
    }

    /** A StatefulSet's replicas as its controller makes them: {@code <name>-<i>} with their pod name and index. */
    static List<Workload> replicasOf(Workload owner) {
        List<Workload> pods = new ArrayList<>();
        for (int i = 0; i < owner.replicas(); i++) {
            Map<String, String> labels = new TreeMap<>(owner.podLabels());
            labels.putAll(ControllerLabels.ofReplica(owner.name(), i));
            pods.add(new Workload(owner.namespace(), owner.name() + "-" + i, WorkloadKind.POD, 1, labels, owner.ports(),
                    owner.hostNetwork(), owner.where()));
        }
        return pods;
    }

    /**
     * The nodes that stand for {@code owner} and its {@code pods} (read as bare pods, in any order):
     * the owner itself, with the pods that match its template, then a node per other kind of pod.
     * With no pods the owner stands for its template. Notes for the pods shown apart go to {@code out}.
     */
    List<Workload> split(Workload owner, List<Workload> pods, List<Diagnostic> out) {
        Map<String, String> expected = new TreeMap<>(decisive(owner.podLabels()));
        expected.putAll(ControllerLabels.knownUniform(owner.kind(), owner.name(), namedKeys));
        if (pods.isEmpty()) {
            return List.of(expected.equals(owner.podLabels()) ? owner : new Workload(owner.namespace(), owner.name(), owner.kind(),
                    owner.replicas(), expected, owner.ports(), owner.hostNetwork(), owner.podAddresses(), owner.where()));
        }
        Map<Signature, List<Workload>> groups = new LinkedHashMap<>();
        pods.stream().sorted(Comparator.comparing(Workload::name))
                .forEach(pod -> groups.computeIfAbsent(signature(pod), k -> new ArrayList<>()).add(pod));
        Set<ContainerPort> templatePorts = new HashSet<>(owner.ports());
        Signature main = null;
        for (Map.Entry<Signature, List<Workload>> group : groups.entrySet()) {
            Signature signature = group.getKey();
            boolean asTemplated = signature.ports().equals(templatePorts) && signature.hostNetwork() == owner.hostNetwork()
                    && withoutUniform(signature.labels()).equals(withoutUniform(expected));
            if (asTemplated && (main == null || group.getValue().size() > groups.get(main).size())) {
                main = signature;
            }
        }
        // The pods read may be fewer than the workload runs (a trimmed dump) or more (a DaemonSet,
        // whose template stands for one pod per node): the workload keeps what its pods shown apart
        // leave of its replicas, and at least the pods read that match its template.
        List<Workload> members = main == null ? List.of() : groups.get(main);
        int apart = pods.size() - members.size();
        int replicas = Math.max(members.size(), owner.replicas() - apart);
        List<Workload> nodes = new ArrayList<>();
        if (replicas > 0) {
            nodes.add(new Workload(owner.namespace(), owner.name(), owner.kind(), replicas, main == null ? expected : main.labels(),
                    owner.ports(), owner.hostNetwork(), addresses(members), names(members), null, owner.where()));
        }
        for (Map.Entry<Signature, List<Workload>> group : groups.entrySet()) {
            if (group.getKey().equals(main)) {
                continue;
            }
            nodes.add(variant(owner, expected, templatePorts, main, group.getKey(), group.getValue(), out));
        }
        return nodes;
    }

    private Workload variant(Workload owner, Map<String, String> expected, Set<ContainerPort> templatePorts, Signature main,
            Signature signature, List<Workload> members, List<Diagnostic> out) {
        Map<String, String> added = new TreeMap<>();
        signature.labels().forEach((key, value) -> {
            if (!value.equals(expected.get(key))) {
                added.put(key, value);
            }
        });
        List<String> removed = expected.keySet().stream().filter(key -> !signature.labels().containsKey(key)).toList();
        boolean otherNetworks = main != null && !signature.networks().equals(main.networks());
        PodVariant variant = new PodVariant(owner.kind(), owner.name(), added, removed, !signature.ports().equals(templatePorts),
                signature.hostNetwork() != owner.hostNetwork(), otherNetworks);
        Workload first = members.get(0);
        Workload node = new Workload(owner.namespace(), first.name(), WorkloadKind.POD, members.size(), signature.labels(), first.ports(),
                first.hostNetwork(), addresses(members), names(members), variant, first.where());
        String pods = members.size() == 1 ? "pod " + first.name() + " differs"
                : members.size() + " pods (" + sample(members) + ") differ";
        out.add(Diagnostic.note(first.where().equals(SourceRef.NONE) ? owner.where() : first.where(), owner.kind().apiKind() + " " + owner.namespace()
                + "/" + owner.name() + ": its " + pods + " from its template: " + variant.difference()
                + ". Policies select pods by the pods' own labels, so " + (members.size() == 1 ? "it is" : "they are")
                + " evaluated and shown apart, as " + node.id()));
        return node;
    }

    private Signature signature(Workload pod) {
        BitSet hit = new BitSet(networks.size());
        for (int i = 0; i < networks.size(); i++) {
            for (IpAddress address : pod.podAddresses()) {
                if (networks.get(i).contains(address)) {
                    hit.set(i);
                }
            }
        }
        return new Signature(decisive(pod.podLabels()), new HashSet<>(pod.ports()), pod.hostNetwork(), hit);
    }

    /** The labels a policy can see a difference in: controller labels count only where a policy names them. */
    private Map<String, String> decisive(Map<String, String> labels) {
        Map<String, String> kept = new TreeMap<>();
        labels.forEach((key, value) -> {
            if (!ControllerLabels.isControllerKey(key) || namedKeys.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static Map<String, String> withoutUniform(Map<String, String> labels) {
        Map<String, String> kept = new TreeMap<>(labels);
        kept.keySet().removeIf(ControllerLabels::isUniform);
        return kept;
    }

    private static List<IpAddress> addresses(List<Workload> pods) {
        return pods.stream().flatMap(pod -> pod.podAddresses().stream()).toList();
    }

    private static List<String> names(List<Workload> pods) {
        return pods.stream().map(Workload::name).toList();
    }

    private static String sample(List<Workload> pods) {
        List<String> names = names(pods);
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + ", …";
    }
}

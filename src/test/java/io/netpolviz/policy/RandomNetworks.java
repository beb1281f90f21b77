package io.netpolviz.policy;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.UserDefinedNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Puts a random cluster's namespaces on OVN-Kubernetes primary networks: most carry the label a
 * primary network needs, one (always labelled) gets a UserDefinedNetwork of its own, and a ClusterUserDefinedNetwork
 * takes those of one {@code env} value; the rest (and those without the label) stay on the pod network.
 */
final class RandomNetworks {

    private RandomNetworks() {
    }

    static ClusterSnapshot addTo(ClusterSnapshot snapshot, Random random) {
        List<Namespace> namespaces = new ArrayList<>();
        String own = snapshot.namespaces().get(random.nextInt(snapshot.namespaces().size())).name();
        for (Namespace namespace : snapshot.namespaces()) {
            Map<String, String> labels = new HashMap<>(namespace.labels());
            if (namespace.name().equals(own) || random.nextInt(4) != 0) {
                labels.put(UserDefinedNetwork.PRIMARY_LABEL, "");
            }
            namespaces.add(new Namespace(namespace.name(), labels, false, SourceRef.NONE));
        }
        List<UserDefinedNetwork> networks = new ArrayList<>();
        networks.add(new UserDefinedNetwork(own, "own", "Layer2", true, null, SourceRef.NONE));
        String env = namespaces.get(random.nextInt(namespaces.size())).labels().get("env");
        if (env != null) {
            networks.add(new UserDefinedNetwork(null, "tenant", "Layer3", true, LabelSelector.ofLabels(Map.of("env", env)), SourceRef.NONE));
        }
        return new ClusterSnapshot(snapshot.sourceName(), namespaces, snapshot.workloads(), snapshot.services(), snapshot.policies(),
                snapshot.clusterPolicies(), snapshot.diagnostics(), snapshot.unevaluatedPolicyKinds(), snapshot.ciliumPolicies(),
                snapshot.calico(), snapshot.ingressRoutes(), networks);
    }
}

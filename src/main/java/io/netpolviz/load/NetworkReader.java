package io.netpolviz.load;

import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.UserDefinedNetwork;
import java.util.Map;

/**
 * Reads an OVN-Kubernetes UserDefinedNetwork or ClusterUserDefinedNetwork ({@code k8s.ovn.org/v1})
 * into what decides pod traffic: its topology, whether its role is Primary, and a ClusterUDN's
 * namespaceSelector. Checked as the CRD's validation and netpol-analyzer's {@code CheckFieldsValidity}
 * check it: {@code topology} is {@code Layer2} or {@code Layer3}, the matching {@code layer2}/{@code layer3}
 * is set and the other is not, its {@code role} is {@code Primary} or {@code Secondary}; a
 * UserDefinedNetwork is never named {@code default}.
 */
final class NetworkReader {

    private NetworkReader() {
    }

    static UserDefinedNetwork read(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where) {
        boolean cluster = kind.equals(UserDefinedNetwork.CLUSTER_KIND);
        FieldPath specPath = FieldPath.ROOT.field("spec");
        Map<?, ?> spec = reader.mapping(object.get("spec"), specPath, null);
        if (spec == null) {
            reader.error(specPath, kind + " needs spec" + (cluster ? ".network" : "") + " with topology and its layer2 or layer3 settings");
            return null;
        }
        if (!cluster && "default".equals(meta.name())) {
            reader.error(FieldPath.ROOT.field("metadata").field("name"), "a UserDefinedNetwork must not be named default; choose another name");
        }
        LabelSelector namespaces = null;
        FieldPath networkPath = specPath;
        Map<?, ?> network = spec;
        if (cluster) {
            namespaces = SelectorReader.read(reader, spec.get("namespaceSelector"), specPath.field("namespaceSelector"), true);
            networkPath = specPath.field("network");
            network = reader.mapping(spec.get("network"), networkPath, "{topology: Layer2, layer2: {role: Primary, subnets: [10.100.0.0/16]}}");
            if (network == null) {
                reader.error(networkPath, "a ClusterUserDefinedNetwork needs spec.network with topology and its layer2 or layer3 settings");
                return null;
            }
        }
        String topology = reader.string(network.get("topology"), networkPath.field("topology"));
        if (!"Layer2".equals(topology) && !"Layer3".equals(topology)) {
            reader.error(networkPath.field("topology"), "topology must be Layer2 or Layer3, not " + (topology == null ? "missing" : "\"" + topology + "\""));
            return null;
        }
        String layer = topology.equals("Layer2") ? "layer2" : "layer3";
        String other = topology.equals("Layer2") ? "layer3" : "layer2";
        if (network.get(other) != null) {
            reader.error(networkPath.field(other), other + " is set, but topology is " + topology + "; set " + layer + " only");
        }
        Map<?, ?> settings = reader.mapping(network.get(layer), networkPath.field(layer), "{role: Primary, subnets: [10.100.0.0/16]}");
        if (settings == null) {
            reader.error(networkPath.field(layer), "topology " + topology + " needs " + layer + " with its role (Primary or Secondary)");
            return null;
        }
        String role = reader.string(settings.get("role"), networkPath.field(layer).field("role"));
        if (!"Primary".equals(role) && !"Secondary".equals(role)) {
            reader.error(networkPath.field(layer).field("role"), "role must be Primary or Secondary, not " + (role == null ? "missing" : "\"" + role + "\""));
            return null;
        }
        return new UserDefinedNetwork(cluster ? null : meta.namespace(), meta.name(), topology, role.equals("Primary"),
                namespaces == null ? LabelSelector.EVERYTHING : namespaces, where);
    }
}

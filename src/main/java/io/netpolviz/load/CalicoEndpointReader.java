package io.netpolviz.load;

import io.netpolviz.model.CalicoHostEndpoint;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.SourceRef;
import java.util.Map;

/**
 * Reads what Calico's rules select besides pods (docs.tigera.io resource reference): a
 * {@code GlobalNetworkSet} or {@code NetworkSet}'s labels and {@code spec.nets}, and a
 * {@code HostEndpoint}'s labels (its interface and addresses belong to a node, which the picture
 * does not show).
 */
final class CalicoEndpointReader {

    private CalicoEndpointReader() {
    }

    static CalicoNetworkSet readNetworkSet(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where) {
        reader.onlyFields(object, FieldPath.ROOT, "a Calico " + kind, "apiVersion", "kind", "metadata", "spec");
        Map<?, ?> spec = CalicoReader.orEmpty(reader.mapping(object.get("spec"), CalicoReader.SPEC, "{nets: [203.0.113.0/24]}"));
        reader.onlyFields(spec, CalicoReader.SPEC, "a " + kind + " spec", "nets", "allowedEgressDomains");
        if (spec.get("allowedEgressDomains") != null) {
            reader.warning(CalicoReader.SPEC.field("allowedEgressDomains"), "allowedEgressDomains are domain names that only the"
                    + " running data plane resolves; rules that select this set are evaluated with its nets only");
        }
        var nets = CalicoRuleReader.nets(reader, spec.get("nets"), CalicoReader.SPEC.field("nets"));
        return new CalicoNetworkSet(kind.equals(CalicoNetworkSet.GLOBAL) ? null : meta.namespace(), meta.name(), meta.labels(), nets, where);
    }

    static CalicoHostEndpoint readHostEndpoint(ObjectReader reader, Map<?, ?> object, ObjectMeta meta, SourceRef where) {
        reader.onlyFields(object, FieldPath.ROOT, "a Calico HostEndpoint", "apiVersion", "kind", "metadata", "spec", "status");
        Map<?, ?> spec = CalicoReader.orEmpty(reader.mapping(object.get("spec"), CalicoReader.SPEC, "{node: node-1, interfaceName: eth0}"));
        reader.onlyFields(spec, CalicoReader.SPEC, "a HostEndpoint spec", "node", "interfaceName", "expectedIPs", "profiles", "ports");
        return new CalicoHostEndpoint(meta.name(), meta.labels(), where);
    }
}

package io.netpolviz.load;

import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.CiliumSpec;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code cilium.io/v2} CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy objects: the
 * {@code spec} and each entry of {@code specs}, their endpoint or node selector,
 * {@code enableDefaultDeny}, and the four rule lists (read by {@link CiliumRuleReader}).
 * Field names follow Cilium's {@code api.Rule} (https://docs.cilium.io/en/stable/security/policy/language/).
 * The caller leaves the policy out when the reader holds an error.
 */
final class CiliumPolicyReader {

    private static final List<String> SPEC_FIELDS = List.of("endpointSelector", "nodeSelector", "ingress", "egress", "ingressDeny",
            "egressDeny", "enableDefaultDeny", "description", "labels", "log");

    private CiliumPolicyReader() {
    }

    static CiliumPolicy read(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where, String sourceText) {
        reader.onlyFields(object, FieldPath.ROOT, "a " + kind, "apiVersion", "kind", "metadata", "spec", "specs", "status");
        String namespace = kind.equals(CiliumPolicy.NAMESPACED) && meta.namespace() != null ? meta.namespace() : "";
        List<CiliumSpec> specs = new ArrayList<>();
        if (object.get("spec") != null) {
            FieldPath path = FieldPath.ROOT.field("spec");
            Map<?, ?> spec = reader.mapping(object.get("spec"), path, "{endpointSelector: {}, ingress: [...]}");
            if (spec != null) {
                specs.add(spec(reader, spec, path, namespace));
            }
        }
        FieldPath specsPath = FieldPath.ROOT.field("specs");
        List<?> list = reader.list(object.get("specs"), specsPath, "[{endpointSelector: {}, ingress: [...]}]");
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Map<?, ?> spec = reader.mapping(list.get(i), specsPath.index(i), "{endpointSelector: {}, ingress: [...]}");
                if (spec != null) {
                    specs.add(spec(reader, spec, specsPath.index(i), namespace));
                }
            }
        }
        if (specs.isEmpty()) {
            reader.error(FieldPath.ROOT, "a " + kind + " needs spec (or specs) with an endpointSelector or nodeSelector");
        }
        return new CiliumPolicy(kind, namespace, meta.name(), specs, where, sourceText);
    }

    private static CiliumSpec spec(ObjectReader reader, Map<?, ?> spec, FieldPath path, String namespace) {
        reader.onlyFields(spec, path, "a Cilium policy spec", SPEC_FIELDS.toArray(String[]::new));
        boolean endpoints = spec.containsKey("endpointSelector");
        boolean nodes = spec.containsKey("nodeSelector");
        ClusterPolicySubject subject = new ClusterPolicySubject(LabelSelector.EVERYTHING, LabelSelector.EVERYTHING);
        if (endpoints == nodes) {
            reader.error(path, path + " must set exactly one of endpointSelector (pods) or nodeSelector (nodes), not "
                    + (endpoints ? "both" : "neither"));
        } else if (endpoints) {
            CiliumSelectors.Resolved resolved = CiliumSelectors.read(reader, spec.get("endpointSelector"), path.field("endpointSelector"),
                    namespace, true);
            subject = resolved.subject();
            if (resolved.runTime() != null) {
                reader.warning(path.field("endpointSelector"), path.field("endpointSelector") + " selects by " + resolved.runTime()
                        + ", which the manifests do not show; this spec is taken to select no pod");
                nodes = true;
            }
        } else {
            reader.note(path.field("nodeSelector"), path.field("nodeSelector") + " selects nodes (Cilium's host firewall), which are"
                    + " decided at run time; this spec governs no pod in the picture");
        }
        CiliumRuleReader rules = new CiliumRuleReader(reader, namespace);
        List<CiliumRule> ingress = rules.read(spec.get("ingress"), path.field("ingress"), PolicyType.INGRESS, false);
        List<CiliumRule> egress = rules.read(spec.get("egress"), path.field("egress"), PolicyType.EGRESS, false);
        List<CiliumRule> ingressDeny = rules.read(spec.get("ingressDeny"), path.field("ingressDeny"), PolicyType.INGRESS, true);
        List<CiliumRule> egressDeny = rules.read(spec.get("egressDeny"), path.field("egressDeny"), PolicyType.EGRESS, true);
        Boolean[] defaultDeny = defaultDeny(reader, spec.get("enableDefaultDeny"), path.field("enableDefaultDeny"));
        return new CiliumSpec(subject, nodes, ingress, egress, ingressDeny, egressDeny, defaultDeny[0], defaultDeny[1], reader.where(path));
    }

    /** {@code enableDefaultDeny: {ingress: bool, egress: bool}}: each null when unset. */
    private static Boolean[] defaultDeny(ObjectReader reader, Object value, FieldPath path) {
        Map<?, ?> map = reader.mapping(value, path, "{ingress: false, egress: true}");
        if (map == null) {
            return new Boolean[] {null, null};
        }
        reader.onlyFields(map, path, "enableDefaultDeny", "ingress", "egress");
        return new Boolean[] {reader.bool(map.get("ingress"), path.field("ingress")), reader.bool(map.get("egress"), path.field("egress"))};
    }
}

package io.netpolviz.load;

import io.netpolviz.model.CalicoHostEndpoint;
import io.netpolviz.model.CalicoNetworkSet;
import io.netpolviz.model.CalicoPolicy;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Calico's {@code NetworkPolicy}, {@code GlobalNetworkPolicy} and {@code Tier} (and, through
 * {@code CalicoEndpointReader}, its network sets and host endpoints)
 * ({@code projectcalico.org/v3}, and {@code crd.projectcalico.org/v1} as a cluster stores them)
 * as docs.tigera.io's resource reference describes them. Fields that only the running data plane
 * can decide are kept on the rule as "decided at run time"; staging, pre-DNAT and apply-on-forward
 * settings that concern host endpoints only are noted. The caller leaves the object out when
 * the reader holds an error.
 */
final class CalicoReader {

    static final FieldPath SPEC = FieldPath.ROOT.field("spec");

    private CalicoReader() {
    }

    static boolean isCalicoGroup(String apiVersion) {
        return apiVersion.equals("projectcalico.org/v3") || apiVersion.equals("crd.projectcalico.org/v1");
    }

    static boolean isReadKind(String kind) {
        return List.of("NetworkPolicy", "GlobalNetworkPolicy", "Tier", CalicoNetworkSet.GLOBAL, CalicoNetworkSet.NAMESPACED,
                CalicoHostEndpoint.KIND).contains(kind);
    }

    /** Whether objects of the kind live in a namespace. */
    static boolean namespaced(String kind) {
        return kind.equals(CalicoPolicy.NETWORK_POLICY) || kind.equals(CalicoNetworkSet.NAMESPACED);
    }

    /** The tier, policy, network set or host endpoint the object describes. */
    static Object read(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where, String text) {
        return switch (kind) {
            case "Tier" -> readTier(reader, object, meta, where);
            case CalicoNetworkSet.GLOBAL, CalicoNetworkSet.NAMESPACED -> CalicoEndpointReader.readNetworkSet(reader, object, kind, meta, where);
            case CalicoHostEndpoint.KIND -> CalicoEndpointReader.readHostEndpoint(reader, object, meta, where);
            default -> readPolicy(reader, object, kind, meta, where, text);
        };
    }

    static CalicoTier readTier(ObjectReader reader, Map<?, ?> object, ObjectMeta meta, SourceRef where) {
        reader.onlyFields(object, FieldPath.ROOT, "a Tier", "apiVersion", "kind", "metadata", "spec", "status");
        Map<?, ?> spec = orEmpty(reader.mapping(object.get("spec"), SPEC, "{order: 100}"));
        reader.onlyFields(spec, SPEC, "a Tier spec", "order", "defaultAction");
        Double order = order(reader, spec.get("order"), SPEC.field("order"));
        String action = reader.string(spec.get("defaultAction"), SPEC.field("defaultAction"));
        RuleAction defaultAction = RuleAction.DENY;
        if ("Pass".equals(action)) {
            defaultAction = RuleAction.PASS;
        } else if (action != null && !action.equals("Deny")) {
            reader.error(SPEC.field("defaultAction"), SPEC.field("defaultAction") + " \"" + action
                    + "\" is not an action a tier takes; use Deny (the default) or Pass");
        }
        if (CalicoTier.DEFAULT.equals(meta.name()) && order != null && order != CalicoTier.DEFAULT_ORDER) {
            reader.warning(SPEC.field("order"), "Calico fixes the default tier's order at 1000000; this order is ignored");
            order = CalicoTier.DEFAULT_ORDER;
        }
        return new CalicoTier(meta.name(), order, defaultAction, where);
    }

    static CalicoPolicy readPolicy(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where, String text) {
        boolean global = kind.equals(CalicoPolicy.GLOBAL_NETWORK_POLICY);
        reader.onlyFields(object, FieldPath.ROOT, "a Calico " + kind, "apiVersion", "kind", "metadata", "spec", "status");
        Map<?, ?> spec = reader.mapping(object.get("spec"), SPEC, "{selector: app == 'db', ingress: [...]}");
        if (spec == null) {
            if (object.get("spec") == null) {
                reader.error(FieldPath.ROOT, "spec is missing; a Calico " + kind + " needs at least a selector and rules");
            }
            spec = Map.of();
        }
        List<String> fields = new java.util.ArrayList<>(List.of("tier", "order", "selector", "types", "ingress", "egress",
                "serviceAccountSelector", "performanceHints"));
        if (global) {
            fields.addAll(List.of("namespaceSelector", "doNotTrack", "preDNAT", "applyOnForward"));
        }
        reader.onlyFields(spec, SPEC, "a Calico " + kind + " spec", fields.toArray(String[]::new));
        String tier = reader.string(spec.get("tier"), SPEC.field("tier"));
        tier = tier == null || tier.isEmpty() ? CalicoTier.DEFAULT : tier;
        Double order = order(reader, spec.get("order"), SPEC.field("order"));
        CalicoSelector selector = selector(reader, spec.get("selector"), SPEC.field("selector"));
        CalicoSelector namespaces = spec.containsKey("namespaceSelector")
                ? selector(reader, spec.get("namespaceSelector"), SPEC.field("namespaceSelector")) : null;
        if (spec.get("serviceAccountSelector") != null) {
            reader.warning(SPEC.field("serviceAccountSelector"), "serviceAccountSelector is not evaluated: the manifests do not say"
                    + " which service account each pod runs as. The policy is taken to apply to every pod its selector picks");
        }
        for (String hostOnly : List.of("doNotTrack", "preDNAT", "applyOnForward")) {
            if (Boolean.TRUE.equals(spec.get(hostOnly))) {
                reader.note(SPEC.field(hostOnly), hostOnly + " concerns host endpoints, which NetPolViz does not show; pod traffic"
                        + " is evaluated as usual");
            }
        }
        List<CalicoRule> ingress = CalicoRuleReader.rules(reader, spec.get("ingress"), SPEC.field("ingress"));
        List<CalicoRule> egress = CalicoRuleReader.rules(reader, spec.get("egress"), SPEC.field("egress"));
        Set<PolicyType> types = types(reader, spec.get("types"), !ingress.isEmpty(), !egress.isEmpty());
        return new CalicoPolicy(kind, global ? null : meta.namespace(), meta.name(), tier, order, selector, namespaces, types, ingress,
                egress, where, text);
    }

    /**
     * docs.tigera.io, NetworkPolicy spec: types defaults to "Ingress" when there are no egress
     * rules, "Egress" when there are egress rules but no ingress rules, both when there are both.
     */
    private static Set<PolicyType> types(ObjectReader reader, Object value, boolean hasIngress, boolean hasEgress) {
        FieldPath path = SPEC.field("types");
        List<?> items = reader.list(value, path, "[Ingress, Egress]");
        if (items == null) {
            if (hasEgress && !hasIngress) {
                return EnumSet.of(PolicyType.EGRESS);
            }
            return hasEgress ? EnumSet.of(PolicyType.INGRESS, PolicyType.EGRESS) : EnumSet.of(PolicyType.INGRESS);
        }
        Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if ("Ingress".equals(item)) {
                types.add(PolicyType.INGRESS);
            } else if ("Egress".equals(item)) {
                types.add(PolicyType.EGRESS);
            } else {
                reader.error(path.index(i), path.index(i) + " is " + ObjectReader.describe(item) + "; use Ingress or Egress");
            }
        }
        return types;
    }

    static CalicoSelector selector(ObjectReader reader, Object value, FieldPath path) {
        if (value == null) {
            return CalicoSelector.ALL;
        }
        String text = reader.string(value, path);
        if (text == null) {
            return CalicoSelector.ALL;
        }
        try {
            return CalicoSelector.parse(text);
        } catch (CalicoSelector.SyntaxError e) {
            reader.error(path, path + " \"" + text + "\" is not a Calico selector, " + e.getMessage()
                    + ". Write it like app == 'db' && !has(debug)");
            return CalicoSelector.ALL;
        }
    }

    private static Double order(ObjectReader reader, Object value, FieldPath path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        reader.error(path, path + " must be a number (lower decides first), not " + ObjectReader.describe(value));
        return null;
    }

    static Map<?, ?> orEmpty(Map<?, ?> map) {
        return map == null ? Map.of() : map;
    }
}

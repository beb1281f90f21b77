package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterPolicyPeer;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicyRule;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.RuleAction;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the network-policy-api project's cluster-wide policies and validates them as their CRDs'
 * schemas do (kubernetes-sigs/network-policy-api {@code apis/v1alpha1} and {@code apis/v1alpha2}):
 * priority 0..1000, exactly one subject form, exactly one field per peer and per port, the
 * actions each version accepts, the rule limits, the BaselineAdminNetworkPolicy's one name.
 * The caller leaves the policy out when the reader holds an error.
 */
final class ClusterPolicyReader {

    private static final FieldPath SPEC = FieldPath.ROOT.field("spec");
    /** The CRDs' pattern for a domain name peer. */
    private static final Pattern DOMAIN_NAME =
            Pattern.compile("^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$");

    /** What differs between the three kinds. */
    private record Version(String kind, boolean hasTier, boolean hasPriority, int maxRules, List<String> actions, String portsField) {
    }

    private static final Version CNP = new Version(ClusterPolicy.CLUSTER_NETWORK_POLICY, true, true, 25,
            List.of("Accept", "Deny", "Pass"), "protocols");
    private static final Version ANP = new Version(ClusterPolicy.ADMIN_NETWORK_POLICY, false, true, 100,
            List.of("Allow", "Deny", "Pass"), "ports");
    private static final Version BANP = new Version(ClusterPolicy.BASELINE_ADMIN_NETWORK_POLICY, false, false, 100,
            List.of("Allow", "Deny"), "ports");

    private ClusterPolicyReader() {
    }

    static ClusterPolicy read(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where, String sourceText) {
        Version version = switch (kind) {
            case ClusterPolicy.CLUSTER_NETWORK_POLICY -> CNP;
            case ClusterPolicy.ADMIN_NETWORK_POLICY -> ANP;
            default -> BANP;
        };
        reader.onlyFields(object, FieldPath.ROOT, "a " + kind, "apiVersion", "kind", "metadata", "spec", "status");
        if (version == BANP && meta.name() != null && !meta.name().equals("default")) {
            reader.error(ObjectMeta.PATH.field("name"), "a BaselineAdminNetworkPolicy must be named \"default\" (the cluster has"
                    + " only one); the API server rejects \"" + meta.name() + "\". Rename it to default");
        }
        Map<?, ?> spec = reader.mapping(object.get("spec"), SPEC, "{priority: 10, subject: {namespaces: {}}, ingress: [...]}");
        if (spec == null) {
            if (object.get("spec") == null) {
                reader.error(FieldPath.ROOT, "spec is missing; a " + kind + " needs at least a subject");
            }
            spec = Map.of();
        }
        List<String> fields = new ArrayList<>(List.of("subject", "ingress", "egress"));
        if (version.hasTier()) {
            fields.add("tier");
        }
        if (version.hasPriority()) {
            fields.add("priority");
        }
        reader.onlyFields(spec, SPEC, "a " + kind + " spec", fields.toArray(String[]::new));
        PolicyTier tier = tier(reader, spec, version);
        int priority = version.hasPriority() ? priority(reader, spec.get("priority")) : 0;
        ClusterPolicySubject subject = subject(reader, spec.get("subject"), SPEC.field("subject"), version);
        List<ClusterPolicyRule> ingress = rules(reader, spec.get("ingress"), SPEC.field("ingress"), PolicyType.INGRESS, version);
        List<ClusterPolicyRule> egress = rules(reader, spec.get("egress"), SPEC.field("egress"), PolicyType.EGRESS, version);
        return new ClusterPolicy(kind, meta.name(), tier, priority, subject, ingress, egress, where, sourceText);
    }

    private static PolicyTier tier(ObjectReader reader, Map<?, ?> spec, Version version) {
        if (!version.hasTier()) {
            return version == BANP ? PolicyTier.BASELINE : PolicyTier.ADMIN;
        }
        FieldPath path = SPEC.field("tier");
        String text = reader.string(spec.get("tier"), path);
        if (text == null) {
            if (spec.get("tier") == null) {
                reader.error(SPEC, path + " is missing; write tier: Admin (decides before NetworkPolicies) or tier: Baseline"
                        + " (decides after them)");
            }
            return PolicyTier.ADMIN;
        }
        for (PolicyTier tier : PolicyTier.values()) {
            if (tier.apiName().equals(text)) {
                return tier;
            }
        }
        reader.error(path, path + " \"" + text + "\" is not a tier; use Admin or Baseline (case-sensitive)");
        return PolicyTier.ADMIN;
    }

    private static int priority(ObjectReader reader, Object value) {
        FieldPath path = SPEC.field("priority");
        if (value == null) {
            reader.error(SPEC, path + " is missing; give a number from 0 to 1000 (lower decides first)");
            return 0;
        }
        Integer priority = reader.int32(value, path);
        if (priority == null) {
            return 0;
        }
        if (priority < 0 || priority > 1000) {
            reader.error(path, path + " is " + priority + "; the API server accepts 0 to 1000 (lower decides first)");
        }
        return priority;
    }

    private static ClusterPolicySubject subject(ObjectReader reader, Object value, FieldPath path, Version version) {
        Map<?, ?> subject = reader.mapping(value, path, "{namespaces: {matchLabels: {env: prod}}}");
        if (subject == null) {
            if (value == null) {
                reader.error(SPEC, path + " is missing; say which pods the policy applies to, like subject: {namespaces: {}}");
            }
            return new ClusterPolicySubject(LabelSelector.EVERYTHING, null);
        }
        reader.onlyFields(subject, path, "a subject", "namespaces", "pods");
        if (subject.size() != 1) {
            reader.error(path, path + " must set exactly one of namespaces or pods, not " + (subject.isEmpty() ? "none" : "both"));
            return new ClusterPolicySubject(LabelSelector.EVERYTHING, null);
        }
        if (subject.containsKey("namespaces")) {
            return new ClusterPolicySubject(selector(reader, subject.get("namespaces"), path.field("namespaces")), null);
        }
        LabelSelector[] pods = namespacedPod(reader, subject.get("pods"), path.field("pods"), version);
        return new ClusterPolicySubject(pods[0], pods[1]);
    }

    /** A present selector ({@code {}} when written empty or null). */
    private static LabelSelector selector(ObjectReader reader, Object value, FieldPath path) {
        LabelSelector selector = SelectorReader.read(reader, value, path, true);
        return selector == null ? LabelSelector.EVERYTHING : selector;
    }

    /**
     * {@code {namespaceSelector, podSelector}}: the pod selector is required; so is the namespace selector in
     * v1alpha1 (its CRD lists both as required), while v1alpha2 marks it optional (default {@code {}}).
     * A missing required selector is a warning, not a lost policy: the API server would refuse the
     * object, but what its author meant is plain, and Go tools (netpol-analyzer among them) read the
     * missing field as its zero value, the empty selector, so NetPolViz reads it as {@code {}} too.
     */
    private static LabelSelector[] namespacedPod(ObjectReader reader, Object value, FieldPath path, Version version) {
        Map<?, ?> pods = reader.mapping(value, path, "{namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}");
        if (pods == null) {
            pods = Map.of();
        }
        reader.onlyFields(pods, path, "a pods selection", "namespaceSelector", "podSelector");
        if (!pods.containsKey("podSelector")) {
            reader.warning(path, path + ".podSelector is missing: the API server refuses this policy, as the field is required."
                    + " Read here as podSelector: {} (every pod), as Go tools such as netpol-analyzer read it; write podSelector: {}"
                    + " to make that so");
        }
        if (version != CNP && !pods.containsKey("namespaceSelector")) {
            reader.warning(path, path + ".namespaceSelector is missing: the API server refuses this policy, as the v1alpha1 API requires"
                    + " it. Read here as namespaceSelector: {} (every namespace), as Go tools such as netpol-analyzer read it; write"
                    + " namespaceSelector: {} to make that so");
        }
        return new LabelSelector[] {
            selector(reader, pods.get("namespaceSelector"), path.field("namespaceSelector")),
            selector(reader, pods.get("podSelector"), path.field("podSelector"))};
    }

    private static List<ClusterPolicyRule> rules(ObjectReader reader, Object value, FieldPath path, PolicyType direction,
            Version version) {
        List<?> items = reader.list(value, path, "[{name: deny-staging, action: Deny, from: [{namespaces: {}}]}]");
        List<ClusterPolicyRule> rules = new ArrayList<>();
        if (items == null) {
            return rules;
        }
        if (items.size() > version.maxRules()) {
            reader.error(path, path + " has " + items.size() + " rules; a " + version.kind() + " may have at most "
                    + version.maxRules() + " per direction. Split it into several policies");
        }
        String peersField = direction == PolicyType.INGRESS ? "from" : "to";
        for (int i = 0; i < items.size(); i++) {
            FieldPath rulePath = path.index(i);
            Map<?, ?> rule = reader.mapping(items.get(i), rulePath, "{action: Deny, " + peersField + ": [{namespaces: {}}]}");
            if (rule == null) {
                if (items.get(i) == null) {
                    reader.error(rulePath, rulePath + " is empty; a rule needs an action and " + peersField);
                }
                continue;
            }
            reader.onlyFields(rule, rulePath, "a " + version.kind() + " rule", "name", "action", peersField, version.portsField());
            String name = reader.string(rule.get("name"), rulePath.field("name"));
            if (name != null && name.length() > 100) {
                reader.error(rulePath.field("name"), rulePath.field("name") + " is " + name.length()
                        + " characters long; the API server accepts at most 100");
            }
            RuleAction action = action(reader, rule.get("action"), rulePath, version);
            List<ClusterPolicyPeer> peers = peers(reader, rule.get(peersField), rulePath.field(peersField), direction, version);
            List<ClusterPolicyPort> ports = version == CNP
                    ? ClusterPolicyPorts.protocols(reader, rule.get("protocols"), rulePath.field("protocols"))
                    : ClusterPolicyPorts.ports(reader, rule.get("ports"), rulePath.field("ports"));
            boolean namedPorts = ports.stream().anyMatch(ClusterPolicyPort::isNamed);
            boolean addressPeers = peers.stream().anyMatch(peer -> peer.form() == ClusterPolicyPeer.Form.NETWORKS || peer.undecidable());
            if (namedPorts && addressPeers) {
                reader.error(rulePath, rulePath + " combines a named port with networks, nodes or domainNames peers, which have no"
                        + " named ports; the API server rejects it. Use port numbers, or move those peers to a rule of their own");
            }
            boolean domainNames = peers.stream().anyMatch(peer -> peer.form() == ClusterPolicyPeer.Form.DOMAIN_NAMES);
            if (domainNames && action != RuleAction.ALLOW) {
                reader.error(rulePath, rulePath + " uses domainNames with action " + rule.get("action")
                        + "; domainNames are accepted only in Accept/Allow rules");
            }
            if (action != null) {
                rules.add(new ClusterPolicyRule(name, action, peers, ports, reader.where(rulePath)));
            }
        }
        return rules;
    }

    private static RuleAction action(ObjectReader reader, Object value, FieldPath rulePath, Version version) {
        FieldPath path = rulePath.field("action");
        String text = reader.string(value, path);
        String choices = String.join(", ", version.actions());
        if (text == null) {
            if (value == null) {
                reader.error(rulePath, path + " is missing; use one of " + choices);
            }
            return null;
        }
        if (!version.actions().contains(text)) {
            String article = version.kind().startsWith("A") ? "an " : "a ";
            reader.error(path, path + " \"" + text + "\" is not an action of " + article + version.kind() + "; use one of " + choices
                    + " (case-sensitive)");
            return null;
        }
        return switch (text) {
            case "Deny" -> RuleAction.DENY;
            case "Pass" -> RuleAction.PASS;
            default -> RuleAction.ALLOW;
        };
    }

    private static List<ClusterPolicyPeer> peers(ObjectReader reader, Object value, FieldPath path, PolicyType direction, Version version) {
        List<?> items = reader.list(value, path, "[{namespaces: {matchLabels: {env: staging}}}]");
        List<ClusterPolicyPeer> peers = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            reader.error(path, path + " is " + (items == null ? "missing" : "empty")
                    + "; a rule needs at least one peer (namespaces: {} matches every pod)");
            return peers;
        }
        if (items.size() > 25 && version == CNP || items.size() > 100) {
            reader.error(path, path + " has " + items.size() + " peers; the API server accepts at most " + (version == CNP ? 25 : 100));
        }
        List<String> forms = new ArrayList<>(List.of("namespaces", "pods"));
        if (direction == PolicyType.EGRESS) {
            forms.addAll(List.of("networks", "nodes"));
            if (version != BANP) {
                forms.add("domainNames");
            }
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath peerPath = path.index(i);
            Map<?, ?> peer = reader.mapping(items.get(i), peerPath, "{namespaces: {}}");
            if (peer == null) {
                if (items.get(i) == null) {
                    reader.error(peerPath, peerPath + " is empty; set one of " + String.join(", ", forms));
                }
                continue;
            }
            reader.onlyFields(peer, peerPath, "a peer", forms.toArray(String[]::new));
            if (peer.size() != 1) {
                reader.error(peerPath, peerPath + " must set exactly one of " + String.join(", ", forms) + ", not "
                        + (peer.isEmpty() ? "none" : peer.size()) + "; write two peers to match both");
                continue;
            }
            String form = String.valueOf(peer.keySet().iterator().next());
            FieldPath formPath = peerPath.field(form);
            Object formValue = peer.get(form);
            switch (form) {
                case "namespaces" -> peers.add(ClusterPolicyPeer.namespaces(selector(reader, formValue, formPath)));
                case "pods" -> {
                    LabelSelector[] pods = namespacedPod(reader, formValue, formPath, version);
                    peers.add(ClusterPolicyPeer.pods(pods[0], pods[1]));
                }
                case "nodes" -> peers.add(ClusterPolicyPeer.nodes(selector(reader, formValue, formPath)));
                case "networks" -> peers.add(ClusterPolicyPeer.networks(networks(reader, formValue, formPath)));
                case "domainNames" -> peers.add(ClusterPolicyPeer.domainNames(domainNames(reader, formValue, formPath)));
                default -> {
                    // onlyFields has reported it.
                }
            }
        }
        return peers;
    }

    private static List<Cidr> networks(ObjectReader reader, Object value, FieldPath path) {
        List<Cidr> networks = new ArrayList<>();
        for (String text : strings(reader, value, path, "[10.0.0.0/8]", "a CIDR like 10.0.0.0/8")) {
            Cidr cidr = Cidr.parse(text).orElse(null);
            if (cidr == null) {
                reader.error(path, path + " \"" + text + "\" is not a valid CIDR; write an address and a prefix length, like"
                        + " 10.0.0.0/8 or fd00::/8");
            } else {
                networks.add(cidr);
            }
        }
        return networks;
    }

    private static List<String> domainNames(ObjectReader reader, Object value, FieldPath path) {
        List<String> names = strings(reader, value, path, "[\"*.example.com\"]", "a domain name like *.example.com");
        for (String name : names) {
            if (!DOMAIN_NAME.matcher(name).matches()) {
                reader.error(path, path + " \"" + name + "\" is not a domain name; write example.com or *.example.com");
            }
        }
        return names;
    }

    /** A list of 1 to 25 strings. */
    private static List<String> strings(ObjectReader reader, Object value, FieldPath path, String example, String what) {
        List<?> items = reader.list(value, path, example);
        List<String> out = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            reader.error(path, path + " is empty; give at least one " + what);
            return out;
        }
        if (items.size() > 25) {
            reader.error(path, path + " has " + items.size() + " entries; the API server accepts at most 25");
        }
        for (int i = 0; i < items.size(); i++) {
            String text = reader.string(items.get(i), path.index(i));
            if (text != null) {
                out.add(text);
            } else if (items.get(i) == null) {
                reader.error(path.index(i), path.index(i) + " is empty; write " + what);
            }
        }
        return out;
    }
}

package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.CiliumRule;
import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.ClusterPolicySubject;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the rules of one Cilium rule list ({@code ingress}, {@code egress}, {@code ingressDeny},
 * {@code egressDeny}). Peers the manifests can resolve become selectors, CIDRs and the entities
 * {@code world}/{@code cluster}/{@code all}; the rest ({@code toFQDNs}, {@code toServices},
 * other entities, nodes, CIDR groups) is kept as words and matches nothing in the picture, and
 * L7 rules and ICMP are kept as run-time filters on a verdict that L3/L4 decides.
 * See https://docs.cilium.io/en/stable/security/policy/language/.
 */
final class CiliumRuleReader {

    /** Entities the picture can draw; the others (host, remote-node, kube-apiserver, health...) are decided at run time. */
    private static final List<String> ENTITIES = List.of("world", "world-ipv4", "world-ipv6", "cluster", "all", "host", "remote-node",
            "kube-apiserver", "ingress", "health", "init", "unmanaged", "none");

    private final ObjectReader reader;
    private final String namespace;

    CiliumRuleReader(ObjectReader reader, String namespace) {
        this.reader = reader;
        this.namespace = namespace;
    }

    List<CiliumRule> read(Object value, FieldPath path, PolicyType direction, boolean deny) {
        List<?> items = reader.list(value, path, deny ? "[{fromEndpoints: [{matchLabels: {app: x}}]}]" : "[{fromEndpoints: [{}]}]");
        List<CiliumRule> rules = new ArrayList<>();
        if (items == null) {
            return rules;
        }
        boolean ingress = direction == PolicyType.INGRESS;
        String p = ingress ? "from" : "to";
        List<String> fields = new ArrayList<>(List.of(p + "Endpoints", p + "Requires", p + "CIDR", p + "CIDRSet", p + "Entities",
                p + "Groups", p + "Nodes", "toPorts", "icmps"));
        if (!ingress) {
            fields.add("toServices");
            if (!deny) {
                fields.add("toFQDNs");
            }
        }
        if (!deny) {
            fields.add("authentication");
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath rulePath = path.index(i);
            Map<?, ?> rule = reader.mapping(items.get(i), rulePath, "{" + p + "Endpoints: [{}]}");
            if (rule == null) {
                rule = Map.of();
            }
            reader.onlyFields(rule, rulePath, "a Cilium " + (ingress ? "ingress" : "egress") + (deny ? " deny" : "") + " rule",
                    fields.toArray(String[]::new));
            rules.add(rule(rule, rulePath, i, p, deny));
        }
        return rules;
    }

    private CiliumRule rule(Map<?, ?> rule, FieldPath path, int index, String p, boolean deny) {
        List<ClusterPolicySubject> endpoints = new ArrayList<>();
        List<IpBlock> cidrs = new ArrayList<>();
        List<String> runTimePeers = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        boolean[] entities = new boolean[2];
        boolean l3 = false;
        for (String field : List.of(p + "Endpoints", p + "CIDR", p + "CIDRSet", p + "Entities", p + "Groups", p + "Nodes", "toServices",
                "toFQDNs")) {
            List<?> list = reader.list(rule.get(field), path.field(field), "[...]");
            if (list == null || list.isEmpty()) {
                continue;
            }
            l3 = true;
            FieldPath fieldPath = path.field(field);
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                FieldPath itemPath = fieldPath.index(i);
                if (field.endsWith("Endpoints")) {
                    CiliumSelectors.Resolved resolved = CiliumSelectors.read(reader, item == null ? Map.of() : item, itemPath, namespace, false);
                    if (resolved.runTime() == null) {
                        endpoints.add(resolved.subject());
                    } else {
                        runTimePeers.add(field + " " + resolved.runTime());
                    }
                } else if (field.endsWith("CIDR")) {
                    Cidr cidr = cidr(reader.string(item, itemPath), itemPath);
                    if (cidr != null) {
                        cidrs.add(new IpBlock(cidr, List.of()));
                    }
                } else if (field.endsWith("CIDRSet")) {
                    cidrSet(item, itemPath, cidrs, runTimePeers);
                } else if (field.endsWith("Entities")) {
                    entity(reader.string(item, itemPath), itemPath, entities, cidrs, runTimePeers);
                } else {
                    runTimePeers.add(field + " " + words(item));
                }
            }
        }
        if (rule.get(p + "Requires") != null) {
            reader.warning(path.field(p + "Requires"), path.field(p + "Requires") + " adds requirements that NetPolViz does not"
                    + " evaluate; this rule is drawn without them, so it may match more than the cluster lets it");
            filters.add(p + "Requires (not evaluated)");
        }
        if (rule.get("icmps") != null) {
            filters.add("ICMP rules (ICMP is not drawn)");
        }
        if (rule.get("authentication") != null) {
            filters.add("mutual authentication");
        }
        List<ClusterPolicyPort> filtered = new ArrayList<>();
        List<ClusterPolicyPort> ports = CiliumPorts.read(reader, rule.get("toPorts"), path.field("toPorts"), deny, filters, filtered);
        if (rule.get("toFQDNs") instanceof List<?> names && !names.isEmpty()) {
            // Whatever else the rule names, the DNS names it allows are decided by Cilium's DNS proxy at run time.
            filtered = ports.isEmpty() ? CiliumPorts.every() : ports;
        }
        boolean hasPorts = rule.get("toPorts") instanceof List<?> list && !list.isEmpty();
        if (!hasPorts && !l3 && rule.get("icmps") == null && !deny) {
            reader.note(path, path + " has no peer and no port, so it allows nothing (Cilium's \"default deny\" rule): it only"
                    + " puts the endpoints it selects into default deny");
        }
        boolean anyPeer = !l3 && hasPorts;
        return new CiliumRule(index, anyPeer, endpoints, cidrs, entities[0], entities[1], runTimePeers, ports, filters, filtered,
                reader.where(path));
    }

    private void cidrSet(Object item, FieldPath path, List<IpBlock> cidrs, List<String> runTimePeers) {
        Map<?, ?> set = reader.mapping(item, path, "{cidr: 10.0.0.0/8, except: [10.96.0.0/12]}");
        if (set == null) {
            return;
        }
        reader.onlyFields(set, path, "a CIDR set", "cidr", "except", "cidrGroupRef", "cidrGroupSelector");
        if (set.get("cidr") == null) {
            runTimePeers.add("CIDR group " + words(set));
            return;
        }
        Cidr cidr = cidr(reader.string(set.get("cidr"), path.field("cidr")), path.field("cidr"));
        List<Cidr> except = new ArrayList<>();
        List<?> holes = reader.list(set.get("except"), path.field("except"), "[10.96.0.0/12]");
        if (holes != null) {
            for (int i = 0; i < holes.size(); i++) {
                Cidr hole = cidr(reader.string(holes.get(i), path.field("except").index(i)), path.field("except").index(i));
                if (hole != null && cidr != null && !cidr.contains(hole)) {
                    reader.error(path.field("except").index(i), path.field("except").index(i) + " " + hole.display() + " is not inside "
                            + cidr.display() + "; an except block must lie within its cidr");
                } else if (hole != null) {
                    except.add(hole);
                }
            }
        }
        if (cidr != null) {
            cidrs.add(new IpBlock(cidr, except));
        }
    }

    private void entity(String name, FieldPath path, boolean[] entities, List<IpBlock> cidrs, List<String> runTimePeers) {
        if (name == null) {
            return;
        }
        if (!ENTITIES.contains(name)) {
            reader.error(path, path + " \"" + name + "\" is not a Cilium entity; use one of " + String.join(", ", ENTITIES));
            return;
        }
        switch (name) {
            case "world" -> entities[0] = true;
            case "world-ipv4" -> cidrs.add(new IpBlock(Cidr.parse("0.0.0.0/0").orElseThrow(), List.of()));
            case "world-ipv6" -> cidrs.add(new IpBlock(Cidr.parse("::/0").orElseThrow(), List.of()));
            case "cluster" -> entities[1] = true;
            case "all" -> {
                entities[0] = true;
                entities[1] = true;
            }
            case "none" -> {
                // Matches nothing, by definition.
            }
            default -> runTimePeers.add("entity " + name);
        }
    }

    /** A CIDR, or a single address (Cilium accepts both), or null with an error. */
    private Cidr cidr(String text, FieldPath path) {
        if (text == null) {
            return null;
        }
        Cidr cidr = Cidr.parse(text).orElse(null);
        if (cidr == null) {
            IpAddress address = IpAddress.parse(text).orElse(null);
            if (address != null) {
                return Cidr.of(address, address.ipv6() ? 128 : 32);
            }
            reader.error(path, path + " \"" + text + "\" is not a CIDR; write an address and a prefix length, like 10.0.0.0/8");
        }
        return cidr;
    }

    /** A peer the picture cannot resolve, in words: a DNS name, a service, a node selector. */
    private static String words(Object item) {
        if (item instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((key, value) -> parts.add(key + ": " + words(value)));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(item);
    }
}

package io.netpolviz.load;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code networking.k8s.io/v1} NetworkPolicy and validates it field by field as the
 * API server does (strict field validation included). The caller leaves the policy out when
 * the reader holds an error: an invalid policy is never repaired into something else.
 */
final class PolicyReader {

    private static final FieldPath SPEC = FieldPath.ROOT.field("spec");

    private PolicyReader() {
    }

    static NetworkPolicy read(ObjectReader reader, Map<?, ?> object, ObjectMeta meta, SourceRef where, String sourceText) {
        reader.onlyFields(object, FieldPath.ROOT, "a NetworkPolicy", "apiVersion", "kind", "metadata", "spec", "status");
        Map<?, ?> spec = reader.mapping(object.get("spec"), SPEC, "{podSelector: {matchLabels: {app: web}}, ingress: [...]}");
        if (object.get("spec") == null) {
            reader.note(FieldPath.ROOT, "has no spec, so it selects every pod in namespace " + meta.namespace()
                    + " and, having no ingress rules, denies them all incoming traffic");
        }
        if (spec == null) {
            spec = Map.of();
        }
        reader.onlyFields(spec, SPEC, "a NetworkPolicy spec", "podSelector", "ingress", "egress", "policyTypes");
        LabelSelector podSelector = SelectorReader.read(reader, spec.get("podSelector"), SPEC.field("podSelector"), true);
        List<PolicyRule> ingress = rules(reader, spec.get("ingress"), SPEC.field("ingress"), "from", "an ingress rule", "source");
        List<PolicyRule> egress = rules(reader, spec.get("egress"), SPEC.field("egress"), "to", "an egress rule", "destination");
        List<PolicyType> policyTypes = policyTypes(reader, spec.get("policyTypes"), SPEC.field("policyTypes"));
        return new NetworkPolicy(meta.namespace(), meta.name(), podSelector == null ? LabelSelector.EVERYTHING : podSelector,
                policyTypes, ingress, egress, where, sourceText);
    }

    /** Absent and {@code []} both give no rules; a null item is the rule {@code {}}, as JSON decoding makes it. */
    private static List<PolicyRule> rules(ObjectReader reader, Object value, FieldPath path, String peersField, String what, String peerRole) {
        List<?> items = reader.list(value, path, "[{" + peersField + ": [{podSelector: {matchLabels: {app: web}}}]}]");
        List<PolicyRule> rules = new ArrayList<>();
        if (items == null) {
            return rules;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath rulePath = path.index(i);
            Map<?, ?> rule = reader.mapping(items.get(i), rulePath, "{" + peersField + ": [...], ports: [...]}");
            if (rule == null && items.get(i) != null) {
                continue;
            }
            if (rule == null) {
                rule = Map.of();
            }
            reader.onlyFields(rule, rulePath, what, peersField, "ports");
            List<PolicyPeer> peers = peers(reader, rule.get(peersField), rulePath.field(peersField), peerRole);
            List<PolicyPort> ports = ports(reader, rule.get("ports"), rulePath.field("ports"));
            rules.add(new PolicyRule(peers, ports, reader.where(rulePath)));
        }
        return rules;
    }

    private static List<PolicyPeer> peers(ObjectReader reader, Object value, FieldPath path, String peerRole) {
        List<?> items = reader.list(value, path, "[{podSelector: {matchLabels: {app: web}}}]");
        List<PolicyPeer> peers = new ArrayList<>();
        if (items == null) {
            return peers;
        }
        String leaveOut = "to allow every " + peerRole + ", leave out " + path.segments().get(path.segments().size() - 1) + " altogether";
        for (int i = 0; i < items.size(); i++) {
            FieldPath peerPath = path.index(i);
            Map<?, ?> peer = reader.mapping(items.get(i), peerPath, "{podSelector: {matchLabels: {app: web}}}");
            if (peer == null) {
                if (items.get(i) == null) {
                    reader.error(peerPath, peerPath + " is empty: a peer needs a podSelector, a namespaceSelector or an ipBlock; " + leaveOut);
                }
                continue;
            }
            reader.onlyFields(peer, peerPath, "a peer", "podSelector", "namespaceSelector", "ipBlock");
            LabelSelector pods = SelectorReader.read(reader, peer.get("podSelector"), peerPath.field("podSelector"), true);
            LabelSelector namespaces = SelectorReader.read(reader, peer.get("namespaceSelector"), peerPath.field("namespaceSelector"), true);
            IpBlock block = ipBlock(reader, peer.get("ipBlock"), peerPath.field("ipBlock"));
            boolean hasSelector = peer.get("podSelector") != null || peer.get("namespaceSelector") != null;
            boolean hasIpBlock = peer.get("ipBlock") != null;
            if (!hasSelector && !hasIpBlock) {
                reader.error(peerPath, peerPath + " is empty: a peer needs a podSelector, a namespaceSelector or an ipBlock; " + leaveOut);
            } else if (hasSelector && hasIpBlock) {
                reader.error(peerPath, peerPath + " combines ipBlock with a pod or namespace selector, which the API forbids;"
                        + " put the ipBlock in a peer of its own (a separate '-' entry)");
            } else if (hasIpBlock) {
                if (block != null) {
                    peers.add(new PolicyPeer(null, null, block));
                }
            } else {
                peers.add(new PolicyPeer(pods, namespaces, null));
            }
        }
        return peers;
    }

    private static IpBlock ipBlock(ObjectReader reader, Object value, FieldPath path) {
        Map<?, ?> block = reader.mapping(value, path, "{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}");
        if (block == null) {
            return null;
        }
        reader.onlyFields(block, path, "an ipBlock", "cidr", "except");
        FieldPath cidrPath = path.field("cidr");
        String cidrText = reader.string(block.get("cidr"), cidrPath);
        Cidr cidr = null;
        if (cidrText == null || cidrText.isEmpty()) {
            if (block.get("cidr") == null || "".equals(block.get("cidr"))) {
                reader.error(path, cidrPath + " is missing; write the address block like 10.0.0.0/8");
            }
        } else {
            cidr = Cidr.parse(cidrText).orElse(null);
            if (cidr == null) {
                reader.error(cidrPath, cidrPath + " \"" + cidrText + "\" is not a valid CIDR; write an address and a prefix length,"
                        + " like 10.0.0.0/8 or fd00::/8");
            }
        }
        FieldPath exceptPath = path.field("except");
        List<?> exceptItems = reader.list(block.get("except"), exceptPath, "[10.1.0.0/16]");
        List<Cidr> except = new ArrayList<>();
        if (exceptItems != null) {
            for (int i = 0; i < exceptItems.size(); i++) {
                FieldPath itemPath = exceptPath.index(i);
                String text = reader.string(exceptItems.get(i), itemPath);
                if (text == null) {
                    if (exceptItems.get(i) == null) {
                        reader.error(itemPath, itemPath + " is empty; write a CIDR like 10.1.0.0/16 or remove the entry");
                    }
                    continue;
                }
                Cidr hole = Cidr.parse(text).orElse(null);
                if (hole == null) {
                    reader.error(itemPath, itemPath + " \"" + text + "\" is not a valid CIDR; write an address and a prefix length,"
                            + " like 10.1.0.0/16");
                } else if (cidr != null && !(cidr.contains(hole) && hole.prefixLength() > cidr.prefixLength())) {
                    reader.error(itemPath, itemPath + " \"" + text + "\" is not strictly inside cidr " + cidrText
                            + "; each except block must be a smaller part of cidr");
                } else {
                    except.add(hole);
                }
            }
        }
        return cidr == null ? null : new IpBlock(cidr, except);
    }

    /** A null item is the port entry {@code {}}: every TCP port, as JSON decoding and defaulting make it. */
    private static List<PolicyPort> ports(ObjectReader reader, Object value, FieldPath path) {
        List<?> items = reader.list(value, path, "[{protocol: TCP, port: 8080}]");
        List<PolicyPort> ports = new ArrayList<>();
        if (items == null) {
            return ports;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath portPath = path.index(i);
            Map<?, ?> entry = reader.mapping(items.get(i), portPath, "{protocol: TCP, port: 8080}");
            if (entry == null) {
                if (items.get(i) == null) {
                    ports.add(new PolicyPort(Protocol.TCP, null, null));
                }
                continue;
            }
            reader.onlyFields(entry, portPath, "a policy port", "protocol", "port", "endPort");
            Protocol protocol = PortReader.protocol(reader, entry.get("protocol"), portPath.field("protocol"));
            PortRef port = PortReader.numberOrName(reader, entry.get("port"), portPath.field("port"));
            FieldPath endPortPath = portPath.field("endPort");
            Integer endPort = null;
            if (entry.get("endPort") != null) {
                if (entry.get("port") == null) {
                    reader.error(endPortPath, endPortPath + " needs a numeric port to start the range; add port or remove endPort");
                } else if (entry.get("port") instanceof String) {
                    reader.error(endPortPath, endPortPath + " cannot be combined with a named port; give port as a number");
                } else {
                    endPort = PortReader.portNumber(reader, entry.get("endPort"), endPortPath);
                    if (endPort != null && port != null && endPort < port.number()) {
                        reader.error(endPortPath, endPortPath + " " + endPort + " is smaller than port " + port.number()
                                + "; endPort must be greater than or equal to port");
                    }
                }
            }
            if (protocol != null) {
                ports.add(new PolicyPort(protocol, port, endPort));
            }
        }
        return ports;
    }

    /**
     * Null when absent. The API server defaults an empty list exactly like an absent one, so
     * {@code []} also gives null (with a note).
     */
    private static List<PolicyType> policyTypes(ObjectReader reader, Object value, FieldPath path) {
        List<?> items = reader.list(value, path, "[Ingress, Egress]");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            reader.note(path, path + " is empty, which the API server treats as if it were left out:"
                    + " Ingress, plus Egress when the policy has egress rules");
            return null;
        }
        if (items.size() > 2) {
            reader.error(path, path + " lists " + items.size() + " types; it may list at most two (Ingress and Egress)");
        }
        List<PolicyType> types = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FieldPath itemPath = path.index(i);
            String text = reader.string(items.get(i), itemPath);
            if (text == null) {
                if (items.get(i) == null) {
                    reader.error(itemPath, itemPath + " is empty; use Ingress or Egress");
                }
                continue;
            }
            PolicyType type = PolicyType.parse(text).orElse(null);
            if (type == null) {
                reader.error(itemPath, itemPath + " \"" + text + "\" is not a policy type; use Ingress or Egress (they are case-sensitive)");
            } else {
                types.add(type);
            }
        }
        return types;
    }
}

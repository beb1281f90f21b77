package io.netpolviz.load;

import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Cilium rule's {@code toPorts}: {@code ports: [{port, endPort, protocol}]} (protocol
 * TCP, UDP, SCTP or ANY, the default; port a number, 0 or absent for every port, or a named port)
 * and the L7 {@code rules} ({@code http}, {@code dns}, {@code kafka}...), which do not change the
 * L3/L4 verdict and are kept as words: they filter requests at run time.
 * See https://docs.cilium.io/en/stable/security/policy/language/ (Layer 4 and Layer 7 Examples).
 */
final class CiliumPorts {

    private static final List<Protocol> ANY = List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP);

    private CiliumPorts() {
    }

    /** Every port of every protocol, as an empty {@code ports} list means. */
    static List<ClusterPolicyPort> every() {
        return ANY.stream().map(protocol -> ClusterPolicyPort.range(protocol, 1, 65535)).toList();
    }

    /**
     * The ports of a rule's {@code toPorts}; adds to {@code filters} what filters them at run time and to
     * {@code filtered} the ports an L7 rule filters.
     */
    static List<ClusterPolicyPort> read(ObjectReader reader, Object value, FieldPath path, boolean deny, List<String> filters,
            List<ClusterPolicyPort> filtered) {
        List<?> items = reader.list(value, path, "[{ports: [{port: \"80\", protocol: TCP}]}]");
        List<ClusterPolicyPort> ports = new ArrayList<>();
        if (items == null) {
            return ports;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath itemPath = path.index(i);
            Map<?, ?> item = reader.mapping(items.get(i), itemPath, "{ports: [{port: \"80\", protocol: TCP}]}");
            if (item == null) {
                continue;
            }
            if (deny) {
                reader.onlyFields(item, itemPath, "a Cilium deny rule's port rule", "ports");
            } else {
                reader.onlyFields(item, itemPath, "a Cilium port rule", "ports", "rules", "terminatingTLS", "originatingTLS",
                        "serverNames", "listener");
            }
            List<ClusterPolicyPort> these = ports(reader, item.get("ports"), itemPath.field("ports"));
            List<ClusterPolicyPort> itemPorts = these.isEmpty() ? every() : these;
            ports.addAll(itemPorts);
            String on = these.isEmpty() ? "every port" : String.join(", ", these.stream().map(ClusterPolicyPort::display).toList());
            if (item.get("rules") instanceof Map<?, ?> rules && !rules.isEmpty()) {
                filters.add(l7(rules) + " on " + on + " filter requests at run time");
                filtered.addAll(itemPorts);
            }
            if (item.get("serverNames") != null) {
                filters.add("TLS server names on " + on);
            }
        }
        return ports;
    }

    private static List<ClusterPolicyPort> ports(ObjectReader reader, Object value, FieldPath path) {
        List<?> items = reader.list(value, path, "[{port: \"80\", protocol: TCP}]");
        List<ClusterPolicyPort> ports = new ArrayList<>();
        if (items == null) {
            return ports;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath itemPath = path.index(i);
            Map<?, ?> port = reader.mapping(items.get(i), itemPath, "{port: \"80\", protocol: TCP}");
            if (port == null) {
                continue;
            }
            reader.onlyFields(port, itemPath, "a Cilium port", "port", "endPort", "protocol");
            List<Protocol> protocols = protocols(reader, port.get("protocol"), itemPath.field("protocol"));
            Object number = port.get("port");
            String text = number == null ? "0" : String.valueOf(number);
            if (!text.chars().allMatch(Character::isDigit) || text.isEmpty()) {
                if (port.get("endPort") != null) {
                    reader.note(itemPath.field("endPort"), itemPath.field("endPort") + " is ignored with a named port, as Cilium ignores it");
                }
                // The entry's protocol holds for the name too: a TCP entry resolves only a TCP container port.
                if (protocols.size() == 1) {
                    ports.add(ClusterPolicyPort.named(text, protocols.get(0)));
                } else if (!protocols.isEmpty()) {
                    ports.add(ClusterPolicyPort.named(text));
                }
                continue;
            }
            long first = Long.parseLong(text.length() > 6 ? "999999" : text);
            if (first > 65535) {
                reader.error(itemPath.field("port"), itemPath.field("port") + " is " + text + ", which is not a port; use 0 to 65535"
                        + " (0 means every port)");
                continue;
            }
            int last = (int) first;
            Integer end = port.get("endPort") == null ? null : reader.int32(port.get("endPort"), itemPath.field("endPort"));
            if (end != null && first > 0) {
                if (end < first || end > 65535) {
                    reader.error(itemPath.field("endPort"), itemPath.field("endPort") + " is " + end + "; it must lie between port ("
                            + first + ") and 65535");
                    continue;
                }
                last = end;
            }
            for (Protocol protocol : protocols) {
                ports.add(first == 0 ? ClusterPolicyPort.range(protocol, 1, 65535) : ClusterPolicyPort.range(protocol, (int) first, last));
            }
        }
        return ports;
    }

    private static List<Protocol> protocols(ObjectReader reader, Object value, FieldPath path) {
        String text = value == null ? "ANY" : reader.string(value, path);
        if (text == null || text.isEmpty() || text.equals("ANY")) {
            return ANY;
        }
        Protocol protocol = Protocol.parse(text).orElse(null);
        if (protocol == null) {
            reader.error(path, path + " \"" + text + "\" is not a protocol Cilium matches on here; use TCP, UDP, SCTP or ANY");
            return List.of();
        }
        return List.of(protocol);
    }

    /** {@code L7 HTTP rules (PUT /v1/exhaust-port)}. */
    private static String l7(Map<?, ?> rules) {
        List<String> kinds = new ArrayList<>();
        rules.forEach((kind, list) -> {
            String name = String.valueOf(kind).toUpperCase(java.util.Locale.ROOT);
            if (list instanceof List<?> entries && !entries.isEmpty()) {
                List<String> shown = new ArrayList<>();
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map) {
                        List<String> parts = new ArrayList<>();
                        map.forEach((k, v) -> parts.add(v instanceof String s ? s : k + "=" + v));
                        shown.add(String.join(" ", parts));
                    }
                }
                kinds.add(name + (shown.isEmpty() ? "" : " (" + String.join("; ", shown) + ")"));
            } else {
                kinds.add(name);
            }
        });
        return "L7 " + String.join(", ", kinds) + " rules";
    }
}

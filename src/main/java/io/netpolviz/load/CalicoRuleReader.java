package io.netpolviz.load;

import io.netpolviz.model.CalicoEntity;
import io.netpolviz.model.CalicoPort;
import io.netpolviz.model.CalicoRule;
import io.netpolviz.model.CalicoSelector;
import io.netpolviz.model.Cidr;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rules of a Calico policy (docs.tigera.io, NetworkPolicy "Rule" and "EntityRule"):
 * action, protocol and notProtocol, and the source and destination entities with selectors,
 * nets, ports ({@code 80}, {@code "8080:8090"}, a port name) and service accounts. ICMP
 * type/code, HTTP match and source ports are kept as "decided at run time".
 */
final class CalicoRuleReader {

    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite");

    private CalicoRuleReader() {
    }

    static List<CalicoRule> rules(ObjectReader reader, Object value, FieldPath path) {
        List<?> items = reader.list(value, path, "[{action: Allow, source: {selector: app == 'web'}}]");
        List<CalicoRule> rules = new ArrayList<>();
        if (items == null) {
            return rules;
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath rulePath = path.index(i);
            Map<?, ?> rule = reader.mapping(items.get(i), rulePath, "{action: Allow}");
            if (rule == null) {
                reader.error(rulePath, rulePath + " is empty; a rule needs at least an action");
                continue;
            }
            rules.add(rule(reader, rule, rulePath));
        }
        return rules;
    }

    private static CalicoRule rule(ObjectReader reader, Map<?, ?> rule, FieldPath path) {
        reader.onlyFields(rule, path, "a Calico rule", "action", "protocol", "notProtocol", "icmp", "notICMP", "ipVersion", "source",
                "destination", "http", "metadata");
        CalicoRule.Action action = action(reader, rule.get("action"), path.field("action"));
        String protocol = protocol(reader, rule.get("protocol"), path.field("protocol"));
        String notProtocol = protocol(reader, rule.get("notProtocol"), path.field("notProtocol"));
        List<String> runTime = new ArrayList<>();
        if (rule.get("icmp") != null || rule.get("notICMP") != null) {
            runTime.add("ICMP type/code");
        }
        if (rule.get("http") != null) {
            runTime.add("HTTP match");
        }
        CalicoEntity source = entity(reader, rule.get("source"), path.field("source"), protocol, runTime, true);
        CalicoEntity destination = entity(reader, rule.get("destination"), path.field("destination"), protocol, runTime, false);
        return new CalicoRule(action, protocol, notProtocol, source, destination, runTime, reader.where(path));
    }

    private static CalicoRule.Action action(ObjectReader reader, Object value, FieldPath path) {
        String text = reader.string(value, path);
        for (CalicoRule.Action action : CalicoRule.Action.values()) {
            if (action.apiName().equals(text)) {
                return action;
            }
        }
        reader.error(path, text == null ? path + " is missing; write Allow, Deny, Pass or Log"
                : path + " \"" + text + "\" is not a Calico action; use Allow, Deny, Pass or Log (case-sensitive)");
        return CalicoRule.Action.LOG;
    }

    private static String protocol(ObjectReader reader, Object value, FieldPath path) {
        if (value == null) {
            return null;
        }
        Long number = ObjectReader.wholeNumber(value);
        if (number != null) {
            if (number < 1 || number > 255) {
                reader.error(path, path + " is " + number + "; a protocol number is 1 to 255");
            }
            return Long.toString(number);
        }
        String text = reader.string(value, path);
        if (text == null) {
            return null;
        }
        for (String known : PROTOCOLS) {
            if (known.equalsIgnoreCase(text)) {
                return known;
            }
        }
        reader.error(path, path + " \"" + text + "\" is not a protocol Calico knows; use TCP, UDP, SCTP, ICMP, ICMPv6, UDPLite"
                + " or a number");
        return null;
    }

    private static CalicoEntity entity(ObjectReader reader, Object value, FieldPath path, String protocol, List<String> runTime,
            boolean source) {
        Map<?, ?> entity = reader.mapping(value, path, "{selector: app == 'web', ports: [80]}");
        if (entity == null) {
            return CalicoEntity.ANY;
        }
        reader.onlyFields(entity, path, "a rule's " + (source ? "source" : "destination"), "selector", "notSelector",
                "namespaceSelector", "nets", "notNets", "ports", "notPorts", "serviceAccounts", "services");
        CalicoSelector selector = entity.containsKey("selector") ? CalicoReader.selector(reader, entity.get("selector"),
                path.field("selector")) : null;
        CalicoSelector notSelector = entity.containsKey("notSelector") ? CalicoReader.selector(reader, entity.get("notSelector"),
                path.field("notSelector")) : null;
        CalicoSelector namespaces = entity.containsKey("namespaceSelector")
                ? CalicoReader.selector(reader, entity.get("namespaceSelector"), path.field("namespaceSelector")) : null;
        List<Cidr> nets = nets(reader, entity.get("nets"), path.field("nets"));
        List<Cidr> notNets = nets(reader, entity.get("notNets"), path.field("notNets"));
        List<CalicoPort> ports = ports(reader, entity.get("ports"), path.field("ports"), protocol);
        List<CalicoPort> notPorts = ports(reader, entity.get("notPorts"), path.field("notPorts"), protocol);
        if (source && (!ports.isEmpty() || !notPorts.isEmpty())) {
            runTime.add("source ports");
        }
        String serviceAccounts = null;
        if (entity.get("serviceAccounts") != null) {
            serviceAccounts = String.valueOf(entity.get("serviceAccounts"));
            runTime.add("service accounts");
        }
        if (entity.get("services") != null) {
            runTime.add("services");
        }
        return new CalicoEntity(selector, notSelector, namespaces, nets, notNets, ports, notPorts, serviceAccounts);
    }

    static List<Cidr> nets(ObjectReader reader, Object value, FieldPath path) {
        List<?> items = reader.list(value, path, "[10.0.0.0/8]");
        List<Cidr> nets = new ArrayList<>();
        if (items == null) {
            return nets;
        }
        for (int i = 0; i < items.size(); i++) {
            String text = reader.string(items.get(i), path.index(i));
            if (text == null) {
                continue;
            }
            // Calico accepts a bare address as a /32 (or /128) network.
            String written = text.contains("/") ? text : text + (text.contains(":") ? "/128" : "/32");
            java.util.Optional<Cidr> net = Cidr.parse(written);
            if (net.isPresent()) {
                nets.add(net.get());
            } else {
                reader.error(path.index(i), path.index(i) + " \"" + text + "\" is not an address or CIDR; write 10.0.0.0/8 or 192.168.1.5");
            }
        }
        return nets;
    }

    private static List<CalicoPort> ports(ObjectReader reader, Object value, FieldPath path, String protocol) {
        List<?> items = reader.list(value, path, "[80, \"8080:8090\", http]");
        List<CalicoPort> ports = new ArrayList<>();
        if (items == null) {
            return ports;
        }
        if (!items.isEmpty() && (protocol == null || !List.of("TCP", "UDP", "SCTP", "UDPLite", "6", "17", "132", "136").contains(protocol))) {
            reader.error(path, path + " needs the rule's protocol to be TCP, UDP, SCTP or UDPLite; Calico rejects ports without it."
                    + " Add protocol: TCP");
        }
        for (int i = 0; i < items.size(); i++) {
            CalicoPort port = port(reader, items.get(i), path.index(i));
            if (port != null) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static CalicoPort port(ObjectReader reader, Object value, FieldPath path) {
        Long number = ObjectReader.wholeNumber(value);
        if (number != null) {
            return inRange(reader, path, number, number);
        }
        String text = reader.string(value, path);
        if (text == null) {
            return null;
        }
        String[] range = text.split(":", -1);
        if (range.length == 2 && range[0].matches("\\d{1,5}") && range[1].matches("\\d{1,5}")) {
            return inRange(reader, path, Long.parseLong(range[0]), Long.parseLong(range[1]));
        }
        if (text.matches("\\d{1,5}")) {
            return inRange(reader, path, Long.parseLong(text), Long.parseLong(text));
        }
        if (text.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && text.length() <= 15) {
            return CalicoPort.named(text.toLowerCase(Locale.ROOT));
        }
        reader.error(path, path + " \"" + text + "\" is not a port; write a number, a range like \"8080:8090\", or a port name");
        return null;
    }

    private static CalicoPort inRange(ObjectReader reader, FieldPath path, long first, long last) {
        if (first < 0 || last > 65535 || first > last) {
            reader.error(path, path + " " + first + (first == last ? "" : ":" + last) + " is not a port range Calico accepts (0 to"
                    + " 65535, first not above last)");
            return null;
        }
        return CalicoPort.range((int) first, (int) last);
    }
}

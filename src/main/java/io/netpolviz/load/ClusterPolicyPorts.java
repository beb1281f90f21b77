package io.netpolviz.load;

import io.netpolviz.model.ClusterPolicyPort;
import io.netpolviz.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The port matches of a cluster-wide policy's rule, as each API version writes them: v1alpha1's
 * {@code ports} ({@code portNumber}, {@code portRange}, {@code namedPort}) and v1alpha2's
 * {@code protocols} ({@code tcp}/{@code udp}/{@code sctp} with a destination port or range, or
 * {@code destinationNamedPort}), each entry setting exactly one form; bad entries are reported
 * at their line and left out. Part of {@link ClusterPolicyReader}.
 */
final class ClusterPolicyPorts {

    private ClusterPolicyPorts() {
    }

    /** One entry of a list whose items each set exactly one field: which field, where, and its value. */
    private interface EntryReader {
        void read(String form, FieldPath formPath, Object value);
    }

    /** Calls {@code each} for every well-formed entry of a 1..25 list of one-field items. */
    private static void forEachEntry(ObjectReader reader, Object value, FieldPath path, List<String> forms, String example,
            EntryReader each) {
        List<Map<?, ?>> entries = oneFieldEntries(reader, value, path, forms, example);
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = entries.get(i);
            if (entry != null) {
                String form = String.valueOf(entry.keySet().iterator().next());
                each.read(form, path.index(i).field(form), entry.get(form));
            }
        }
    }

    /** A named port: a non-empty string. */
    private static void namedPort(ObjectReader reader, Object value, FieldPath path, List<ClusterPolicyPort> into) {
        String name = reader.string(value, path);
        if (name != null && !name.isEmpty()) {
            into.add(ClusterPolicyPort.named(name));
        } else if (name != null) {
            reader.error(path, path + " is empty; name a container port");
        }
    }

    /** v1alpha1 {@code ports}: each entry exactly one of portNumber, portRange, namedPort. */
    static List<ClusterPolicyPort> ports(ObjectReader reader, Object value, FieldPath path) {
        List<ClusterPolicyPort> ports = new ArrayList<>();
        forEachEntry(reader, value, path, List.of("portNumber", "portRange", "namedPort"), "[{portNumber: {protocol: TCP, port: 8080}}]",
                (form, formPath, formValue) -> {
                    if (form.equals("namedPort")) {
                        namedPort(reader, formValue, formPath, ports);
                        return;
                    }
                    Map<?, ?> body = reader.mapping(formValue, formPath, form.equals("portNumber") ? "{protocol: TCP, port: 80}"
                            : "{protocol: TCP, start: 8080, end: 8090}");
                    if (body == null) {
                        reader.error(formPath, formPath + " is empty");
                        return;
                    }
                    Protocol protocol = PortReader.protocol(reader, body.get("protocol"), formPath.field("protocol"));
                    if (form.equals("portNumber")) {
                        reader.onlyFields(body, formPath, "a portNumber", "protocol", "port");
                        Integer port = requiredPort(reader, body, "port", formPath);
                        if (protocol != null && port != null) {
                            ports.add(ClusterPolicyPort.range(protocol, port, port));
                        }
                    } else {
                        reader.onlyFields(body, formPath, "a portRange", "protocol", "start", "end");
                        addRange(reader, body, formPath, protocol, ports);
                    }
                });
        return ports;
    }

    /** v1alpha2 {@code protocols}: each entry exactly one of tcp, udp, sctp, destinationNamedPort. */
    static List<ClusterPolicyPort> protocols(ObjectReader reader, Object value, FieldPath path) {
        List<ClusterPolicyPort> ports = new ArrayList<>();
        forEachEntry(reader, value, path, List.of("tcp", "udp", "sctp", "destinationNamedPort"), "[{tcp: {destinationPort: {number: 8080}}}]",
                (form, formPath, formValue) -> {
                    if (form.equals("destinationNamedPort")) {
                        namedPort(reader, formValue, formPath, ports);
                        return;
                    }
                    Protocol protocol = Protocol.valueOf(form.toUpperCase(java.util.Locale.ROOT));
                    Map<?, ?> body = reader.mapping(formValue, formPath, "{destinationPort: {number: 8080}}");
                    if (body == null || body.isEmpty()) {
                        reader.error(formPath, formPath + " needs destinationPort (the schema has MinProperties=1)");
                        return;
                    }
                    reader.onlyFields(body, formPath, "a " + form + " match", "destinationPort");
                    destinationPort(reader, body.get("destinationPort"), formPath.field("destinationPort"), protocol, ports);
                });
        return ports;
    }

    /** {@code {number: N}} or {@code {range: {start, end}}}. */
    private static void destinationPort(ObjectReader reader, Object value, FieldPath portPath, Protocol protocol,
            List<ClusterPolicyPort> ports) {
        Map<?, ?> port = reader.mapping(value, portPath, "{number: 8080}");
        if (port == null) {
            reader.error(portPath, portPath + " is empty; set number or range");
            return;
        }
        reader.onlyFields(port, portPath, "a destinationPort", "number", "range");
        if (port.size() != 1) {
            reader.error(portPath, portPath + " must set exactly one of number or range");
            return;
        }
        if (port.containsKey("number")) {
            Integer number = PortReader.portNumber(reader, port.get("number"), portPath.field("number"));
            if (number != null) {
                ports.add(ClusterPolicyPort.range(protocol, number, number));
            }
            return;
        }
        FieldPath rangePath = portPath.field("range");
        Map<?, ?> range = reader.mapping(port.get("range"), rangePath, "{start: 8080, end: 8090}");
        if (range == null) {
            reader.error(rangePath, rangePath + " is empty; write {start: 8080, end: 8090}");
            return;
        }
        reader.onlyFields(range, rangePath, "a port range", "start", "end");
        addRange(reader, range, rangePath, protocol, ports);
    }

    private static void addRange(ObjectReader reader, Map<?, ?> range, FieldPath path, Protocol protocol, List<ClusterPolicyPort> ports) {
        Integer start = requiredPort(reader, range, "start", path);
        Integer end = requiredPort(reader, range, "end", path);
        if (start != null && end != null && start >= end) {
            reader.error(path, path + " starts at " + start + " and ends at " + end + "; start must be less than end"
                    + " (write a single port for one port)");
        } else if (start != null && end != null && protocol != null) {
            ports.add(ClusterPolicyPort.range(protocol, start, end));
        }
    }

    private static Integer requiredPort(ObjectReader reader, Map<?, ?> body, String field, FieldPath path) {
        if (body.get(field) == null) {
            reader.error(path, path.field(field) + " is missing");
            return null;
        }
        return PortReader.portNumber(reader, body.get(field), path.field(field));
    }

    /** The entries of a 1..25 list whose items each set exactly one of {@code forms}; null for a bad item. */
    private static List<Map<?, ?>> oneFieldEntries(ObjectReader reader, Object value, FieldPath path, List<String> forms, String example) {
        List<?> items = reader.list(value, path, example);
        List<Map<?, ?>> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        if (items.isEmpty()) {
            reader.error(path, path + " is empty; leave it out to match every port, or list at least one");
        }
        for (int i = 0; i < items.size(); i++) {
            FieldPath entryPath = path.index(i);
            Map<?, ?> entry = reader.mapping(items.get(i), entryPath, example);
            if (entry == null || entry.size() != 1) {
                reader.error(entryPath, entryPath + " must set exactly one of " + String.join(", ", forms));
                out.add(null);
                continue;
            }
            reader.onlyFields(entry, entryPath, "a port match", forms.toArray(String[]::new));
            out.add(forms.contains(String.valueOf(entry.keySet().iterator().next())) ? entry : null);
        }
        return out;
    }
}

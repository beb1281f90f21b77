package io.netpolviz.load;

import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Service;
import io.netpolviz.model.ServicePort;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a Service for display: its selector and ports, with {@code targetPort} defaulting to {@code port}. */
final class ServiceReader {

    private static final FieldPath SPEC = FieldPath.ROOT.field("spec");

    private ServiceReader() {
    }

    static Service read(ObjectReader reader, Map<?, ?> object, ObjectMeta meta, SourceRef where) {
        Map<?, ?> spec = reader.mapping(object.get("spec"), SPEC, null);
        if (spec == null) {
            spec = Map.of();
        }
        Map<String, String> selector = reader.labels(spec.get("selector"), SPEC.field("selector"));
        FieldPath portsPath = SPEC.field("ports");
        List<?> items = reader.list(spec.get("ports"), portsPath, "[{name: http, port: 80, targetPort: 8080}]");
        List<ServicePort> ports = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                FieldPath portPath = portsPath.index(i);
                Map<?, ?> entry = reader.mapping(items.get(i), portPath, "{name: http, port: 80, targetPort: 8080}");
                if (entry == null) {
                    if (items.get(i) == null) {
                        reader.error(portPath, portPath + " is empty; a service port needs port");
                    }
                    continue;
                }
                ServicePort port = port(reader, entry, portPath);
                if (port != null) {
                    ports.add(port);
                }
            }
        }
        return new Service(meta.namespace(), meta.name(), selector, ports, where);
    }

    private static ServicePort port(ObjectReader reader, Map<?, ?> entry, FieldPath path) {
        String name = reader.string(entry.get("name"), path.field("name"));
        Integer number = null;
        if (entry.get("port") == null) {
            reader.error(path, path.field("port") + " is missing; give the port the service listens on");
        } else {
            number = PortReader.portNumber(reader, entry.get("port"), path.field("port"));
        }
        Object rawTarget = entry.get("targetPort");
        PortRef target = PortReader.numberOrName(reader, rawTarget, path.field("targetPort"));
        Protocol protocol = PortReader.protocol(reader, entry.get("protocol"), path.field("protocol"));
        if (number == null || protocol == null || (rawTarget != null && target == null)) {
            return null;
        }
        String targetPort = target == null ? Integer.toString(number) : target.display();
        return new ServicePort(name == null || name.isEmpty() ? null : name, number, targetPort, protocol);
    }
}

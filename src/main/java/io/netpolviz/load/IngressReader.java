package io.netpolviz.load;

import io.netpolviz.model.IngressRoute;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an Ingress or an OpenShift Route into the Services it forwards to, as netpol-analyzer's
 * ingress analysis reads them: an Ingress's default backend and each rule path's backend Service
 * with its port by number or name; a Route's {@code spec.to} and {@code spec.alternateBackends}
 * Services with {@code spec.port.targetPort} (every service port when absent). A backend that is
 * not a Service (a resource backend, a Route target of another kind) is noted and left out.
 */
final class IngressReader {

    private static final FieldPath SPEC = FieldPath.ROOT.field("spec");

    private IngressReader() {
    }

    static IngressRoute read(ObjectReader reader, Map<?, ?> object, String kind, ObjectMeta meta, SourceRef where) {
        Map<?, ?> spec = reader.mapping(object.get("spec"), SPEC, null);
        List<IngressRoute.Backend> backends = new ArrayList<>();
        if (spec != null) {
            if (kind.equals("Route")) {
                readRoute(reader, spec, backends);
            } else {
                readIngress(reader, spec, backends);
            }
        }
        return new IngressRoute(kind, meta.namespace(), meta.name(), backends, where);
    }

    private static void readIngress(ObjectReader reader, Map<?, ?> spec, List<IngressRoute.Backend> backends) {
        if (spec.get("defaultBackend") != null) {
            ingressBackend(reader, spec.get("defaultBackend"), SPEC.field("defaultBackend"), backends);
        }
        FieldPath rulesPath = SPEC.field("rules");
        List<?> rules = reader.list(spec.get("rules"), rulesPath, "[{http: {paths: [...]}}]");
        for (int r = 0; rules != null && r < rules.size(); r++) {
            Map<?, ?> rule = reader.mapping(rules.get(r), rulesPath.index(r), "{host: shop.example.com, http: {paths: [...]}}");
            Map<?, ?> http = rule == null ? null : reader.mapping(rule.get("http"), rulesPath.index(r).field("http"), "{paths: [...]}");
            FieldPath pathsPath = rulesPath.index(r).field("http").field("paths");
            List<?> paths = http == null ? null : reader.list(http.get("paths"), pathsPath, "[{path: /, backend: {service: ...}}]");
            for (int p = 0; paths != null && p < paths.size(); p++) {
                Map<?, ?> path = reader.mapping(paths.get(p), pathsPath.index(p), "{path: /, backend: {service: ...}}");
                if (path != null) {
                    ingressBackend(reader, path.get("backend"), pathsPath.index(p).field("backend"), backends);
                }
            }
        }
    }

    private static void ingressBackend(ObjectReader reader, Object value, FieldPath path, List<IngressRoute.Backend> backends) {
        Map<?, ?> backend = reader.mapping(value, path, "{service: {name: web, port: {number: 80}}}");
        Map<?, ?> service = backend == null ? null
                : reader.mapping(backend.get("service"), path.field("service"), "{name: web, port: {number: 80}}");
        if (service == null) {
            if (backend != null) {
                reader.note(path, "this backend is not a Service and is left out of the ingress controller's connections");
            }
            return;
        }
        String name = reader.string(service.get("name"), path.field("service").field("name"));
        Map<?, ?> port = reader.mapping(service.get("port"), path.field("service").field("port"), "{number: 80} or {name: http}");
        String portText = null;
        if (port != null && port.get("name") != null) {
            portText = reader.string(port.get("name"), path.field("service").field("port").field("name"));
        } else if (port != null && port.get("number") != null) {
            Integer number = PortReader.portNumber(reader, port.get("number"), path.field("service").field("port").field("number"));
            portText = number == null ? null : number.toString();
        }
        if (name != null && !name.isEmpty()) {
            backends.add(new IngressRoute.Backend(name, portText));
        }
    }

    private static void readRoute(ObjectReader reader, Map<?, ?> spec, List<IngressRoute.Backend> backends) {
        String port = null;
        Map<?, ?> portSpec = reader.mapping(spec.get("port"), SPEC.field("port"), "{targetPort: 8080}");
        if (portSpec != null && portSpec.get("targetPort") != null) {
            PortRef target = PortReader.numberOrName(reader, portSpec.get("targetPort"), SPEC.field("port").field("targetPort"));
            port = target == null ? null : target.display();
        }
        routeTarget(reader, spec.get("to"), SPEC.field("to"), port, backends);
        FieldPath alternates = SPEC.field("alternateBackends");
        List<?> others = reader.list(spec.get("alternateBackends"), alternates, "[{kind: Service, name: web-canary}]");
        for (int i = 0; others != null && i < others.size(); i++) {
            routeTarget(reader, others.get(i), alternates.index(i), port, backends);
        }
    }

    private static void routeTarget(ObjectReader reader, Object value, FieldPath path, String port, List<IngressRoute.Backend> backends) {
        Map<?, ?> target = reader.mapping(value, path, "{kind: Service, name: web}");
        if (target == null) {
            return;
        }
        String kind = reader.string(target.get("kind"), path.field("kind"));
        if (kind != null && !kind.isEmpty() && !kind.equals("Service")) {
            reader.note(path.field("kind"), "a Route target of kind " + kind + " is left out: only Services are routed to");
            return;
        }
        String name = reader.string(target.get("name"), path.field("name"));
        if (name != null && !name.isEmpty()) {
            backends.add(new IngressRoute.Backend(name, port));
        }
    }
}

package io.netpolviz.load;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workload that declares no container ports takes its candidate ports from the Services that
 * select it. Kubernetes documents targetPort as "Number or name of the port to access on the pods
 * targeted by the service ... If this is a string, it will be looked up as a named port in the target
 * Pod's container ports" (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec),
 * so a number is where the pods listen, and a name only means something where a container declares it.
 */
class ServicePortsTest {

    @TempDir
    Path dir;

    private static String deployment(String name, String ports) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s, tier: backend}}
                    spec: {containers: [{name: c, image: nginx%s}]}
                ---
                """.formatted(name, name, name, ports);
    }

    private static String service(String namespace, String selector, String ports) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: svc-%s, namespace: %s}
                spec:
                  selector: {%s}
                  ports: %s
                ---
                """.formatted(Math.abs(selector.hashCode() + ports.hashCode()), namespace, selector, ports);
    }

    @Test
    void aWorkloadWithoutPortsGetsTheNumericTargetPortsOfItsServices() {
        Fixtures.write(dir, "shop.yaml", deployment("web", "") + deployment("api", ", ports: [{containerPort: 9000, name: grpc}]")
                + deployment("worker", "")
                + service("shop", "app: web", "[{port: 80, targetPort: 8080}, {port: 443, targetPort: https}, {port: 53, protocol: UDP}]")
                + service("shop", "tier: backend, app: web", "[{port: 9090}]")
                + service("shop", "app: api", "[{port: 80, targetPort: 7000}]")
                + service("other", "app: worker", "[{port: 80, targetPort: 7000}]"));

        ClusterSnapshot snapshot = Fixtures.load(dir);

        assertEquals(List.of(new ContainerPort(null, 8080, Protocol.TCP), new ContainerPort(null, 9090, Protocol.TCP),
                new ContainerPort(null, 53, Protocol.UDP)), Fixtures.workload(snapshot, "shop/web").ports());
        // Declared ports are what the pods say: a Service adds nothing to them.
        assertEquals(List.of(new ContainerPort("grpc", 9000, Protocol.TCP)), Fixtures.workload(snapshot, "shop/api").ports());
        // A Service of another namespace does not select it.
        assertEquals(List.of(), Fixtures.workload(snapshot, "shop/worker").ports());
        String note = Fixtures.single(snapshot, Severity.NOTE, "no container ports").message();
        assertTrue(note.startsWith("2 workloads declare no container ports: 1 of them has its ports taken from the targetPort"), note);
        // The named targetPort "https" resolves against declared container ports, and web declares none.
        Diagnostic named = Fixtures.single(snapshot, Severity.WARNING, "sends to the port named \"https\"");
        assertTrue(named.message().contains("Deployment shop/web declares no container ports, so the name resolves to nothing"),
                named.message());
        assertTrue(named.message().contains("ports: [{name: https, containerPort: N}]"), named.message());
    }
}

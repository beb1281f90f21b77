package io.netpolviz.model;

import java.util.List;

/**
 * An Ingress ({@code networking.k8s.io/v1}) or an OpenShift Route ({@code route.openshift.io/v1}):
 * the Services in its namespace that an ingress controller forwards outside traffic to. NetworkPolicy
 * never names it; it only says which pods the ingress controller is meant to reach, and on which port,
 * so the controller's connections are its backends' ports that the policies also allow.
 *
 * @param kind {@code Ingress} or {@code Route}
 */
public record IngressRoute(String kind, String namespace, String name, List<Backend> backends, SourceRef where) {

    /**
     * One Service it routes to, with the service port by number or name ({@code "80"}, {@code "http"}),
     * or null for every port of the Service (a Route without {@code spec.port}).
     */
    public record Backend(String service, String port) {
    }

    public IngressRoute {
        backends = List.copyOf(backends);
    }

    /** {@code Ingress shop/web}. */
    public String subject() {
        return kind + " " + namespace + "/" + name;
    }
}

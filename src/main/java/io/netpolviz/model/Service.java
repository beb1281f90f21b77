package io.netpolviz.model;

import java.util.List;
import java.util.Map;

/** A Service, kept for display: NetworkPolicy applies to pods, never to service addresses. */
public record Service(String namespace, String name, Map<String, String> selector, List<ServicePort> ports, SourceRef where) {

    public Service {
        selector = Labels.copyOf(selector);
        ports = List.copyOf(ports);
    }
}

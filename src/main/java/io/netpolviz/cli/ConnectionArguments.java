package io.netpolviz.cli;

import io.netpolviz.model.Protocol;
import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PolicyEngine;
import java.util.Locale;

/** How commands read one connection from the command line: endpoints by name, and {@code PORT/PROTOCOL}. */
final class ConnectionArguments {

    /** A port and its protocol, as {@code 8080/TCP} (TCP when the protocol is left out). */
    record PortAndProtocol(int port, Protocol protocol) {
    }

    private ConnectionArguments() {
    }

    static PortAndProtocol portAndProtocol(String text) throws UsageException {
        String[] parts = text.split("/", -1);
        int port;
        try {
            port = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not PORT/PROTOCOL, e.g. 8080/TCP");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("port " + port + " is out of range (1-65535)");
        }
        String protocolText = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "TCP";
        Protocol protocol = Protocol.parse(protocolText)
                .orElseThrow(() -> new UsageException("protocol '" + protocolText + "' is not TCP, UDP or SCTP"));
        return new PortAndProtocol(port, protocol);
    }

    /**
     * A workload or pod ({@code NAMESPACE/NAME}) or an address outside the cluster ({@code ext:IP}).
     * A workload whose pods are split by their own labels is several endpoints: the user names one.
     */
    static Endpoint endpoint(PolicyEngine engine, String text) throws UsageException {
        java.util.List<Endpoint> endpoints = engine.resolveAll(text);
        if (endpoints.isEmpty()) {
            throw new UsageException(NamedEndpoints.unknown(engine, text));
        }
        if (endpoints.size() > 1) {
            throw new UsageException("'" + text + "' stands for pods that do not all carry their template's labels: "
                    + String.join("; ", endpoints.stream().map(NamedEndpoints::describe).toList()) + ". Name one of them");
        }
        return endpoints.get(0);
    }
}

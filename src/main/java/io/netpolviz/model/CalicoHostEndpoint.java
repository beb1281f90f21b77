package io.netpolviz.model;

import java.util.Map;

/**
 * A Calico {@code HostEndpoint}: a node's interface under labels, which policies and rules may
 * select like pods (docs.tigera.io, Host endpoints: "Host endpoints can have labels, and their
 * labels are in the same "namespace" as those of workload endpoints"). NetPolViz draws no nodes,
 * so what a rule does to one is decided at run time.
 */
public record CalicoHostEndpoint(String name, Map<String, String> labels, SourceRef where) {

    public static final String KIND = "HostEndpoint";

    public CalicoHostEndpoint {
        labels = Map.copyOf(labels);
    }
}

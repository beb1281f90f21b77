package io.netpolviz.model;

import java.util.List;

/**
 * One entry of a cluster-wide policy rule's {@code from} or {@code to}; exactly one form is set.
 * {@code nodes} and {@code domainNames} name things outside the manifests (node addresses, DNS
 * answers): they are kept so the rule can be shown and reported, and the engine never guesses
 * what they match.
 *
 * @param namespaceSelector for {@link Form#NAMESPACES} and {@link Form#PODS}
 * @param podSelector for {@link Form#PODS}; for {@link Form#NODES} the node selector
 * @param networks for {@link Form#NETWORKS}
 * @param domainNames for {@link Form#DOMAIN_NAMES}
 */
public record ClusterPolicyPeer(Form form, LabelSelector namespaceSelector, LabelSelector podSelector, List<Cidr> networks,
        List<String> domainNames) {

    /** Which field of the peer is set. */
    public enum Form { NAMESPACES, PODS, NETWORKS, NODES, DOMAIN_NAMES }

    public ClusterPolicyPeer {
        networks = networks == null ? List.of() : List.copyOf(networks);
        domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
    }

    public static ClusterPolicyPeer namespaces(LabelSelector namespaces) {
        return new ClusterPolicyPeer(Form.NAMESPACES, namespaces, null, null, null);
    }

    public static ClusterPolicyPeer pods(LabelSelector namespaces, LabelSelector pods) {
        return new ClusterPolicyPeer(Form.PODS, namespaces, pods, null, null);
    }

    public static ClusterPolicyPeer networks(List<Cidr> networks) {
        return new ClusterPolicyPeer(Form.NETWORKS, null, null, networks, null);
    }

    public static ClusterPolicyPeer nodes(LabelSelector nodes) {
        return new ClusterPolicyPeer(Form.NODES, null, nodes, null, null);
    }

    public static ClusterPolicyPeer domainNames(List<String> names) {
        return new ClusterPolicyPeer(Form.DOMAIN_NAMES, null, null, null, names);
    }

    /** Whether what this peer matches cannot be known from manifests (nodes, domain names). */
    public boolean undecidable() {
        return form == Form.NODES || form == Form.DOMAIN_NAMES;
    }

    public String display() {
        return switch (form) {
            case NAMESPACES -> "all pods in namespaces " + namespaceSelector.display();
            case PODS -> "pods " + podSelector.display() + " in namespaces " + namespaceSelector.display();
            case NETWORKS -> "networks " + String.join(", ", networks.stream().map(Cidr::display).toList());
            case NODES -> "nodes " + podSelector.display();
            case DOMAIN_NAMES -> "domain names " + String.join(", ", domainNames);
        };
    }
}

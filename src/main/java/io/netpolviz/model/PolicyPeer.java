package io.netpolviz.model;

/**
 * One entry of a rule's {@code from} or {@code to}. Either an {@code ipBlock}, or pod selection:
 * {@code podSelector} alone selects pods in the policy's namespace, {@code namespaceSelector}
 * alone every pod of the matching namespaces, and both together (one peer) the pods that match
 * the pod selector inside the matching namespaces. Unset parts are null.
 */
public record PolicyPeer(LabelSelector podSelector, LabelSelector namespaceSelector, IpBlock ipBlock) {

    public String display() {
        if (ipBlock != null) {
            return "ipBlock " + ipBlock.display();
        }
        if (namespaceSelector == null) {
            return "pods " + podSelector.display() + " in the policy's namespace";
        }
        String namespaces = namespaceSelector.isEmpty() ? "every namespace" : "namespaces " + namespaceSelector.display();
        if (podSelector == null) {
            return "all pods in " + namespaces;
        }
        return "pods " + podSelector.display() + " in " + namespaces;
    }

    /**
     * Whether this peer picks no pod in particular: every pod of the policy's namespace
     * ({@code podSelector: {}}) or of every namespace ({@code namespaceSelector: {}}, as the usual
     * "DNS to anywhere" rule writes it). An address block is never such a peer.
     */
    public boolean picksNoPodInParticular() {
        return ipBlock == null && (podSelector == null || podSelector.isEmpty())
                && (namespaceSelector == null || namespaceSelector.isEmpty());
    }
}

package io.netpolviz.policy;

import java.util.Arrays;

/**
 * What a destination class's ingress side depends on, besides the switched-on policies: the
 * NetworkPolicies that isolate it for ingress, the tier policies that select it (their list,
 * {@link TierIndex#ingressList}) and its port profile. Classes of one kind get the same ingress
 * side, the same ports from each external peer, and a cluster-wide toggle changes them on the same
 * sources. Compared by the contents of
 * {@code isolating}: two classes isolated by the same policies hold equal arrays, not one.
 */
record IngressKind(int[] isolating, int tierList, int portProfile) {

    static IngressKind of(Evaluation evaluation, ConnectivityIndex index, int column) {
        return new IngressKind(evaluation.isolatingIndices(io.netpolviz.model.PolicyType.INGRESS, column), index.tiers.ingressList[column],
                index.portProfile[column]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IngressKind kind && tierList == kind.tierList && portProfile == kind.portProfile
                && Arrays.equals(isolating, kind.isolating);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(isolating) * 31 + tierList) * 31 + portProfile;
    }

    @Override
    public String toString() {
        return "IngressKind[isolating=" + Arrays.toString(isolating) + ", tierList=" + tierList + ", portProfile=" + portProfile + "]";
    }
}

package io.netpolviz.policy;

import java.util.Arrays;

/**
 * What a destination class's NetworkPolicy ingress partition follows from: the policies that
 * isolate it for ingress (with Cilium's allow parts that join them) and its port profile. Compared
 * by the contents of {@code isolating}, which no one changes once an evaluation holds it.
 */
record IngressIsolation(int[] isolating, int portProfile) {

    @Override
    public boolean equals(Object other) {
        return other instanceof IngressIsolation key && portProfile == key.portProfile && Arrays.equals(isolating, key.isolating);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(isolating) * 31 + portProfile;
    }

    @Override
    public String toString() {
        return "IngressIsolation[isolating=" + Arrays.toString(isolating) + ", portProfile=" + portProfile + "]";
    }
}

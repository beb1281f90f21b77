package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.Workload;
import java.util.List;

/** One end of a connection: the pods of a workload, or addresses outside the cluster. */
public sealed interface Endpoint permits Endpoint.Pods, Endpoint.External {

    /** {@code namespace/name} or {@code ext:CIDR}. */
    String id();

    /** The pods of one workload (or one bare pod), evaluated through their class. */
    record Pods(Workload workload, PodClass podClass) implements Endpoint {
        @Override
        public String id() {
            return workload.id();
        }
    }

    /**
     * Addresses outside the cluster: a single address (a /32 or /128 block), a block a rule names,
     * or any address ({@code 0.0.0.0/0}). A rule's ipBlock matches it only if it covers all of it.
     */
    record External(IpBlock block) implements Endpoint {

        public static External address(IpAddress address) {
            return new External(new IpBlock(Cidr.of(address, address.ipv6() ? 128 : 32), List.of()));
        }

        public static External anyIpv4() {
            return new External(new IpBlock(Cidr.parse("0.0.0.0/0").orElseThrow(), List.of()));
        }

        public boolean isAnyAddress() {
            return block.cidr().prefixLength() == 0 && block.except().isEmpty();
        }

        @Override
        public String id() {
            // Every address is named as its block, 0.0.0.0/0, as diff names address ranges (and netpol-analyzer, 0.0.0.0-255.255.255.255).
            return "ext:" + block.display();
        }
    }
}

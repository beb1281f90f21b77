package io.netpolviz.policy;

import io.netpolviz.model.Protocol;
import java.util.List;

/** A contiguous range of ports of one protocol; {@code first == last} for a single port. */
public record PortRange(Protocol protocol, int first, int last) implements Comparable<PortRange> {

    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    public PortRange {
        if (first < MIN_PORT || last > MAX_PORT || first > last) {
            throw new IllegalArgumentException("bad port range " + first + "-" + last);
        }
    }

    public static PortRange single(Protocol protocol, int port) {
        return new PortRange(protocol, port, port);
    }

    public static PortRange all(Protocol protocol) {
        return new PortRange(protocol, MIN_PORT, MAX_PORT);
    }

    /** Every port of every protocol, in order: what a label reads as "all ports". */
    public static List<PortRange> everyPort() {
        return java.util.Arrays.stream(Protocol.values()).map(PortRange::all).toList();
    }

    public boolean isAllPorts() {
        return first == MIN_PORT && last == MAX_PORT;
    }

    /** {@code TCP 8080}, {@code TCP 30000-32767}, {@code UDP all}. */
    public String display() {
        if (isAllPorts()) {
            return protocol + " all";
        }
        return first == last ? protocol + " " + first : protocol + " " + first + "-" + last;
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public int compareTo(PortRange other) {
        int byProtocol = protocol.compareTo(other.protocol);
        if (byProtocol != 0) {
            return byProtocol;
        }
        int byFirst = Integer.compare(first, other.first);
        return byFirst != 0 ? byFirst : Integer.compare(last, other.last);
    }
}

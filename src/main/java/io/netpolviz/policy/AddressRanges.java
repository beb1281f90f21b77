package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpAddress;
import io.netpolviz.model.IpBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The address space cut at every edge of the blocks rules name (each block and each of its
 * {@code except}s): disjoint ranges that every block holds wholly or not at all, so one address
 * of a range answers for all of it. This is how netpol-analyzer names addresses in its diff
 * ({@code 0.0.0.0-9.255.255.255}, {@code 10.0.0.0-10.255.255.255}, ...). IPv4 is always cut
 * (every address is somewhere outside the cluster); IPv6 only where a rule names an IPv6 block.
 */
public final class AddressRanges {

    private static final BigInteger IPV4_END = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger IPV6_END = BigInteger.ONE.shiftLeft(128);

    private AddressRanges() {
    }

    /** Addresses {@code first} to {@code last}, both included, of one family. */
    public record Range(boolean ipv6, BigInteger first, BigInteger last) {

        /** The largest block that starts the range: every address of it answers as the range does. */
        public Cidr representative() {
            int width = ipv6 ? 128 : 32;
            int prefix = width - Math.min(first.getLowestSetBit() < 0 ? width : first.getLowestSetBit(), width);
            while (first.add(BigInteger.ONE.shiftLeft(width - prefix)).subtract(BigInteger.ONE).compareTo(last) > 0) {
                prefix++;
            }
            return Cidr.of(address(ipv6, first), prefix);
        }

        /** Whether the range is exactly one CIDR block. */
        public boolean isOneBlock() {
            return end(representative()).equals(last);
        }

        /** An endpoint of the range's first block, which every rule treats as it treats the whole range. */
        public Endpoint.External probe() {
            return new Endpoint.External(new IpBlock(representative(), List.of()));
        }

        /** {@code ext:10.0.0.0/8} where the range is one block, else {@code ext:0.0.0.0-9.255.255.255}. */
        public String id() {
            if (isOneBlock()) {
                return "ext:" + representative().display();
            }
            return "ext:" + address(ipv6, first).display() + "-" + address(ipv6, last).display();
        }

        /** Whether {@code next} starts where this range ends. */
        boolean adjoins(Range next) {
            return next.ipv6 == ipv6 && last.add(BigInteger.ONE).equals(next.first);
        }

        Range joinedWith(Range next) {
            return new Range(ipv6, first, next.last);
        }
    }

    /** The ranges the blocks cut the address space into, IPv4 first, each family in address order. */
    public static List<Range> cut(Collection<IpBlock> blocks) {
        TreeSet<BigInteger> ipv4Edges = new TreeSet<>(List.of(BigInteger.ZERO, IPV4_END));
        TreeSet<BigInteger> ipv6Edges = new TreeSet<>(List.of(BigInteger.ZERO, IPV6_END));
        boolean anyIpv6 = false;
        for (IpBlock block : blocks) {
            List<Cidr> cidrs = new ArrayList<>(block.except());
            cidrs.add(block.cidr());
            for (Cidr cidr : cidrs) {
                TreeSet<BigInteger> edges = cidr.ipv6() ? ipv6Edges : ipv4Edges;
                anyIpv6 |= cidr.ipv6();
                edges.add(start(cidr));
                edges.add(end(cidr).add(BigInteger.ONE));
            }
        }
        List<Range> ranges = between(false, ipv4Edges);
        if (anyIpv6) {
            ranges.addAll(between(true, ipv6Edges));
        }
        return ranges;
    }

    /**
     * The range an id such as {@code ext:10.0.0.0/8} or {@code ext:0.0.0.0-9.255.255.255} names
     * (also {@code ext:any}, every IPv4 address); empty when the text is neither.
     */
    public static Optional<Range> parse(String id) {
        if (!id.startsWith("ext:")) {
            return Optional.empty();
        }
        String text = id.substring(4);
        if (text.equals("any")) {
            return Optional.of(new Range(false, BigInteger.ZERO, IPV4_END.subtract(BigInteger.ONE)));
        }
        int dash = text.indexOf('-');
        if (dash > 0) {
            Optional<IpAddress> first = IpAddress.parse(text.substring(0, dash));
            Optional<IpAddress> last = IpAddress.parse(text.substring(dash + 1));
            if (first.isEmpty() || last.isEmpty() || first.get().ipv6() != last.get().ipv6()
                    || number(first.get()).compareTo(number(last.get())) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Range(first.get().ipv6(), number(first.get()), number(last.get())));
        }
        return Cidr.parse(text).map(cidr -> new Range(cidr.ipv6(), start(cidr), end(cidr)));
    }

    private static List<Range> between(boolean ipv6, TreeSet<BigInteger> edges) {
        List<Range> ranges = new ArrayList<>();
        BigInteger previous = null;
        for (BigInteger edge : edges) {
            if (previous != null) {
                ranges.add(new Range(ipv6, previous, edge.subtract(BigInteger.ONE)));
            }
            previous = edge;
        }
        return ranges;
    }

    private static BigInteger start(Cidr cidr) {
        return number(cidr.network());
    }

    private static BigInteger end(Cidr cidr) {
        int width = cidr.ipv6() ? 128 : 32;
        return start(cidr).add(BigInteger.ONE.shiftLeft(width - cidr.prefixLength())).subtract(BigInteger.ONE);
    }

    private static BigInteger number(IpAddress address) {
        return new BigInteger(1, new byte[] {
            (byte) (address.high() >>> 56), (byte) (address.high() >>> 48), (byte) (address.high() >>> 40), (byte) (address.high() >>> 32),
            (byte) (address.high() >>> 24), (byte) (address.high() >>> 16), (byte) (address.high() >>> 8), (byte) address.high(),
            (byte) (address.low() >>> 56), (byte) (address.low() >>> 48), (byte) (address.low() >>> 40), (byte) (address.low() >>> 32),
            (byte) (address.low() >>> 24), (byte) (address.low() >>> 16), (byte) (address.low() >>> 8), (byte) address.low()});
    }

    private static IpAddress address(boolean ipv6, BigInteger number) {
        return new IpAddress(ipv6, number.shiftRight(64).longValue(), number.longValue());
    }
}

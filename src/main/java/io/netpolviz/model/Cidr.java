package io.netpolviz.model;

import java.util.Optional;

/**
 * An IPv4 or IPv6 CIDR block, held as a 128-bit number (IPv4 in the low 32 bits) and a prefix
 * length. Parsing is strict, as the API server's validation is: the address must be written in
 * full and the prefix must be present and in range. Host bits may be set (the API accepts
 * {@code 10.0.0.1/8}); they are masked off.
 */
public record Cidr(boolean ipv6, long high, long low, int prefixLength) implements Comparable<Cidr> {

    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        Optional<IpAddress> address = IpAddress.parse(text.substring(0, slash));
        String prefixText = text.substring(slash + 1);
        if (address.isEmpty() || prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(prefixText);
        int width = address.get().ipv6() ? 128 : 32;
        if (prefix > width) {
            return Optional.empty();
        }
        return Optional.of(of(address.get(), prefix));
    }

    public static Cidr of(IpAddress address, int prefixLength) {
        int width = address.ipv6() ? 128 : 32;
        int hostBits = width - prefixLength;
        long high = address.high();
        long low = address.low();
        if (hostBits >= 64) {
            low = 0;
            high = hostBits >= 128 ? 0 : high & (-1L << (hostBits - 64));
        } else if (hostBits > 0) {
            low &= -1L << hostBits;
        }
        return new Cidr(address.ipv6(), high, low, prefixLength);
    }

    public boolean contains(IpAddress address) {
        return address.ipv6() == ipv6 && of(address, prefixLength).equals(this);
    }

    /** Whether every address of {@code other} lies in this block. */
    public boolean contains(Cidr other) {
        return other.ipv6 == ipv6 && other.prefixLength >= prefixLength
                && of(new IpAddress(ipv6, other.high, other.low), prefixLength).equals(this);
    }

    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    public IpAddress network() {
        return new IpAddress(ipv6, high, low);
    }

    public String display() {
        return network().display() + "/" + prefixLength;
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public int compareTo(Cidr other) {
        if (ipv6 != other.ipv6) {
            return ipv6 ? 1 : -1;
        }
        int byHigh = Long.compareUnsigned(high, other.high);
        if (byHigh != 0) {
            return byHigh;
        }
        int byLow = Long.compareUnsigned(low, other.low);
        return byLow != 0 ? byLow : Integer.compare(prefixLength, other.prefixLength);
    }
}

package io.netpolviz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An IPv4 or IPv6 address as a 128-bit number; IPv4 uses the low 32 bits. Parsed without DNS. */
public record IpAddress(boolean ipv6, long high, long low) {

    public static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    private static Optional<IpAddress> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(new IpAddress(false, 0, value));
    }

    private static Optional<IpAddress> parseIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        if (doubleColon >= 0) {
            if (!groups(text.substring(0, doubleColon), head) || !groups(text.substring(doubleColon + 2), tail)) {
                return Optional.empty();
            }
            if (head.size() + tail.size() > 7) {
                return Optional.empty();
            }
        } else if (!groups(text, head) || head.size() != 8) {
            return Optional.empty();
        }
        int[] all = new int[8];
        for (int i = 0; i < head.size(); i++) {
            all[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            all[8 - tail.size() + i] = tail.get(i);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | all[i];
            low = (low << 16) | all[i + 4];
        }
        return Optional.of(new IpAddress(true, high, low));
    }

    private static boolean groups(String text, List<Integer> into) {
        if (text.isEmpty()) {
            return true;
        }
        for (String group : text.split(":", -1)) {
            if (group.isEmpty() || group.length() > 4) {
                return false;
            }
            for (char c : group.toCharArray()) {
                if (Character.digit(c, 16) < 0) {
                    return false;
                }
            }
            into.add(Integer.parseInt(group, 16));
        }
        return true;
    }

    /** IPv4 dotted; IPv6 as RFC 5952 recommends: lower-case hex, the longest run of two or more zero groups written {@code ::}. */
    public String display() {
        if (!ipv6) {
            return ((low >>> 24) & 255) + "." + ((low >>> 16) & 255) + "." + ((low >>> 8) & 255) + "." + (low & 255);
        }
        long[] groups = new long[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((i < 4 ? high : low) >>> ((3 - (i % 4)) * 16)) & 0xffff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > runLength) {
                runStart = i;
                runLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                out.append("::");
                i += runLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Long.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}

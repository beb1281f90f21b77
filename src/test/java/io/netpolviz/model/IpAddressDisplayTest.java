package io.netpolviz.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * IPv6 addresses are written as RFC 5952 (section 4) recommends: "Leading zeros MUST be
 * suppressed", "The use of the symbol "::" MUST be used to its maximum capability", "The symbol
 * "::" MUST NOT be used to shorten just one 16-bit 0 field", "When there is an alternative choice
 * in the placement of a "::", the longest run of consecutive 16-bit 0 fields MUST be shortened ...
 * the first sequence of zero bits MUST be shortened", and hex in lower case.
 */
class IpAddressDisplayTest {

    private static String shown(String text) {
        return IpAddress.parse(text).orElseThrow().display();
    }

    @Test
    void ipv6IsWrittenInItsShortestForm() {
        assertEquals("::", shown("0:0:0:0:0:0:0:0"));
        assertEquals("::1", shown("0:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1", shown("2001:0DB8:0:0:0:0:0:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", shown("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:0:0:1::1", shown("2001:0:0:1:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", shown("2001:db8:0:0:1:0:0:1"));
        assertEquals("fd00::", shown("fd00::"));
        assertEquals("::/0", Cidr.parse("::/0").orElseThrow().display());
        assertEquals("10.0.0.1", shown("10.0.0.1"));
    }
}

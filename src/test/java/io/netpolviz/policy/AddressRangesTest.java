package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.IpBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The disjoint address ranges a diff names addresses by. */
class AddressRangesTest {

    private static IpBlock block(String cidr, String... except) {
        return new IpBlock(Cidr.parse(cidr).orElseThrow(), List.of(except).stream().map(text -> Cidr.parse(text).orElseThrow()).toList());
    }

    private static List<String> ids(List<AddressRanges.Range> ranges) {
        return ranges.stream().map(AddressRanges.Range::id).toList();
    }

    @Test
    void withoutBlocksEveryIpv4AddressIsOneRange() {
        assertEquals(List.of("ext:0.0.0.0/0"), ids(AddressRanges.cut(List.of())));
    }

    @Test
    void aBlockAndItsExceptsCutTheSpaceAtTheirEdges() {
        assertEquals(List.of("ext:0.0.0.0-9.255.255.255", "ext:10.0.0.0/8", "ext:11.0.0.0-172.15.255.255", "ext:172.16.0.0/12",
                "ext:172.32.0.0-255.255.255.255"),
                ids(AddressRanges.cut(List.of(block("0.0.0.0/0", "10.0.0.0/8", "172.16.0.0/12")))));
        assertEquals(List.of("ext:0.0.0.0/1", "ext:128.0.0.0/1"), ids(AddressRanges.cut(List.of(block("0.0.0.0/1")))));
    }

    @Test
    void ipv6IsCutOnlyWhereARuleNamesAnIpv6Block() {
        List<AddressRanges.Range> ranges = AddressRanges.cut(List.of(block("2001:db8::/32")));
        assertEquals(4, ranges.size(), ids(ranges).toString());
        assertEquals("ext:0.0.0.0/0", ranges.get(0).id());
        assertTrue(ranges.get(2).id().startsWith("ext:2001:db8::/32"), ranges.get(2).id());
    }

    @Test
    void aRangesRepresentativeIsTheLargestBlockAtItsStart() {
        AddressRanges.Range range = AddressRanges.parse("ext:11.0.0.0-172.15.255.255").orElseThrow();
        assertEquals("11.0.0.0/8", range.representative().display());
        assertEquals("0.0.0.0/5", AddressRanges.parse("ext:0.0.0.0-9.255.255.255").orElseThrow().representative().display());
        assertEquals("ext:10.0.0.0/8", AddressRanges.parse("ext:10.0.0.0-10.255.255.255").orElseThrow().id());
        assertEquals("ext:0.0.0.0/0", AddressRanges.parse("ext:any").orElseThrow().id());
        assertTrue(AddressRanges.parse("ext:10.0.0.9-10.0.0.1").isEmpty());
        assertTrue(AddressRanges.parse("default/web").isEmpty());
    }
}

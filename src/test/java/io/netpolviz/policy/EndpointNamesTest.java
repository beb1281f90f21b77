package io.netpolviz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a user may type for an address: one address, a block, or every address under its old name. */
class EndpointNamesTest {

    private final PolicyEngine engine = new ClusterFixture().namespace("prod", "env=prod").pod("prod/db", "app=db").engine();

    @Test
    void anAddressABlockAndEveryAddressResolve() {
        assertEquals("ext:203.0.113.7/32", engine.resolve("ext:203.0.113.7").orElseThrow().id());
        assertEquals("ext:10.0.0.0/8", engine.resolve("ext:10.0.0.0/8").orElseThrow().id());
        assertEquals("ext:0.0.0.0/0", engine.resolve("ext:any").orElseThrow().id());
        assertEquals(engine.resolve("ext:any"), engine.resolve("ext:0.0.0.0/0"));
        assertTrue(((Endpoint.External) engine.resolve("ext:0.0.0.0/0").orElseThrow()).isAnyAddress());
    }

    @Test
    void aBadAddressResolvesToNothing() {
        assertTrue(engine.resolve("ext:10.0.0.0/33").isEmpty());
        assertTrue(engine.resolve("ext:10.0.0").isEmpty());
        assertTrue(engine.resolve("ext:anything").isEmpty());
    }
}

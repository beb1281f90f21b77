package io.netpolviz.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeCoalescingTest {

    private static ObjectChange pod(String name, ChangeType type) {
        return new ObjectChange("Pod", "shop", name, type);
    }

    @Test
    void eachObjectIsNamedOnceWithItsNetChangeInFirstSeenOrder() {
        List<ObjectChange> events = List.of(
                pod("web", ChangeType.ADDED),
                pod("db", ChangeType.MODIFIED),
                pod("web", ChangeType.MODIFIED),
                pod("db", ChangeType.DELETED),
                pod("cache", ChangeType.DELETED),
                pod("cache", ChangeType.ADDED));

        assertEquals(List.of(pod("web", ChangeType.ADDED), pod("db", ChangeType.DELETED), pod("cache", ChangeType.MODIFIED)),
                ChangeBurst.coalesce(events));
    }

    @Test
    void anObjectAddedAndDeletedWithinOneBurstIsNoChangeAtAll() {
        assertEquals(List.of(pod("other", ChangeType.MODIFIED)), ChangeBurst.coalesce(List.of(
                pod("blip", ChangeType.ADDED), pod("other", ChangeType.MODIFIED), pod("blip", ChangeType.DELETED))));
    }

    @Test
    void theSameNameInAnotherKindIsAnotherObject() {
        List<ObjectChange> events = List.of(pod("web", ChangeType.ADDED), new ObjectChange("Service", "shop", "web", ChangeType.ADDED));

        assertEquals(events, ChangeBurst.coalesce(events));
    }
}

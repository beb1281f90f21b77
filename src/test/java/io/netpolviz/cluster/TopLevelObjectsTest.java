package io.netpolviz.cluster;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopLevelObjectsTest {

    private static Map<String, Object> object(String kind, String name, String uid, String ownerUid, boolean controller, String phase) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", "shop");
        metadata.put("uid", uid);
        if (ownerUid != null) {
            metadata.put("ownerReferences", List.of(Map.of("kind", "X", "name", "owner", "uid", ownerUid, "controller", controller)));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", kind);
        object.put("metadata", metadata);
        if (phase != null) {
            object.put("status", Map.of("phase", phase));
        }
        return object;
    }

    private static List<String> names(List<Map<String, Object>> objects) {
        return objects.stream().map(ApiObjects::name).toList();
    }

    @Test
    void aControllerChainIsShownByItsTopOnly() {
        List<Map<String, Object>> objects = List.of(
                object("CronJob", "nightly", "c1", null, false, null),
                object("Job", "nightly-1", "j1", "c1", true, null),
                object("Pod", "nightly-1-abc", "p1", "j1", true, "Running"));

        assertEquals(List.of("nightly"), names(TopLevelObjects.select(objects, Function.identity())));
    }

    @Test
    void objectsWhoseOwnerWasNotReadStay() {
        List<Map<String, Object>> objects = List.of(
                object("Pod", "operator-made", "p1", "custom-resource-uid", true, "Running"),
                object("ReplicaSet", "orphan", "r1", "deleted-deployment-uid", true, null));

        assertEquals(List.of("operator-made", "orphan"), names(TopLevelObjects.select(objects, Function.identity())));
    }

    @Test
    void anOwnerThatIsNotTheControllerDoesNotHideAnything() {
        List<Map<String, Object>> objects = List.of(
                object("Deployment", "web", "d1", null, false, null),
                object("Pod", "adopted", "p1", "d1", false, "Running"));

        assertEquals(List.of("web", "adopted"), names(TopLevelObjects.select(objects, Function.identity())));
    }

    @Test
    void finishedPodsAreLeftOutAndPendingOnesStay() {
        List<Map<String, Object>> objects = List.of(
                object("Pod", "done", "p1", null, false, "Succeeded"),
                object("Pod", "crashed", "p2", null, false, "Failed"),
                object("Pod", "starting", "p3", null, false, "Pending"),
                object("Pod", "no-status-yet", "p4", null, false, null));

        assertEquals(List.of("starting", "no-status-yet"), names(TopLevelObjects.select(objects, Function.identity())));
    }
}

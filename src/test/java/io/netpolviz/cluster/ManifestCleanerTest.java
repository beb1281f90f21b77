package io.netpolviz.cluster;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestCleanerTest {

    private static Map<String, Object> deploymentAsServed() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("uid", "1234");
        metadata.put("annotations", new LinkedHashMap<>(Map.of(ManifestCleaner.LAST_APPLIED, "{}", "deployment.kubernetes.io/revision", "3")));
        metadata.put("resourceVersion", "99");
        metadata.put("generation", 4);
        metadata.put("creationTimestamp", "2024-01-01T00:00:00Z");
        metadata.put("managedFields", List.of(Map.of("manager", "kubectl")));
        metadata.put("ownerReferences", List.of(Map.of("uid", "x")));
        metadata.put("labels", Map.of("app", "web"));
        metadata.put("namespace", "shop");
        metadata.put("name", "web");
        Map<String, Object> template = new LinkedHashMap<>();
        Map<String, Object> templateMetadata = new LinkedHashMap<>();
        templateMetadata.put("creationTimestamp", null);
        templateMetadata.put("labels", Map.of("app", "web"));
        template.put("metadata", templateMetadata);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("status", Map.of("replicas", 3));
        object.put("spec", new LinkedHashMap<>(Map.of("replicas", 3, "template", template)));
        object.put("metadata", metadata);
        object.put("kind", "Deployment");
        object.put("apiVersion", "apps/v1");
        return object;
    }

    @Test
    void serverManagedFieldsAndStatusGoAndTheRestStays() {
        Map<String, Object> cleaned = ManifestCleaner.clean(deploymentAsServed());

        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), List.copyOf(cleaned.keySet()));
        Map<String, Object> metadata = ApiObjects.map(cleaned.get("metadata"));
        assertEquals(List.of("name", "namespace", "labels", "annotations"), List.copyOf(metadata.keySet()));
        assertEquals(Map.of("deployment.kubernetes.io/revision", "3"), metadata.get("annotations"));
        Map<String, Object> template = ApiObjects.map(ApiObjects.map(cleaned.get("spec")).get("template"));
        assertEquals(Map.of("labels", Map.of("app", "web")), template.get("metadata"));
        assertEquals(3, ApiObjects.map(cleaned.get("spec")).get("replicas"));
    }

    @Test
    void annotationsThatOnlyHeldTheLastAppliedCopyDisappear() {
        Map<String, Object> object = deploymentAsServed();
        ApiObjects.metadata(object).put("annotations", new LinkedHashMap<>(Map.of(ManifestCleaner.LAST_APPLIED, "{}")));

        assertFalse(ApiObjects.metadata(ManifestCleaner.clean(object)).containsKey("annotations"));
    }

    @Test
    void theOriginalIsLeftAsItWas() {
        Map<String, Object> object = deploymentAsServed();

        ManifestCleaner.clean(object);

        assertTrue(object.containsKey("status"));
        assertTrue(ApiObjects.metadata(object).containsKey("uid"));
        assertTrue(ApiObjects.map(ApiObjects.metadata(object).get("annotations")).containsKey(ManifestCleaner.LAST_APPLIED));
    }

    @Test
    void cleaningTwiceChangesNothingMore() {
        Map<String, Object> once = ManifestCleaner.clean(deploymentAsServed());

        assertEquals(once, ManifestCleaner.clean(once));
    }
}

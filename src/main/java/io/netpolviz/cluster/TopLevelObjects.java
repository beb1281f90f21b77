package io.netpolviz.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps the objects that stand for themselves in a live cluster's listing. A Deployment's
 * ReplicaSets and their Pods, a StatefulSet's or a Job's Pods, a CronJob's Jobs are copies
 * of a template that is already there: counting them again would show the same pods twice.
 * So an object whose controlling owner was read too is left out, and so is a pod that has
 * finished (Succeeded or Failed), since it can no longer send or receive traffic. An object
 * whose owner is something NetPolViz does not read (an operator's custom resource, a node)
 * stays, so its pods are still shown. The running pods of a workload that was read are given to
 * it by {@link #ownedPods}: policies select pods by the pods' own labels, which may differ from
 * the template's.
 */
public final class TopLevelObjects {

    private TopLevelObjects() {
    }

    /** The items whose object, as {@code raw} gives it, stands for itself; in the order given. */
    static <T> List<T> select(List<T> items, Function<T, Map<String, Object>> raw) {
        Set<String> readUids = new HashSet<>();
        for (T item : items) {
            String uid = ApiObjects.uid(raw.apply(item));
            if (!uid.isEmpty()) {
                readUids.add(uid);
            }
        }
        return items.stream()
                .filter(item -> !controlledByOneOf(raw.apply(item), readUids))
                .filter(item -> !finishedPod(raw.apply(item)))
                .toList();
    }

    /**
     * The running pods whose controllers lead to an object that was read, each with the object at
     * the top of that chain (a Deployment, not its ReplicaSet), in the order given.
     */
    static <T> Map<T, T> ownedPods(List<T> items, Function<T, Map<String, Object>> raw) {
        Map<String, T> byUid = new HashMap<>();
        for (T item : items) {
            String uid = ApiObjects.uid(raw.apply(item));
            if (!uid.isEmpty()) {
                byUid.put(uid, item);
            }
        }
        Map<T, T> owners = new LinkedHashMap<>();
        for (T item : items) {
            Map<String, Object> object = raw.apply(item);
            if (!"Pod".equals(ApiObjects.kind(object)) || finishedPod(object)) {
                continue;
            }
            T top = null;
            Set<String> visited = new HashSet<>();
            for (T at = controllerOf(raw.apply(item), byUid); at != null && visited.add(ApiObjects.uid(raw.apply(at)));
                    at = controllerOf(raw.apply(at), byUid)) {
                top = at;
            }
            if (top != null) {
                owners.put(item, top);
            }
        }
        return owners;
    }

    private static <T> T controllerOf(Map<String, Object> object, Map<String, T> byUid) {
        for (Object reference : ApiObjects.list(ApiObjects.metadata(object).get("ownerReferences"))) {
            Map<String, Object> owner = ApiObjects.map(reference);
            if (Boolean.TRUE.equals(owner.get("controller"))) {
                return byUid.get(ApiObjects.text(owner.get("uid")));
            }
        }
        return null;
    }

    private static boolean controlledByOneOf(Map<String, Object> object, Set<String> uids) {
        for (Object reference : ApiObjects.list(ApiObjects.metadata(object).get("ownerReferences"))) {
            Map<String, Object> owner = ApiObjects.map(reference);
            if (Boolean.TRUE.equals(owner.get("controller")) && uids.contains(ApiObjects.text(owner.get("uid")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean finishedPod(Map<String, Object> object) {
        if (!"Pod".equals(ApiObjects.kind(object))) {
            return false;
        }
        String phase = ApiObjects.text(ApiObjects.map(object.get("status")).get("phase"));
        return phase.equals("Succeeded") || phase.equals("Failed");
    }
}

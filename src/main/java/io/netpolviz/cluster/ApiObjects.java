package io.netpolviz.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and deep-copying generic API objects held as maps, null-safe throughout. */
final class ApiObjects {

    private ApiObjects() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static Map<String, Object> metadata(Map<String, Object> object) {
        return map(object.get("metadata"));
    }

    static String name(Map<String, Object> object) {
        return text(metadata(object).get("name"));
    }

    static String namespace(Map<String, Object> object) {
        return text(metadata(object).get("namespace"));
    }

    static String uid(Map<String, Object> object) {
        return text(metadata(object).get("uid"));
    }

    static String kind(Map<String, Object> object) {
        return text(object.get("kind"));
    }

    /** A copy in which every map and list is a fresh mutable one, so that cleaning never touches the original. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> copy.put(text(key), deepCopy(nested)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(nested -> copy.add(deepCopy(nested)));
            return (T) copy;
        }
        return value;
    }

    /** A deep copy that cannot be changed, keeping key order. */
    @SuppressWarnings("unchecked")
    static <T> T frozen(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> copy.put(text(key), frozen(nested)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(nested -> copy.add(frozen(nested)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }
}

package io.netpolviz.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for API objects held as plain maps, shared by the loader and the live-cluster writer. */
public final class ManifestMaps {

    private ManifestMaps() {
    }

    /** A deep copy without null-valued entries, so a dumped manifest reads as a person writes one. */
    public static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    copy.put(key, withoutNulls(item));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ManifestMaps::withoutNulls).toList();
        }
        return value;
    }
}

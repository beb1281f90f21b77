package io.netpolviz.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The value of a plain scalar as the full parser gives it: typed by SnakeYAML's resolver (YAML
 * 1.1: {@code yes} is true, {@code 0x1F} is 31) and built by the same {@link PlainConstructor}
 * (timestamps stay strings). Manifests repeat the same keys and values thousands of times, so each
 * distinct text is resolved once and its value shared; every value is immutable.
 */
final class ScalarValues {

    /** Returned for a scalar the full parser gives a type beyond these (a merge key, say). */
    static final Object UNUSUAL = new Object();

    private static final Set<Tag> PLAIN_TYPES = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

    private final Resolver resolver = new Resolver();
    private final PlainConstructor constructor = new PlainConstructor(new LoaderOptions());
    private final Map<String, Object> known = new HashMap<>();

    /** The value of the plain scalar written as {@code written}, or {@link #UNUSUAL}. */
    Object plain(String written) {
        Object value = known.get(written);
        if (value == null && !known.containsKey(written)) {
            value = resolve(written);
            known.put(written, value);
        }
        return value;
    }

    private Object resolve(String written) {
        Tag tag = resolver.resolve(NodeId.scalar, written, true);
        if (!PLAIN_TYPES.contains(tag)) {
            return UNUSUAL;
        }
        return constructor.construct(new ScalarNode(tag, written, null, null, DumperOptions.ScalarStyle.PLAIN));
    }
}

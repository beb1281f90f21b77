package io.netpolviz.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed YAML node into plain maps, lists and scalars, as kubectl's YAML reading
 * would: duplicate keys are an error, and timestamps stay strings (go-yaml hands them over as
 * strings, so an unquoted date is a valid label value there and must be here too).
 */
final class PlainConstructor extends SafeConstructor {

    PlainConstructor(LoaderOptions options) {
        super(options);
        setAllowDuplicateKeys(false);
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object construct(Node root) {
        return constructDocument(root);
    }
}

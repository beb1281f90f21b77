package io.netpolviz.load;

import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;

/** Reads protocols and ports, which policies, containers and services share. */
final class PortReader {

    private PortReader() {
    }

    /** The protocol, TCP when absent (the API's default), null when invalid. */
    static Protocol protocol(ObjectReader reader, Object value, FieldPath path) {
        if (value == null) {
            return Protocol.TCP;
        }
        String text = reader.string(value, path);
        if (text == null) {
            return null;
        }
        Protocol protocol = Protocol.parse(text).orElse(null);
        if (protocol == null) {
            reader.error(path, path + " \"" + text + "\" is not a supported protocol; use TCP, UDP or SCTP"
                    + " (the API is case-sensitive)");
        }
        return protocol;
    }

    /** A port number in 1..65535, or null (with an error) when it is not one. */
    static Integer portNumber(ObjectReader reader, Object value, FieldPath path) {
        Integer number = reader.int32(value, path);
        if (number == null) {
            return null;
        }
        if (number < 1 || number > 65535) {
            reader.error(path, path + " is " + number + ", which is not a port number; use 1 to 65535");
            return null;
        }
        return number;
    }

    /**
     * An IntOrString port: a number is a port number, a string a port name. Exactly as the API
     * decodes it, the quoted {@code "8080"} is a name (and an invalid one, having no letter).
     * Null when absent or invalid.
     */
    static PortRef numberOrName(ObjectReader reader, Object value, FieldPath path) {
        if (value == null) {
            return null;
        }
        if (value instanceof String name) {
            String problem = NameRules.portName(name);
            if (problem != null) {
                reader.error(path, path + " \"" + name + "\" " + problem);
                return null;
            }
            return PortRef.named(name);
        }
        if (ObjectReader.wholeNumber(value) == null) {
            reader.error(path, path + " must be a port number or a port name, not " + ObjectReader.describe(value));
            return null;
        }
        Integer number = portNumber(reader, value, path);
        return number == null ? null : PortRef.number(number);
    }
}

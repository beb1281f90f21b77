package io.netpolviz.load;

import java.util.regex.Pattern;

/**
 * The API server's rules for names, label keys and values, and port names. Each check returns
 * null when the text is valid, otherwise what is wrong with it in plain words.
 */
final class NameRules {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");

    private NameRules() {
    }

    /** How an object's {@code metadata.name} must look, which depends on its kind. */
    enum NameRule {
        /** RFC 1123 label: namespaces. */
        DNS_LABEL,
        /** RFC 1123 subdomain: most objects. */
        DNS_SUBDOMAIN,
        /** RFC 1035 label: services, whose names become DNS names that must not start with a digit. */
        DNS_1035_LABEL;

        String check(String name) {
            return switch (this) {
                case DNS_LABEL -> dnsLabel(name);
                case DNS_SUBDOMAIN -> dnsSubdomain(name);
                case DNS_1035_LABEL -> dns1035Label(name);
            };
        }
    }

    static String dnsLabel(String name) {
        if (name.length() > 63) {
            return "is longer than 63 characters";
        }
        return DNS_LABEL.matcher(name).matches() ? null
                : "is not a valid name: use lowercase letters, digits and '-', starting and ending with a letter or digit";
    }

    static String dnsSubdomain(String name) {
        if (name.length() > 253) {
            return "is longer than 253 characters";
        }
        return DNS_SUBDOMAIN.matcher(name).matches() ? null
                : "is not a valid name: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
    }

    static String dns1035Label(String name) {
        if (name.length() > 63) {
            return "is longer than 63 characters";
        }
        return DNS_1035_LABEL.matcher(name).matches() ? null
                : "is not a valid name: use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
    }

    /**
     * An IANA_SVC_NAME, as container port names and named policy ports must be: at most 15
     * characters, lowercase letters, digits and '-', at least one letter, and no '-' at either
     * end or twice in a row. A quoted number such as {@code "8080"} fails the letter rule.
     */
    static String portName(String name) {
        if (name.isEmpty() || name.length() > 15) {
            return "is not a valid port name: it must be 1 to 15 characters long";
        }
        if (!PORT_NAME_CHARS.matcher(name).matches()) {
            return "is not a valid port name: use only lowercase letters, digits and '-'";
        }
        if (name.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return "is not a valid port name: a port name must contain at least one letter"
                    + " (to give a port number, write it without quotes)";
        }
        if (name.startsWith("-") || name.endsWith("-") || name.contains("--")) {
            return "is not a valid port name: it must not start or end with '-' or contain '--'";
        }
        return null;
    }

    /** A label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    static String labelKey(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || dnsSubdomain(prefix) != null) {
                return "is not a valid label key: the part before '/' must be a DNS subdomain such as example.com";
            }
        }
        if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            return "is not a valid label key: the name must be 1 to 63 letters, digits, '-', '_' or '.',"
                    + " starting and ending with a letter or digit";
        }
        return null;
    }

    /** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends. */
    static String labelValue(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 63 || !LABEL_NAME.matcher(value).matches()) {
            return "is not a valid label value: use at most 63 letters, digits, '-', '_' or '.',"
                    + " starting and ending with a letter or digit";
        }
        return null;
    }
}

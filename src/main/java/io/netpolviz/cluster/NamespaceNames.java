package io.netpolviz.cluster;

import java.util.regex.Pattern;

/** The API server's rule for namespace names (an RFC 1123 label), checked before a name reaches a URL or a file name. */
final class NamespaceNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private NamespaceNames() {
    }

    static boolean valid(String name) {
        return name != null && LABEL.matcher(name).matches();
    }
}

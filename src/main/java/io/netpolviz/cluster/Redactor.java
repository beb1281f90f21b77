package io.netpolviz.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Scrubs known credential strings (tokens, passwords, key and certificate data) from any text
 * that leaves the package. Messages are composed without credentials in the first place; this
 * is the second line of defence for text that comes from elsewhere, such as a server's error.
 */
final class Redactor {

    static final String MASK = "[redacted]";

    private final List<String> secrets;

    Redactor(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                kept.add(secret);
            }
        }
        // Longest first, so that a secret containing another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.secrets = List.copyOf(kept);
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}

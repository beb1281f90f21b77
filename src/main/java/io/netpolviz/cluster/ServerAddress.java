package io.netpolviz.cluster;

import java.util.Optional;

/** Server URLs as messages may show them: a password written into the URL is never shown. */
final class ServerAddress {

    private ServerAddress() {
    }

    /** {@code https://user:pw@host:6443/} becomes {@code https://host:6443}; a trailing slash goes too. */
    static String withoutUserInfo(String url) {
        if (url == null) {
            return "";
        }
        String cleaned = url;
        int scheme = cleaned.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = cleaned.indexOf('@', start);
        int slash = cleaned.indexOf('/', start);
        if (at >= 0 && (slash < 0 || at < slash)) {
            cleaned = cleaned.substring(0, start) + cleaned.substring(at + 1);
        }
        while (cleaned.endsWith("/") && cleaned.length() > start + 1) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }

    /** The {@code user:password} part of a URL, if it has one. */
    static Optional<String> userInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int at = url.indexOf('@', start);
        int slash = url.indexOf('/', start);
        if (at < 0 || (slash >= 0 && slash < at)) {
            return Optional.empty();
        }
        return Optional.of(url.substring(start, at));
    }
}

package io.netpolviz.cluster;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The credentials of every kubeconfig context this process has connected with, to scrub from
 * text that NetPolViz did not compose before it is shown: a library's log record, or an
 * exception that quotes a server's answer (a server may quote the token it refused). Our own
 * messages hold no credentials in the first place; this is the second line of defence for the
 * whole process, as each connection's {@link Redactor} is for its own messages.
 */
public final class KnownCredentials {

    private static final Set<String> SECRETS = new LinkedHashSet<>();
    private static volatile Redactor redactor = new Redactor(List.of());

    private KnownCredentials() {
    }

    /** Adds a context's credentials; nulls and strings too short to be secrets are left out. */
    static synchronized void remember(Collection<String> secrets) {
        secrets.stream().filter(Objects::nonNull).forEach(SECRETS::add);
        redactor = new Redactor(SECRETS);
    }

    /** {@code text} with every known credential masked; null stays null. */
    public static String redact(String text) {
        return text == null ? null : redactor.redact(text);
    }
}

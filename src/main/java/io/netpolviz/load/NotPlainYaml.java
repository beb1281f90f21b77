package io.netpolviz.load;

/**
 * Thrown inside {@link BlockYamlReader} when a text needs the full parser; it never leaves the
 * reader, which then reads nothing. One instance without a stack trace: it is not an error.
 */
final class NotPlainYaml extends RuntimeException {

    static final NotPlainYaml INSTANCE = new NotPlainYaml();

    private NotPlainYaml() {
        super(null, null, false, false);
    }
}

package io.netpolviz.cli;

/** The command line is wrong: the message says what, and the command exits with 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

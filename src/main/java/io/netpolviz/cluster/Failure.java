package io.netpolviz.cluster;

/**
 * Why reading the cluster failed, as a message for the user; {@code lasting} failures (bad
 * credentials, an untrusted certificate) are not retried until the user asks.
 */
record Failure(boolean lasting, String message) {
}

package io.netpolviz.cli;

import java.io.PrintStream;

/**
 * Text written to a stream a chunk at a time: reports of large clusters run to gigabytes, more
 * than one string can hold, and writing them line by line to a {@code PrintStream} would pay its
 * locking and encoding for every line.
 */
final class ChunkedOutput {

    private static final int CHUNK_CHARS = 1 << 20;

    private final PrintStream target;
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);

    ChunkedOutput(PrintStream target) {
        this.target = target;
    }

    /** The chunk to append to; call {@link #written} after each piece. */
    StringBuilder text() {
        return chunk;
    }

    /** Passes the chunk on once it is full. */
    void written() {
        if (chunk.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    void flush() {
        target.append(chunk);
        chunk.setLength(0);
        target.flush();
    }
}

package io.netpolviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedOutputTest {

    @Test
    void textReachesTheStreamOnlyInChunksOfAMillionCharactersAndAllOfItOnFlush() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChunkedOutput output = new ChunkedOutput(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        String line = "billing-1/audit-worker  billing-1/audit3-db  TCP 5432\n";
        int lines = 0;
        while ((long) lines * line.length() < (1 << 20) - line.length()) {
            output.text().append(line);
            output.written();
            lines++;
        }
        assertEquals(0, bytes.size(), "under a chunk: nothing written yet");

        output.text().append(line).append(line);
        output.written();
        int afterChunk = bytes.size();
        assertEquals((long) (lines + 2) * line.length(), afterChunk, "a full chunk goes out whole");

        output.text().append("✓ the rest\n");
        output.written();
        assertEquals(afterChunk, bytes.size());
        output.flush();
        assertEquals(afterChunk + "✓ the rest\n".getBytes(StandardCharsets.UTF_8).length, bytes.size());
        assertEquals("✓ the rest\n", bytes.toString(StandardCharsets.UTF_8).substring(afterChunk));
    }
}

package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a manifest file as UTF-8 text, refusing what is not text: files over the size limit,
 * binary files (NUL bytes), UTF-16 files and invalid UTF-8, each with a diagnostic.
 */
final class ManifestText {

    private ManifestText() {
    }

    static Optional<SourceText> read(ManifestFile file, long maxBytes, Consumer<Diagnostic> report) {
        SourceRef whole = SourceRef.of(file.display());
        byte[] bytes;
        try {
            long size = Files.size(file.path());
            if (size > maxBytes) {
                report.accept(Diagnostic.error(whole, tooLarge(size, maxBytes)));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            report.accept(Diagnostic.error(whole, "cannot be read (" + ManifestFinder.reason(e) + "); check that it exists and is readable"));
            return Optional.empty();
        }
        return decode(file.display(), bytes, maxBytes, report);
    }

    /** The same checks for bytes that come from elsewhere than a file on disk (a git revision's blob). */
    static Optional<SourceText> decode(String display, byte[] bytes, long maxBytes, Consumer<Diagnostic> report) {
        SourceRef whole = SourceRef.of(display);
        if (bytes.length > maxBytes) {
            report.accept(Diagnostic.error(whole, tooLarge(bytes.length, maxBytes)));
            return Optional.empty();
        }
        if (startsWithUtf16Mark(bytes)) {
            report.accept(Diagnostic.error(whole, "is UTF-16 text; save it as UTF-8 (kubectl and NetPolViz read UTF-8)"));
            return Optional.empty();
        }
        for (byte b : bytes) {
            if (b == 0) {
                report.accept(Diagnostic.error(whole, "is a binary file (it contains NUL bytes), not YAML or JSON text; it is skipped"));
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badByte = in.position();
            String before = new String(bytes, 0, badByte, StandardCharsets.UTF_8);
            int[] position = SourceText.lineAndColumn(before, before.length());
            report.accept(Diagnostic.error(new SourceRef(display, position[0], position[1]),
                    String.format(Locale.ROOT, "is not valid UTF-8 text (byte 0x%02X cannot start or continue a character here);"
                            + " save the file as UTF-8", bytes[badByte] & 0xff)));
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Optional.of(new SourceText(text));
    }

    private static boolean startsWithUtf16Mark(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    }

    private static String tooLarge(long size, long maxBytes) {
        return String.format(Locale.ROOT, "is %.1f MB, more than the limit of %.1f MB for one manifest file; split it into smaller files",
                size / 1048576.0, maxBytes / 1048576.0);
    }
}

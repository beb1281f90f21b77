package io.netpolviz.view;

import io.netpolviz.render.Background;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the export dialog asks for: the file, PNG or SVG, the PNG's scale (pixels per diagram
 * unit) and the background.
 */
public record ExportRequest(Path file, Format format, double scale, Background background) {

    /** The two file kinds the painter writes. */
    public enum Format {
        PNG("png"), SVG("svg");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** SVG for a {@code .svg} file, else PNG. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? SVG : PNG;
        }
    }

    /** The largest scale offered; the export command takes the same range. */
    public static final double MAX_SCALE = 8;

    public ExportRequest {
        if (file == null || format == null || background == null) {
            throw new IllegalArgumentException("file, format and background are required");
        }
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be above 0 and at most " + MAX_SCALE + ": " + scale);
        }
    }

    /** The kind the file name says, at 2× on white: what a quick export of a slide wants. */
    public static ExportRequest forFile(Path file) {
        return new ExportRequest(file, Format.of(file), 2.0, Background.OPAQUE);
    }
}

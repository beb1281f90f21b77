package io.netpolviz.load;

import java.nio.file.Path;

/**
 * A file to read, with the name diagnostics show for it (the path as the user gave it, or below a
 * folder they gave); or, when {@code helmChart}, a chart's folder, read by rendering it.
 */
record ManifestFile(Path path, String display, boolean helmChart) {

    ManifestFile(Path path, String display) {
        this(path, display, false);
    }
}

package io.netpolviz.load;

import java.nio.file.Path;

/** A file to read, with the name diagnostics show for it (the path as the user gave it, or below a folder they gave). */
record ManifestFile(Path path, String display) {
}

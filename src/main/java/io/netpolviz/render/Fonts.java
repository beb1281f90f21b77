package io.netpolviz.render;

import io.netpolviz.layout.AwtTextMeasurer;
import io.netpolviz.layout.FontSpec;
import java.awt.Font;
import java.util.HashMap;
import java.util.Map;

/** The AWT fonts of one paint, made exactly as layout measured them. */
final class Fonts {

    private final Map<FontSpec, Font> cache = new HashMap<>();

    Font of(FontSpec spec) {
        return cache.computeIfAbsent(spec, AwtTextMeasurer::toAwtFont);
    }
}

package io.netpolviz.layout;

import java.util.List;

/** The legend box under the drawing, listing only what the diagram can show. */
public record Legend(Rect bounds, List<LegendEntry> entries) {

    public Legend {
        entries = List.copyOf(entries);
    }
}

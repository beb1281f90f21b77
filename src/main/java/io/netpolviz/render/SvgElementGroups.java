package io.netpolviz.render;

import java.awt.Graphics2D;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.svg.SVGHints;

/**
 * Turns element boundaries into SVG groups through JFreeSVG's hints. Ids are numbered in paint
 * order ({@code node-3}) because node ids hold characters that XML ids may not, and JFreeSVG
 * refuses duplicates; the real id goes into {@code data-id}.
 */
final class SvgElementGroups implements ElementGroups {

    private int next = 1;

    @Override
    public void begin(Graphics2D g, String kind, String id, String description) {
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("id", kind.toLowerCase(Locale.ROOT) + "-" + next++);
        attributes.put("class", kind);
        attributes.put("data-id", id);
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, attributes);
        if (!description.isEmpty()) {
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, description);
        }
    }

    @Override
    public void end(Graphics2D g) {
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
    }
}

package io.netpolviz.render;

import java.awt.Graphics2D;

/**
 * Told where each diagram element starts and ends while it is painted, so a surface that can
 * keep structure (SVG groups with ids and tooltips) does; other surfaces ignore it.
 */
public interface ElementGroups {

    /** Ignores all groups. */
    ElementGroups NONE = new ElementGroups() {
        @Override
        public void begin(Graphics2D g, String kind, String id, String description) {
        }

        @Override
        public void end(Graphics2D g) {
        }
    };

    /**
     * Starts an element.
     *
     * @param kind {@code namespace}, {@code node}, {@code edge}, {@code legend} or {@code title}
     * @param id the node id, edge key or namespace name
     * @param description a one-line text for a tooltip
     */
    void begin(Graphics2D g, String kind, String id, String description);

    void end(Graphics2D g);
}

package io.netpolviz.render;

import java.awt.Color;

/**
 * The colours of the node-kind icons, derived from a {@link Theme}. The theme gives the ink
 * ({@link Theme#iconStroke()}), the paper ({@link Theme#iconFill()}) and the light
 * ({@link Theme#canvas()}); each icon keeps its own hue (pods Kubernetes blue, the globe sea
 * blue-green, the signpost amber), so a kind is recognised by colour as well as by shape, and
 * shades those hues towards the theme's ink and light for the lit and shaded faces. A theme with
 * darker ink (the projector one) therefore gets deeper shadows without listing icon colours.
 */
record IconPalette(
        Color ink,
        Color paper,
        Color light,
        Color podTop,
        Color podLeft,
        Color podRight,
        Color titleBar,
        Color globe,
        Color post,
        Color upperSign,
        Color lowerSign) {

    /** The blue of the Kubernetes logo, the colour people already know a pod by. */
    private static final Color POD = new Color(0x326CE5);
    private static final Color SEA = new Color(0x1E9BB0);
    private static final Color AMBER = new Color(0xF2B441);
    private static final Color ORANGE = new Color(0xE08A1E);

    static IconPalette of(Theme theme) {
        Color ink = theme.iconStroke();
        Color light = theme.canvas();
        Color paper = theme.iconFill();
        return new IconPalette(ink, paper, light,
                mix(POD, light, 0.45), POD, mix(POD, ink, 0.3),
                mix(ink, paper, 0.35),
                SEA,
                mix(ORANGE, ink, 0.6), AMBER, ORANGE);
    }

    /** {@code from} moved {@code share} of the way towards {@code to}, channel by channel. */
    static Color mix(Color from, Color to, double share) {
        return new Color(
                channel(from.getRed(), to.getRed(), share),
                channel(from.getGreen(), to.getGreen(), share),
                channel(from.getBlue(), to.getBlue(), share));
    }

    private static int channel(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }
}

package io.netpolviz.layout;

import java.util.List;

/**
 * Where the parts of a node box go, relative to its top-left corner, so that moving a node
 * moves only its bounds.
 */
public record NodeFace(Rect icon, Point labelBaseline, Point captionBaseline, List<Badge> badges) {

    public NodeFace {
        badges = List.copyOf(badges);
    }
}

package io.netpolviz.layout;

import java.util.List;

/**
 * One node of the diagram: a workload, an external peer or a collapsed namespace.
 * {@code namespace} names the box it sits in, empty when it sits outside every box.
 */
public record NodeBox(
        String id,
        String label,
        String caption,
        String namespace,
        NodeStyle style,
        IconKind icon,
        int replicas,
        boolean hostNetwork,
        Rect bounds,
        NodeFace face,
        boolean hidden) {

    public Rect iconBounds() {
        return face.icon().translated(bounds.x(), bounds.y());
    }

    public Point labelBaseline() {
        return face.labelBaseline().translated(bounds.x(), bounds.y());
    }

    public Point captionBaseline() {
        return face.captionBaseline().translated(bounds.x(), bounds.y());
    }

    /** The badges in diagram coordinates. */
    public List<Badge> badges() {
        return face.badges().stream()
                .map(badge -> new Badge(badge.kind(), badge.text(), badge.bounds().translated(bounds.x(), bounds.y()),
                        badge.textBaseline().translated(bounds.x(), bounds.y())))
                .toList();
    }

    public NodeBox movedBy(double dx, double dy) {
        return new NodeBox(id, label, caption, namespace, style, icon, replicas, hostNetwork,
                bounds.translated(dx, dy), face, hidden);
    }

    public NodeBox withHidden(boolean hide) {
        return new NodeBox(id, label, caption, namespace, style, icon, replicas, hostNetwork, bounds, face, hide);
    }
}

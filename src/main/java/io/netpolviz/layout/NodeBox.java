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

    /** This node with another size, its icon and text kept vertically centred. */
    public NodeBox resized(double width, double height) {
        if (width == bounds.width() && height == bounds.height()) {
            return this;
        }
        double shift = (height - bounds.height()) / 2;
        NodeFace moved = new NodeFace(face.icon().translated(0, shift), face.labelBaseline().translated(0, shift),
                face.captionBaseline().translated(0, shift),
                face.badges().stream().map(badge -> new Badge(badge.kind(), badge.text(),
                        badge.bounds().translated(0, shift), badge.textBaseline().translated(0, shift))).toList());
        return new NodeBox(id, label, caption, namespace, style, icon, replicas, hostNetwork,
                new Rect(bounds.x(), bounds.y(), width, height), moved, hidden);
    }

    public NodeBox withHidden(boolean hide) {
        return new NodeBox(id, label, caption, namespace, style, icon, replicas, hostNetwork, bounds, face, hide);
    }
}

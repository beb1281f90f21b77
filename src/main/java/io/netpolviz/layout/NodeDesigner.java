package io.netpolviz.layout;

import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decides what a node box says and how big it is: icon at the left, name over caption, badges after the caption. */
final class NodeDesigner {

    private final Typography typography;
    private final TextMeasurer measurer;
    private final double unit;

    NodeDesigner(LayoutOptions options) {
        this.typography = options.typography();
        this.measurer = options.measurer();
        this.unit = options.unit();
    }

    /** The box for a node, placed at the origin. */
    NodeBox design(GraphNode node) {
        String label = label(node);
        String caption = caption(node);
        double padX = 10 * unit;
        double padY = 7 * unit;
        double iconSize = 26 * unit;
        double lineGap = 2 * unit;
        TextMetrics labelText = measurer.measure(label, typography.nodeLabel());
        TextMetrics captionText = measurer.measure(caption, typography.nodeCaption());
        double textHeight = labelText.height() + lineGap + captionText.height();
        double height = 2 * padY + Math.max(textHeight, iconSize);
        double textX = padX + iconSize + 8 * unit;
        double textTop = (height - textHeight) / 2;
        double labelBaseline = textTop + labelText.ascent();
        double captionBaseline = labelBaseline + labelText.descent() + lineGap + captionText.ascent();

        List<Badge> badges = new ArrayList<>();
        double badgeX = textX + captionText.width() + 6 * unit;
        double captionMiddle = captionBaseline - captionText.ascent() + captionText.height() / 2;
        for (Badge badge : badgeTexts(node)) {
            TextMetrics badgeText = measurer.measure(badge.text(), typography.badge());
            double badgeHeight = badgeText.height() + 2 * unit;
            double badgeTop = captionMiddle - badgeHeight / 2;
            Rect bounds = new Rect(badgeX, badgeTop, badgeText.width() + 8 * unit, badgeHeight);
            badges.add(new Badge(badge.kind(), badge.text(), bounds,
                    new Point(badgeX + 4 * unit, badgeTop + unit + badgeText.ascent())));
            badgeX = bounds.maxX() + 4 * unit;
        }
        double captionLineWidth = (badges.isEmpty() ? textX + captionText.width() : badgeX - 4 * unit) - textX;
        double width = Math.max(textX + Math.max(labelText.width(), captionLineWidth) + padX, 120 * unit);
        NodeFace face = new NodeFace(new Rect(padX, (height - iconSize) / 2, iconSize, iconSize),
                new Point(textX, labelBaseline), new Point(textX, captionBaseline), badges);
        // A workload and a collapsed part of a namespace sit in the namespace's box.
        String namespace = node.type() == NodeType.WORKLOAD || (node.type() == NodeType.NAMESPACE && node.namespaces() == 0)
                ? node.namespace() : "";
        return new NodeBox(node.id(), label, caption, namespace, style(node), icon(node), node.replicas(),
                node.hostNetwork(), new Rect(0, 0, width, height), face, false);
    }

    private static List<Badge> badgeTexts(GraphNode node) {
        List<Badge> badges = new ArrayList<>();
        Rect none = new Rect(0, 0, 0, 0);
        Point origin = new Point(0, 0);
        if (node.type() == NodeType.NAMESPACE) {
            badges.add(new Badge(BadgeKind.REPLICAS, count(node.replicas(), "pod"), none, origin));
        } else if (node.replicas() > 1) {
            badges.add(new Badge(BadgeKind.REPLICAS, "\u00D7" + node.replicas(), none, origin));
        }
        if (node.hostNetwork()) {
            badges.add(new Badge(BadgeKind.HOST_NETWORK, "host network", none, origin));
        }
        return badges;
    }

    static String label(GraphNode node) {
        if (node.name() != null && !node.name().isBlank()) {
            return node.name();
        }
        String id = node.id();
        int colon = id.indexOf(':');
        int slash = id.lastIndexOf('/');
        if (node.type() == NodeType.WORKLOAD && slash >= 0) {
            return id.substring(slash + 1);
        }
        return colon >= 0 ? id.substring(colon + 1) : id;
    }

    /** Long enough for "pods of Deployment checkout · quarantine=true"; the node's details say the rest. */
    private static final int LONGEST_CAPTION = 48;

    private static String caption(GraphNode node) {
        if (!node.origin().isEmpty()) {
            return node.origin().length() <= LONGEST_CAPTION ? node.origin() : node.origin().substring(0, LONGEST_CAPTION - 1) + "\u2026";
        }
        return switch (node.type()) {
            case WORKLOAD -> node.workloadKind() == null ? WorkloadKind.POD.apiKind() : node.workloadKind().apiKind();
            case EXTERNAL -> "outside the cluster";
            case NAMESPACE -> switch (node.namespaces()) {
                case 0 -> count(node.workloads(), "workload") + " in " + node.namespace();
                case 1 -> "namespace \u00B7 " + count(node.workloads(), "workload");
                default -> count(node.namespaces(), "namespace") + " \u00B7 " + count(node.workloads(), "workload");
            };
        };
    }

    /** {@code 1 pod}, {@code 1,480 pods}. */
    private static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static NodeStyle style(GraphNode node) {
        return switch (node.type()) {
            case WORKLOAD -> node.workloadKind() == WorkloadKind.STAND_IN ? NodeStyle.STAND_IN : NodeStyle.WORKLOAD;
            case EXTERNAL -> NodeStyle.EXTERNAL;
            case NAMESPACE -> NodeStyle.NAMESPACE;
        };
    }

    private static IconKind icon(GraphNode node) {
        return switch (node.type()) {
            case EXTERNAL -> IconKind.EXTERNAL;
            case NAMESPACE -> IconKind.NAMESPACE;
            case WORKLOAD -> {
                if (isDns(node)) {
                    yield IconKind.DNS;
                }
                yield node.workloadKind() == null || node.workloadKind() == WorkloadKind.POD
                        ? IconKind.POD : IconKind.WORKLOAD;
            }
        };
    }

    /** CoreDNS and kube-dns carry {@code k8s-app=kube-dns}; other DNS servers usually say so in their name. */
    private static boolean isDns(GraphNode node) {
        String app = node.labels().getOrDefault("k8s-app", "");
        return app.equals("kube-dns") || app.equals("coredns")
                || label(node).toLowerCase(Locale.ROOT).contains("dns");
    }
}

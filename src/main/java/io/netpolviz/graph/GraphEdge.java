package io.netpolviz.graph;

import io.netpolviz.policy.Endpoint;
import io.netpolviz.policy.PortRange;
import io.netpolviz.policy.PortSet;
import java.util.List;

/**
 * A directed edge from a source to a destination, with one verdict per port. An end is a node id
 * or, for an edge that stands for every workload of a namespace, that namespace's box
 * ({@link #boxId}): {@code box:shop -> box:data} says every pair from shop to data has the
 * verdict the ports give. {@code pairs} counts the workload pairs the edge stands for (1 for an
 * edge between two workloads). An edge that touches a collapsed namespace sums up many workload
 * pairs: each port's verdict is allowed when every pair with that port is, partial when only
 * some are. {@code diff} is null, except in a picture compared with another side ({@link DiffMark}).
 */
public record GraphEdge(String sourceId, String targetId, List<PortVerdict> ports, long pairs, DiffMark diff) {

    /**
     * The end of an edge that stands for every end of the picture: every workload and every
     * address block shown. Such an edge is drawn as a short arrow at its other end.
     */
    public static final String ANYWHERE = "anywhere";

    /** The id prefix of a namespace box as the end of an edge. */
    public static final String BOX_PREFIX = "box:";

    public GraphEdge {
        ports = List.copyOf(ports);
        if (pairs < 1) {
            throw new IllegalArgumentException("an edge stands for at least one pair: " + sourceId + "->" + targetId);
        }
    }

    /** An edge between two nodes: one pair. */
    public GraphEdge(String sourceId, String targetId, List<PortVerdict> ports) {
        this(sourceId, targetId, ports, 1);
    }

    /** An edge of a picture that compares with nothing. */
    public GraphEdge(String sourceId, String targetId, List<PortVerdict> ports, long pairs) {
        this(sourceId, targetId, ports, pairs, null);
    }

    public String key() {
        return key(sourceId, targetId);
    }

    /** {@code source->target}, the key of the edge between two node ids. */
    public static String key(String sourceId, String targetId) {
        return sourceId + "->" + targetId;
    }

    /** {@code box:NAMESPACE}: the end of an edge that stands for every workload of the namespace. */
    public static String boxId(String namespace) {
        return BOX_PREFIX + namespace;
    }

    /** Whether an edge end is a namespace box rather than a node. */
    public static boolean isBox(String endId) {
        return endId.startsWith(BOX_PREFIX);
    }

    /** The namespace of a box end. */
    public static String boxNamespace(String endId) {
        return endId.substring(BOX_PREFIX.length());
    }

    /** Whether one end (or both) is a box or everywhere: the edge states a verdict for a group of pairs. */
    public boolean touchesBox() {
        return isBox(sourceId) || isBox(targetId) || ANYWHERE.equals(sourceId) || ANYWHERE.equals(targetId);
    }

    /** Whether some connection the edge stands for is allowed: a port allowed, or allowed in part. */
    public boolean anyAllowed() {
        return ports.stream().anyMatch(port -> port.allowed() || port.partial());
    }

    /**
     * The ports this edge says are allowed toward {@code destination}, one of the ends it stands for:
     * its ports by number, and the ports the destination gives the names it states.
     */
    public PortSet allowedToward(Endpoint destination) {
        List<PortRange> numbers = ports.stream().filter(port -> port.allowed() && !port.isNamed()).map(PortVerdict::port).toList();
        List<PortName> names = ports.stream().filter(port -> port.allowed() && port.isNamed()).map(PortVerdict::name).toList();
        return PortSet.of(numbers).union(PortName.on(names, destination));
    }

    /** Whether a port is stated by name, so the edge means a different number for each destination. */
    public boolean speaksByName() {
        return ports.stream().anyMatch(PortVerdict::isNamed);
    }

    public boolean allAllowed() {
        return ports.stream().allMatch(PortVerdict::allowed);
    }

    public boolean anyChanged() {
        return diff != null || ports.stream().anyMatch(PortVerdict::changed);
    }

    /** The ports as a reader sees them on the edge's one label: grouped by verdict, compact; a compared edge's before and after. */
    public List<LabelPort> labelPorts() {
        return diff != null ? List.of(diff.label()) : LabelPort.of(ports);
    }
}

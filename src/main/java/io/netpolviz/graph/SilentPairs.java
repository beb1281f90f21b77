package io.netpolviz.graph;

import io.netpolviz.policy.PortRange;
import java.util.List;

/**
 * For two nodes of a summed-up picture that no summary edge joins (no rule names a port between
 * them): whether none of the workload pairs they hold is allowed on some ports. A group edge may
 * then speak over the two with an exception that says so.
 */
@FunctionalInterface
public interface SilentPairs {

    /** Knows nothing: no pair without an edge sits under a group edge. */
    SilentPairs UNKNOWN = (sourceId, targetId, ports) -> false;

    boolean blockedOn(String sourceId, String targetId, List<PortRange> ports);
}

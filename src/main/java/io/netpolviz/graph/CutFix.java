package io.netpolviz.graph;

import io.netpolviz.policy.fix.Advice;
import io.netpolviz.policy.fix.Proposal;
import java.util.Optional;

/**
 * One connection of a minimum cut and the smallest-fix advice for closing it. {@code closing}
 * is the verified proposal that closes every port of the connection, when one does; otherwise
 * the advice's best (which closes the port it names; the others stay open).
 */
public record CutFix(PathHop connection, Advice advice, Optional<Proposal> closing) {
}

package io.netpolviz.policy;

import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import java.util.List;

/**
 * A mistake learners make, found in the current evaluation: what kind, how much it matters, a
 * plain message, the policy involved (may be null) and the endpoints it concerns.
 */
public record LintFinding(Kind kind, Severity severity, String message, PolicyId policy, List<String> endpointIds) {

    public LintFinding {
        endpointIds = List.copyOf(endpointIds);
    }

    /** The kinds of finding, each one a mistake the tutorial warns about or learners make. */
    public enum Kind {
        /** An ingress rule admits a source whose own egress blocks the connection, or the reverse. */
        HALF_OPEN_PATH,
        /** Egress is isolated and DNS (port 53) is not allowed anywhere. */
        EGRESS_WITHOUT_DNS,
        /** The policy's podSelector matches no pod in its namespace. */
        SELECTS_NO_POD,
        /** A rule peer's selectors match no pod at all. */
        PEER_MATCHES_NOTHING,
        /** A rule names a port that no pod it could apply to declares. */
        NAMED_PORT_UNDECLARED
    }
}

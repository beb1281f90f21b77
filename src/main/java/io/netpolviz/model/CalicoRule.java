package io.netpolviz.model;

import java.util.List;

/**
 * One rule of a Calico policy. {@code protocol}/{@code notProtocol} are Calico's spellings
 * ({@code TCP}, {@code UDP}, {@code ICMP}, {@code SCTP}, {@code UDPLite}, {@code ICMPv6} or a
 * number), null when unset. {@code runTime} names what only the running data plane can decide
 * (ICMP type/code, HTTP match, source ports, service accounts): such a rule is shown, and the
 * engine never guesses that it matches.
 */
public record CalicoRule(Action action, String protocol, String notProtocol, CalicoEntity source, CalicoEntity destination,
        List<String> runTime, SourceRef where) {

    /** What a matching rule does. Log records the packet and goes on to the next rule. */
    public enum Action {
        ALLOW, DENY, PASS, LOG;

        /** The engine's action, or null for Log, which never decides. */
        public RuleAction decision() {
            return switch (this) {
                case ALLOW -> RuleAction.ALLOW;
                case DENY -> RuleAction.DENY;
                case PASS -> RuleAction.PASS;
                case LOG -> null;
            };
        }

        /** {@code Allow}, as written in a manifest. */
        public String apiName() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CalicoRule {
        source = source == null ? CalicoEntity.ANY : source;
        destination = destination == null ? CalicoEntity.ANY : destination;
        runTime = runTime == null ? List.of() : List.copyOf(runTime);
    }

    /** Whether something only the running data plane can tell decides if this rule matches. */
    public boolean decidedAtRunTime() {
        return !runTime.isEmpty();
    }

    /** The side that describes the peer: the source of an ingress rule, the destination of an egress rule. */
    public CalicoEntity peer(PolicyType direction) {
        return direction == PolicyType.INGRESS ? source : destination;
    }

    /** The side that describes the endpoint the policy applies to. */
    public CalicoEntity local(PolicyType direction) {
        return direction == PolicyType.INGRESS ? destination : source;
    }
}

package io.netpolviz.model;

import java.util.List;

/**
 * An {@code ipBlock} peer: a CIDR minus the {@code except} blocks. Meant for addresses outside
 * the cluster; whether it also matches pod addresses depends on the network plugin, so
 * NetPolViz treats it as external-only.
 */
public record IpBlock(Cidr cidr, List<Cidr> except) {

    public IpBlock {
        except = List.copyOf(except);
    }

    public boolean contains(IpAddress address) {
        if (!cidr.contains(address)) {
            return false;
        }
        for (Cidr carvedOut : except) {
            if (carvedOut.contains(address)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every address of {@code other} lies in this block. Two CIDRs are either nested or
     * disjoint, which makes this exact: each of our holes that touches the other block must be
     * covered by one of its own holes (or swallow the whole of it).
     */
    public boolean covers(IpBlock other) {
        if (!cidr.contains(other.cidr)) {
            return false;
        }
        for (Cidr hole : except) {
            if (!hole.overlaps(other.cidr)) {
                continue;
            }
            boolean covered = other.except.stream().anyMatch(theirs -> theirs.contains(hole));
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** {@code 10.0.0.0/8 except 10.1.0.0/16}. */
    public String display() {
        if (except.isEmpty()) {
            return cidr.display();
        }
        return cidr.display() + " except " + String.join(", ", except.stream().map(Cidr::display).toList());
    }
}

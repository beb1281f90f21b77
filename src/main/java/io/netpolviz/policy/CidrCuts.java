package io.netpolviz.policy;

import io.netpolviz.model.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * A CIDR minus holes, as the largest CIDRs that avoid them. Exact for "does this rule cover that
 * block" questions: any CIDR inside the difference lies inside one of the pieces, because the
 * pieces are found by halving a block only while it overlaps a hole.
 */
final class CidrCuts {

    private CidrCuts() {
    }

    static List<Cidr> without(Cidr block, List<Cidr> holes) {
        List<Cidr> pieces = new ArrayList<>();
        cut(block, holes, pieces);
        return pieces;
    }

    private static void cut(Cidr block, List<Cidr> holes, List<Cidr> pieces) {
        boolean overlaps = false;
        for (Cidr hole : holes) {
            if (hole.contains(block)) {
                return;
            }
            overlaps |= block.contains(hole);
        }
        if (!overlaps) {
            pieces.add(block);
            return;
        }
        int width = block.ipv6() ? 128 : 32;
        int prefix = block.prefixLength() + 1;
        int bit = width - prefix;
        long high = block.high();
        long low = block.low();
        cut(new Cidr(block.ipv6(), high, low, prefix), holes, pieces);
        if (bit >= 64) {
            high |= 1L << (bit - 64);
        } else {
            low |= 1L << bit;
        }
        cut(new Cidr(block.ipv6(), high, low, prefix), holes, pieces);
    }
}

package io.netpolviz.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link IngressKind} of each class of one evaluation as a small number, found once per
 * class as a computation asks: columns, toggle windows and external peers' rows all group
 * destinations by kind, and comparing two numbers is cheaper than hashing the kind's arrays again
 * for every row and every map. Per computation (one {@link ConnectivityBuilder}), not shared.
 */
final class IngressKinds {

    private final Evaluation evaluation;
    private final ConnectivityIndex index;
    private final int[] ids;
    private final Map<IngressKind, Integer> known = new HashMap<>();

    IngressKinds(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.index = evaluation.engine().connectivityIndex();
        this.ids = new int[index.classCount];
        Arrays.fill(ids, -1);
    }

    /** The number of class {@code column}'s kind: equal for two classes exactly when their kinds are equal. */
    int of(int column) {
        int id = ids[column];
        if (id < 0) {
            id = known.computeIfAbsent(IngressKind.of(evaluation, index, column), kind -> known.size());
            ids[column] = id;
        }
        return id;
    }
}

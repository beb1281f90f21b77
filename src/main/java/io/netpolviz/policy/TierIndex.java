package io.netpolviz.policy;

import io.netpolviz.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What the connectivity builder asks of the ordered tiers, precomputed once per engine: each
 * policy's subject and each rule's peers as class sets, which egress rules can reach each
 * destination (a class or an external peer) and which policies select each class, all in the
 * tiers' decision order.
 */
final class TierIndex {

    /** An egress rule: {@code policy} is the tier policy's index, {@code rule} the rule's. */
    record Slot(int policy, int rule) {
    }

    final List<CompiledTierPolicy> policies;
    final ClassSet[] subjects;
    /** Per policy, per direction ordinal, per rule: the classes the rule's peers match. */
    final ClassSet[][][] peers;
    /** Per destination class: the egress rules whose peers match it, in decision order. */
    final Slot[][] egressReachingClass;
    /** Per external peer: the egress rules whose CIDRs cover it, in decision order. */
    final Slot[][] egressReachingExternal;
    /** Per class: the tier policies whose subject holds it, in decision order. */
    final int[][] selecting;
    /**
     * Which list of rules decides each column, as a small number: columns with equal lists (all
     * the classes one namespace selector reaches, say) share their partitions. Per class for
     * egress, per external peer for egress, per class for ingress (its selecting policies that
     * have ingress rules).
     */
    final int[] egressList;
    final int[] externalEgressList;
    final int[] ingressList;
    /** Per list id: the tier policies its rules belong to, and whether some rule names ports by name. */
    final List<BitSet> listPolicies = new ArrayList<>();
    /**
     * Per class selected by some of Cilium's deny parts (which open the Admin tier): those of its
     * {@link #selecting} policies with ingress rules, split into the deny parts and the rest, with
     * the list id of each; null and -1 for other classes, and -1 for a class whose deny parts have
     * no ingress rule. The Admin tier's partition of such a class is the rest's with the denials
     * put before it ({@link TierPartition#behind}): a few hundred Cilium policies multiply the
     * lists of selecting policies, while the rest's lists stay those of the cluster-wide policies
     * alone, whose partitions are then shared. A policy without ingress rules decides no ingress,
     * so leaving it out of both lists changes no partition and lets more classes share them.
     */
    final int[][] ingressDenialPolicies;
    final int[][] ingressRestPolicies;
    final int[] ingressDenialList;
    final int[] ingressRestList;
    final List<Boolean> listNamesPorts = new ArrayList<>();
    /** Per policy: the lists above that hold one of its rules (the inverse of {@link #listPolicies}). */
    private final int[][] listsOfPolicy;

    /** Per policy: the destination classes its egress rules reach, and the external peers. */
    final ClassSet[] egressReach;
    final int[][] egressReachExternal;
    /**
     * Per policy, per ingress rule, per external peer: whether the rule's addresses cover that peer
     * (asked for every destination class a policy selects, so answered once here).
     */
    final boolean[][][] ingressMatchesExternal;
    /** Per policy, per external peer: whether some ingress rule of the policy covers that peer. */
    final boolean[][] policyMatchesExternal;
    /** Whether some ingress rule can match an external source at all (Cilium's {@code ingressDeny} with addresses). */
    final boolean externalIngress;
    /**
     * Per ingress list id ({@link #ingressList}), per external peer: the Admin-tier policies of the
     * list with an ingress rule covering that peer, in decision order (null for other list ids).
     * Few policies name addresses, so an external peer's row walks these instead of every policy
     * selecting each destination.
     */
    final int[][][] adminIngressFromExternal;

    TierIndex(PolicyEngine engine) {
        this.policies = engine.tierPolicies();
        int classCount = engine.classes().size();
        List<Endpoint.External> externals = engine.externalPeers();
        int count = policies.size();
        this.subjects = new ClassSet[count];
        this.peers = new ClassSet[count][][];
        this.egressReach = new ClassSet[count];
        this.egressReachExternal = new int[count][];
        this.ingressMatchesExternal = new boolean[count][][];
        this.policyMatchesExternal = new boolean[count][externals.size()];
        boolean anyExternalIngress = false;
        List<List<Slot>> reachingClass = new ArrayList<>();
        List<List<Integer>> selectingClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            reachingClass.add(new ArrayList<>());
            selectingClass.add(new ArrayList<>());
        }
        List<List<Slot>> reachingExternal = new ArrayList<>();
        for (int x = 0; x < externals.size(); x++) {
            reachingExternal.add(new ArrayList<>());
        }
        for (CompiledTierPolicy policy : policies) {
            int t = policy.index();
            List<CompiledTierRule> ingressRules = policy.rules(PolicyType.INGRESS);
            ingressMatchesExternal[t] = new boolean[ingressRules.size()][externals.size()];
            for (int r = 0; r < ingressRules.size(); r++) {
                anyExternalIngress |= !ingressRules.get(r).networks().isEmpty();
                for (int x = 0; x < externals.size(); x++) {
                    ingressMatchesExternal[t][r][x] = ingressRules.get(r).matchesExternal(externals.get(x).block());
                    policyMatchesExternal[t][x] |= ingressMatchesExternal[t][r][x];
                }
            }
            subjects[t] = ClassSet.of(classCount, policy.subjectClassesView());
            BitSet subject = policy.subjectClassesView();
            for (int c = subject.nextSetBit(0); c >= 0; c = subject.nextSetBit(c + 1)) {
                selectingClass.get(c).add(t);
            }
            peers[t] = new ClassSet[PolicyType.values().length][];
            for (PolicyType direction : PolicyType.values()) {
                List<CompiledTierRule> rules = policy.rules(direction);
                peers[t][direction.ordinal()] = new ClassSet[rules.size()];
                for (int r = 0; r < rules.size(); r++) {
                    peers[t][direction.ordinal()][r] = ClassSet.of(classCount, rules.get(r).peerClassesView());
                }
            }
            BitSet reach = new BitSet(classCount);
            List<Integer> reachedExternals = new ArrayList<>();
            List<CompiledTierRule> egress = policy.rules(PolicyType.EGRESS);
            for (int r = 0; r < egress.size(); r++) {
                BitSet matched = egress.get(r).peerClassesView();
                reach.or(matched);
                for (int c = matched.nextSetBit(0); c >= 0; c = matched.nextSetBit(c + 1)) {
                    reachingClass.get(c).add(new Slot(t, r));
                }
                for (int x = 0; x < externals.size(); x++) {
                    if (egress.get(r).matchesExternal(externals.get(x).block())) {
                        reachingExternal.get(x).add(new Slot(t, r));
                        if (!reachedExternals.contains(x)) {
                            reachedExternals.add(x);
                        }
                    }
                }
            }
            egressReach[t] = ClassSet.of(classCount, reach);
            egressReachExternal[t] = reachedExternals.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        this.egressReachingClass = new Slot[classCount][];
        this.selecting = new int[classCount][];
        for (int c = 0; c < classCount; c++) {
            egressReachingClass[c] = reachingClass.get(c).toArray(new Slot[0]);
            selecting[c] = selectingClass.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        this.egressReachingExternal = new Slot[externals.size()][];
        for (int x = 0; x < externals.size(); x++) {
            egressReachingExternal[x] = reachingExternal.get(x).toArray(new Slot[0]);
        }
        this.externalIngress = anyExternalIngress;
        java.util.Map<List<?>, Integer> ids = new java.util.HashMap<>();
        this.egressList = new int[classCount];
        this.ingressList = new int[classCount];
        for (int c = 0; c < classCount; c++) {
            egressList[c] = listId(ids, reachingClass.get(c), "egress");
            // A selecting policy without ingress rules decides nothing there: leaving it out lets more
            // classes share a list, and a toggle of an egress-only policy keeps the ingress partitions.
            ingressList[c] = listId(ids, selectingClass.get(c).stream().filter(t -> !policies.get(t).rules(PolicyType.INGRESS).isEmpty()).toList(),
                    "ingress");
        }
        this.ingressDenialPolicies = new int[classCount][];
        this.ingressRestPolicies = new int[classCount][];
        this.ingressDenialList = new int[classCount];
        this.ingressRestList = new int[classCount];
        int leadingDenials = 0;
        while (leadingDenials < count && onlyDenies(policies.get(leadingDenials))) {
            leadingDenials++;
        }
        java.util.Map<List<Integer>, int[]> shared = new java.util.HashMap<>();
        for (int c = 0; c < classCount; c++) {
            List<Integer> selectingIt = selectingClass.get(c);
            boolean split = !selectingIt.isEmpty() && selectingIt.get(0) < leadingDenials;
            List<Integer> denials = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            for (int t : split ? selectingIt : List.<Integer>of()) {
                if (!policies.get(t).rules(PolicyType.INGRESS).isEmpty()) {
                    (t < leadingDenials ? denials : rest).add(t);
                }
            }
            ingressDenialPolicies[c] = split ? shared.computeIfAbsent(denials, list -> list.stream().mapToInt(Integer::intValue).toArray()) : null;
            ingressRestPolicies[c] = split ? shared.computeIfAbsent(rest, list -> list.stream().mapToInt(Integer::intValue).toArray()) : null;
            ingressDenialList[c] = split && !denials.isEmpty() ? listId(ids, denials, "ingress") : -1;
            ingressRestList[c] = split ? listId(ids, rest, "ingress") : -1;
        }
        this.adminIngressFromExternal = new int[listPolicies.size()][][];
        for (int c = 0; c < classCount; c++) {
            int list = ingressList[c];
            if (adminIngressFromExternal[list] == null) {
                adminIngressFromExternal[list] = new int[externals.size()][];
                for (int x = 0; x < externals.size(); x++) {
                    final int external = x;
                    adminIngressFromExternal[list][x] = selectingClass.get(c).stream().mapToInt(Integer::intValue)
                            .filter(t -> policyMatchesExternal[t][external] && policies.get(t).tier() == io.netpolviz.model.PolicyTier.ADMIN)
                            .toArray();
                }
            }
        }
        this.externalEgressList = new int[externals.size()];
        for (int x = 0; x < externals.size(); x++) {
            // External columns have no named ports and a list of their own even when equal to a class's.
            externalEgressList[x] = listId(ids, reachingExternal.get(x), "external");
        }
        int[] listCounts = new int[count];
        for (BitSet involved : listPolicies) {
            involved.stream().forEach(policy -> listCounts[policy]++);
        }
        this.listsOfPolicy = new int[count][];
        for (int policy = 0; policy < count; policy++) {
            listsOfPolicy[policy] = new int[listCounts[policy]];
            listCounts[policy] = 0;
        }
        for (int list = 0; list < listPolicies.size(); list++) {
            for (int policy = listPolicies.get(list).nextSetBit(0); policy >= 0; policy = listPolicies.get(list).nextSetBit(policy + 1)) {
                listsOfPolicy[policy][listCounts[policy]++] = list;
            }
        }
    }

    /** The id of a list of egress slots or of selecting policies; {@code side} keeps lists of different sides apart. */
    private int listId(java.util.Map<List<?>, Integer> ids, List<?> list, String side) {
        List<?> key = List.of(side, list);
        Integer known = ids.get(key);
        if (known != null) {
            return known;
        }
        BitSet involved = new BitSet();
        boolean named = false;
        for (Object item : list) {
            List<CompiledTierRule> rules;
            if (item instanceof Slot slot) {
                involved.set(slot.policy());
                rules = List.of(policies.get(slot.policy()).rules(PolicyType.EGRESS).get(slot.rule()));
            } else {
                int t = (Integer) item;
                involved.set(t);
                rules = policies.get(t).rules(PolicyType.INGRESS);
            }
            for (CompiledTierRule rule : rules) {
                named |= rule.source().ports().stream().anyMatch(io.netpolviz.model.ClusterPolicyPort::isNamed);
            }
        }
        int id = listPolicies.size();
        listPolicies.add(involved);
        listNamesPorts.add(named);
        ids.put(key, id);
        return id;
    }

    /**
     * A Cilium deny part: in the Admin tier before every cluster-wide policy, its rules all deny —
     * what {@link TierPartition#behind} may put first (checked, not assumed from the priority alone).
     */
    private static boolean onlyDenies(CompiledTierPolicy policy) {
        if (policy.tier() != io.netpolviz.model.PolicyTier.ADMIN || policy.priority() != CiliumCompiler.DENY_PRIORITY) {
            return false;
        }
        for (PolicyType direction : PolicyType.values()) {
            for (CompiledTierRule rule : policy.rules(direction)) {
                if (rule.ref().action() != io.netpolviz.model.RuleAction.DENY) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean isEmpty() {
        return policies.isEmpty();
    }

    int listCount() {
        return listPolicies.size();
    }

    /** The ids of the lists that hold a rule of tier policy {@code policy}, ascending: what a toggle of it makes stale. */
    int[] listsOf(int policy) {
        return listsOfPolicy[policy];
    }
}

package io.netpolviz.policy;

import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CalicoTier;
import io.netpolviz.model.PolicyTier;
import io.netpolviz.model.RuleAction;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every layer that decides, as one sequence of ordered tiers, the way Calico lays them out
 * (docs.tigera.io, "Get started with policy tiers" and the Tier reference): tiers by order
 * (unset last, ties by name); in each, policies by order (unset last, ties by name); at the end
 * of a tier, the tier's default action for an endpoint some policy of the tier applies to. The
 * Admin tier of cluster-wide policies is Calico's {@code kube-admin} tier (order 1,000, default
 * Pass), the Baseline tier {@code kube-baseline} (order 10,000,000, default Pass), and the
 * Kubernetes NetworkPolicies sit in the {@code default} tier (order 1,000,000) as policies of
 * order 1000, as Calico places them. Without Calico objects this is Admin, NetworkPolicies,
 * Baseline: the engine's three layers.
 *
 * <p>Ties of order are broken by Calico's own names, which for a namespaced policy are
 * {@code namespace/name} and for a converted NetworkPolicy {@code namespace/knp.default.name}
 * (projectcalico/calico, libcalico-go/lib/backend/k8s/conversion/conversion.go: "We insert all
 * the NetworkPolicy Policies at order 1000.0 after conversion", named with the prefix
 * {@code knp.default.}; libcalico-go/lib/backend/model/policy.go, {@code PolicyNameLessThan}:
 * "if name1 != name2 { return name1 < name2 }" on the {@code namespace/name} form). So the
 * NetworkPolicies interleave with Calico's order-1000 policies by name; each run of
 * NetworkPolicies with no Calico policy between them is one entry holding their indices.
 */
final class OrderedTiers {

    /** What an entry of a tier is: a Calico policy, a cluster-wide policy, or all the NetworkPolicies together. */
    enum Kind { CALICO, CLUSTER, NETWORK_POLICIES }

    /**
     * One entry; {@code index} is the policy's index among the engine's Calico or cluster-wide
     * policies. A NETWORK_POLICIES entry holds the indices of its NetworkPolicies in
     * {@code networkPolicies} (null for the other kinds).
     */
    record Entry(Kind kind, int index, double order, String name, BitSet networkPolicies) {
        Entry(Kind kind, int index, double order, String name) {
            this(kind, index, order, name, null);
        }

        /** Whether NetworkPolicy {@code policy} (an index among the engine's) belongs to this entry. */
        boolean holds(int policy) {
            return networkPolicies != null && networkPolicies.get(policy);
        }
    }

    /** One tier in decision order with its entries in decision order. */
    record Tier(String name, double order, RuleAction defaultAction, List<Entry> entries) {
        boolean holdsNetworkPolicies() {
            return entries.stream().anyMatch(e -> e.kind() == Kind.NETWORK_POLICIES);
        }
    }

    /** The prefix of a NetworkPolicy's name in the default tier, where Calico gives it order 1000. */
    static final String NETWORK_POLICY_NAME = "knp.default.";

    private final List<Tier> tiers;

    OrderedTiers(List<CompiledPolicy> networkPolicies, List<CompiledTierPolicy> clusterPolicies, List<CompiledCalicoPolicy> calicoPolicies,
            CalicoResources calico) {
        Map<String, double[]> orders = new TreeMap<>();
        Map<String, RuleAction> actions = new TreeMap<>();
        Map<String, List<Entry>> entries = new TreeMap<>();
        declare(orders, actions, entries, CalicoTier.DEFAULT, CalicoTier.DEFAULT_ORDER,
                calico.tier(CalicoTier.DEFAULT).map(CalicoTier::defaultAction).orElse(RuleAction.DENY));
        for (CompiledPolicy policy : networkPolicies) {
            BitSet one = new BitSet();
            one.set(policy.index());
            entries.get(CalicoTier.DEFAULT).add(new Entry(Kind.NETWORK_POLICIES, -1, CalicoTier.NETWORK_POLICY_ORDER,
                    policy.id().namespace() + "/" + NETWORK_POLICY_NAME + policy.id().name(), one));
        }
        for (CompiledTierPolicy policy : clusterPolicies) {
            boolean admin = policy.tier() == PolicyTier.ADMIN;
            String tier = admin ? CalicoTier.KUBE_ADMIN : CalicoTier.KUBE_BASELINE;
            declare(orders, actions, entries, tier, admin ? CalicoTier.KUBE_ADMIN_ORDER : CalicoTier.KUBE_BASELINE_ORDER, RuleAction.PASS);
            entries.get(tier).add(new Entry(Kind.CLUSTER, policy.index(), policy.priority(), policy.id().toString()));
        }
        for (CompiledCalicoPolicy policy : calicoPolicies) {
            CalicoTier tier = policy.tier();
            double order = tier.order() == null ? Double.POSITIVE_INFINITY : tier.order();
            declare(orders, actions, entries, tier.name(), order, tier.defaultAction());
            Double policyOrder = policy.source().order();
            String name = policy.source().isGlobal() ? policy.source().name() : policy.source().namespace() + "/" + policy.source().name();
            entries.get(tier.name()).add(new Entry(Kind.CALICO, policy.index(),
                    policyOrder == null ? Double.POSITIVE_INFINITY : policyOrder, name));
        }
        Comparator<Entry> byOrder = Comparator.comparingDouble(Entry::order).thenComparing(Entry::name).thenComparingInt(Entry::index);
        List<Tier> out = new ArrayList<>();
        entries.forEach((name, list) -> out.add(new Tier(name, orders.get(name)[0], actions.get(name),
                joinRuns(list.stream().sorted(byOrder).toList()))));
        out.sort(Comparator.comparingDouble(Tier::order).thenComparing(Tier::name));
        this.tiers = List.copyOf(out);
    }

    /** Consecutive NetworkPolicies as one entry: they only allow, so their order among themselves does not matter. */
    private static List<Entry> joinRuns(List<Entry> sorted) {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : sorted) {
            Entry last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (entry.kind() == Kind.NETWORK_POLICIES && last != null && last.kind() == Kind.NETWORK_POLICIES) {
                BitSet joined = (BitSet) last.networkPolicies().clone();
                joined.or(entry.networkPolicies());
                out.set(out.size() - 1, new Entry(Kind.NETWORK_POLICIES, -1, last.order(), last.name(), joined));
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /** The first policy seen declares a tier; the built-in ones keep Calico's fixed order and action. */
    private static void declare(Map<String, double[]> orders, Map<String, RuleAction> actions, Map<String, List<Entry>> entries,
            String name, double order, RuleAction action) {
        if (!entries.containsKey(name)) {
            boolean builtIn = name.equals(CalicoTier.KUBE_ADMIN) || name.equals(CalicoTier.KUBE_BASELINE);
            orders.put(name, new double[] {name.equals(CalicoTier.DEFAULT) ? CalicoTier.DEFAULT_ORDER
                    : name.equals(CalicoTier.KUBE_ADMIN) ? CalicoTier.KUBE_ADMIN_ORDER
                    : name.equals(CalicoTier.KUBE_BASELINE) ? CalicoTier.KUBE_BASELINE_ORDER : order});
            actions.put(name, builtIn ? RuleAction.PASS : action);
            entries.put(name, new ArrayList<>());
        }
    }

    List<Tier> tiers() {
        return tiers;
    }
}

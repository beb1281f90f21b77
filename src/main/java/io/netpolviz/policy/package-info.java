/**
 * The engine: from a {@code ClusterSnapshot} it compiles pod classes and policies once, and from
 * a choice of switched-on policies it produces verdicts (allowed ports and, for each side of a
 * connection, isolation and the admitting rule), explanations in plain words and lint findings.
 * The full evaluation is a {@link io.netpolviz.policy.Connectivity}: the allowed ports of every
 * ordered pair of pod classes, kept as {@link io.netpolviz.policy.ClassSet} bitsets over classes;
 * {@link io.netpolviz.policy.Evaluation#toggle} switches one policy, recomputes only what it can
 * affect and reports the changed pairs as {@link io.netpolviz.policy.Changes}. Two evaluations of
 * two snapshots are compared pair by pair by {@link io.netpolviz.policy.ConnectivityDiff} (the
 * {@code diff} command, compare mode, {@code watch}), and {@link io.netpolviz.policy.ChangeCauses}
 * names the policies that caused a pair's change. {@link io.netpolviz.policy.IngressControllerReach}
 * gives the ingress controller's connections ({@code {ingress-controller}}, as netpol-analyzer names it):
 * the ports Ingresses and Routes route to ({@code IngressRouting}) that the policies allow from a
 * label-less pod in {@code ingress-controller-ns}, asked of an engine compiled with that pod added;
 * {@link io.netpolviz.policy.IngressControllerChanges} compares them between two snapshots.
 * Pods on different primary networks (OVN-Kubernetes' UserDefinedNetworks) cannot reach each other:
 * {@code NetworkMask} keeps each connectivity column to the sources on the destination's network, and
 * pair answers and verdicts ({@link io.netpolviz.policy.Verdict#networkSeparation()}) say why.
 *
 * <p>Each side of a connection is decided by the first layer that decides: the Admin tier of
 * cluster-wide policies (first matching rule by priority and rule order; Allow and Deny final,
 * Pass goes on), the NetworkPolicies that isolate the pod, the Baseline tier, then the default,
 * allow. A tier is an ordered list of (policy, rule, action) compiled by {@code TierCompiler};
 * per destination column, {@code TierPartition} splits the peer classes by what the tier allowed,
 * denied and left ("this rule's matches minus what an earlier rule decided"), and
 * {@code TierPartitionCache} shares those partitions between columns with the same rules and
 * across NetworkPolicy toggles. A cluster-wide toggle recomputes a column only on the sources
 * whose tier decision changed ({@code TierDeltas} compares the partitions before and after, built
 * on the sources the toggled policy's rules can match at all from the rules that can match them
 * there, and {@code TierToggleWindows} turns that into a block window, or none). A pod reaching itself is
 * governed by no layer. Columns alike share work: one computation builds the egress side once per
 * egress kind (same NetworkPolicy egress rules, tier egress rules and ports) and the ingress side
 * once per {@code IngressKind} (same isolating NetworkPolicies, selecting tier policies and ports),
 * in {@code ColumnSides}; a cluster-wide toggle finds its windows, and an external peer's row its
 * answers, once per kind as well ({@code IngressKinds} numbers them once per evaluation). Sides
 * that a toggle leaves as they were are kept on every block and its windows cut from them
 * ({@code WholePartitions}): the NetworkPolicy layer's ingress partition by isolating list and port
 * profile ({@code IngressIsolation}; {@code NetworkPolicyIngressSides}, handed on with the kinds),
 * and a class's whole ingress side in the slot of its tier list's partitions, which holds as long
 * as they do (a tier list leaves out policies without ingress rules). Classes
 * of the same kinds on one network hold one column array ({@code AlikeColumns}): computed, spliced
 * and compared with the one before once per kind. An egress toggle recomputes only the columns
 * whose egress side moved; when it leaves isolation as it was, the toggled policy's rules are held
 * against the other rules' part of the side instead of building the side twice ({@code EgressMoves}).
 *
 * <p>Cilium's policies map onto those layers ({@code CiliumCompiler}): each spec's deny rules
 * become a Deny-only policy at the very front of the Admin tier (a Cilium deny wins over every
 * allow), and its allow rules an allow part in the NetworkPolicy layer under the same id, isolating
 * where the spec puts endpoints into default deny and otherwise only joining the union
 * ({@code CiliumContributors}); toggling the id switches both. The deny parts would give each class a
 * list of tier policies of its own: a class they select gets the Admin tier's ingress partition as the
 * partition of its cluster-wide policies (shared with every class those select) with the partition of
 * its deny parts put before it ({@code TierPartition.behind}; a denied port is denied, every other
 * decided as before), both lists leaving out policies without ingress rules. {@code ReferenceCilium} reads them
 * literally for the reference evaluator; {@link io.netpolviz.policy.CiliumNotes} says what only the
 * running cluster decides (L7 rules, DNS names), and {@link io.netpolviz.policy.RunTimeFilteredPorts}
 * which allowed ports of a connection such a rule filters (the edge label's {@code L7} mark);
 * {@code CiliumLint} warns about allow rules a Cilium deny covers entirely.
 * <p>With Calico's policies ({@code CalicoCompiler}, {@code CompiledCalicoPolicy}) the layers are
 * read as what they are, one sequence of ordered tiers ({@code OrderedTiers}, Calico's layout):
 * kube-admin holds the Admin tier, the default tier holds the NetworkPolicies at order 1000, and
 * kube-baseline the Baseline tier; each tier ends with its default action for the endpoints its
 * policies apply to, and a Pass opens the port again in the next tier. Columns then walk every tier
 * ({@code ChainColumns}), sides do so endpoint by endpoint ({@code ChainWalk}, whose
 * {@link io.netpolviz.policy.CalicoDecision} names the Calico rule or tier default that decided),
 * and {@code ReferenceChain} reads it literally. A column's walk depends only on its keys
 * ({@code ChainKeys}: the switched-on rules and policies that reach it, from {@code ChainReach},
 * and its port profile), so columns with equal keys share one walk ({@code ChainMemo}, handed on
 * from evaluation to evaluation); keys themselves are made once per kind of column (an egress shape,
 * {@code ChainReach}; an ingress shape with its isolating NetworkPolicies, {@code IngressShares}),
 * an egress walk visits only the entries that reach its column ({@code EgressEntries}), and an
 * external peer's row asks once per ingress side. A toggle ({@code CalicoToggle}) recomputes the keys it can
 * change and only the columns whose keys did. A class's ingress walks only the entries that apply
 * to it, up to the first denying tier that leaves nothing undecided ({@code IngressEntries}; later
 * tiers are no part of its key), and external peers' answers walk the same entries
 * ({@code ChainExternalIngress}). Walks whose keys begin alike walked the first tiers alike: a walk
 * starts where such a walk crossed into a later tier ({@code WalkPrefixes}), so the early tiers
 * (security, platform, the Admin tier) are walked once per distinct beginning, not once per key. A policy of a passing tier (every cluster-wide one) changes only
 * the sources its rules match, so its toggle recomputes those blocks alone ({@code ChainToggleWindows}),
 * and of a cluster-wide policy's subjects only the classes whose ingress walk ({@code ChainIngressWalk})
 * stands otherwise on leaving its tier ({@code ChainIngressDeltas}), of the columns its egress rules reach
 * only those whose egress side moved ({@code ChainEgressDeltas}); a column on a window crosses the whole
 * sides of its ids kept to the window.
 * Each NetworkPolicy sits in the default tier at
 * order 1000 under Calico's name for it, interleaved by name with Calico's policies.
 * A rule's selector matches outside addresses through the network sets it picks ({@code CalicoNetworkSets},
 * scoped as Calico scopes them; {@code CalicoExternals} draws their nets). Calico compares addresses, so nets, notNets
 * and those sets' nets match pods too, by {@code status.podIP(s)} ({@code PodAddresses}, shared with
 * ClusterNetworkPolicy {@code networks}); the lint names the pods whose address is unknown. Cilium's CIDR rules
 * match only addresses outside the cluster, never a pod.
 * {@code CalicoLint} names unreachable Calico rules and Passes in the last tier.
 * One cluster runs one network plugin: a snapshot holding both Cilium's and Calico's policies is
 * evaluated as Cilium's (Calico's are left out; the loader warns).
 * {@link io.netpolviz.policy.ReferenceEvaluator} (with {@code ReferenceTiers}) reads it all
 * literally, one connection at a time, for tests and {@code bench}. The sub-package
 * {@code policy.fix} proposes the smallest change that allows or blocks one connection, verified by
 * evaluating the changed cluster again.
 * Pure Java: no JavaFX, no files, no network.
 */
package io.netpolviz.policy;

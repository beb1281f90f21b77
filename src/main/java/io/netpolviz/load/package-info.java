/**
 * Loading: turns Kubernetes manifests (YAML or JSON files, multi-document files, {@code List}s,
 * folders walked recursively) or plain API object maps (from a live cluster) into a
 * {@link io.netpolviz.model.ClusterSnapshot}. {@link io.netpolviz.load.ManifestLoader} reads
 * files, or files held in memory ({@link io.netpolviz.load.ManifestBytes}: a folder as a git revision
 * holds it, which {@link io.netpolviz.load.GitRevisionReader} reads with JGit); loads that read the
 * same texts (the two sides of a diff) share their parsing through {@link io.netpolviz.load.ParsedTexts};
 * {@link io.netpolviz.load.SnapshotBuilder} checks each object as the API server would,
 * leaves invalid ones out with a diagnostic (file, line, column, plain message), folds owned
 * objects into their owners and adds implicit namespaces. A workload read with its pods becomes
 * the nodes policies see ({@code OwnedPods}): its pods that carry the template's labels, and one
 * node per kind of pod that differs from it (marked with a {@link io.netpolviz.model.PodVariant});
 * controller labels count only where a policy names them ({@code ControllerLabels},
 * {@code PolicyLabelKeys}). {@code ClusterPolicyReader} validates
 * the cluster-wide policies against their CRD schemas; {@code CalicoReader} and {@code CalicoRuleReader}
 * read Calico's Tier, NetworkPolicy and GlobalNetworkPolicy ({@code projectcalico.org/v3},
 * {@code crd.projectcalico.org/v1}), selectors parsed with their position, and {@code CalicoTierCheck}
 * leaves out a policy of an undeclared tier; {@code SkippedKinds} sums up what is not
 * read, one line per kind, and warns per kind about other projects' policies (Cilium, Antrea...),
 * which may block what the picture shows allowed. Bad input never throws. The other way round,
 * {@link io.netpolviz.load.PolicyManifests} writes NetworkPolicies as YAML for {@code kubectl apply}
 * (a proposed change, keeping a changed policy's own metadata); what it writes loads back the same.
 */
package io.netpolviz.load;

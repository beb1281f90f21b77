/**
 * Loading: turns Kubernetes manifests (YAML or JSON files, multi-document files, {@code List}s,
 * folders walked recursively) or plain API object maps (from a live cluster) into a
 * {@link io.netpolviz.model.ClusterSnapshot}. {@link io.netpolviz.load.ManifestLoader} reads
 * files, or files held in memory ({@link io.netpolviz.load.ManifestBytes}: a folder as a git revision
 * holds it, which {@link io.netpolviz.load.GitRevisionReader} reads with JGit); loads that read the
 * same texts (the two sides of a diff) share their parsing through {@link io.netpolviz.load.ParsedTexts}.
 * Texts in the block YAML manifests are nearly always written in are read by {@code BlockYamlReader},
 * several times faster than SnakeYAML and without a node tree (field positions are read again only
 * when asked for, {@code DocumentTree}); anything else by SnakeYAML, with the same values either way;
 * {@link io.netpolviz.load.SnapshotBuilder} checks each object as the API server would,
 * leaves invalid ones out with a diagnostic (file, line, column, plain message), folds owned
 * objects into their owners ({@code ControllerFolding}: pods whose controller the input lacks are named
 * by that controller, as netpol-analyzer names them) and adds implicit namespaces. {@code IngressReader}
 * reads Ingresses and OpenShift Routes into the Services they route to ({@link io.netpolviz.model.IngressRoute}). It reads OVN-Kubernetes' UserDefinedNetworks and ClusterUserDefinedNetworks ({@code NetworkReader}) and reports those that do not apply (no label on the namespace, a Secondary role, a conflict). A workload read with its pods becomes
 * the nodes policies see ({@code OwnedPods}): its pods that carry the template's labels, and one
 * node per kind of pod that differs from it (marked with a {@link io.netpolviz.model.PodVariant});
 * controller labels count only where a policy names them ({@code ControllerLabels},
 * {@code PolicyLabelKeys}), and pods' addresses where a CIDR of a cluster-wide policy or of Calico
 * (rules' nets, network sets) tells them apart. {@code ClusterPolicyReader} validates
 * the cluster-wide policies against their CRD schemas; {@code CiliumPolicyReader} (with
 * {@code CiliumRuleReader}, {@code CiliumSelectors}, {@code CiliumPorts}) reads Cilium's two kinds,
 * resolving its label prefixes and namespace-derived keys into namespace and pod selectors and
 * keeping what only the running cluster decides (L7 rules, DNS names, other entities) as words;
 * {@code CalicoReader} and {@code CalicoRuleReader}
 * read Calico's Tier, NetworkPolicy and GlobalNetworkPolicy ({@code projectcalico.org/v3},
 * {@code crd.projectcalico.org/v1}), selectors parsed with their position, {@code CalicoEndpointReader}
 * its GlobalNetworkSets, NetworkSets and HostEndpoints ({@code CalicoParts} gathers them all), {@code CalicoTierCheck}
 * leaves out a policy of an undeclared tier, and {@code CalicoHostEndpointCheck} marks a rule whose
 * selector picks a host endpoint as decided at run time, with a warning; {@code NetworkPluginChecks} warns of policies one plugin
 * would not enforce (with Cilium's and Calico's both present, the picture follows Cilium's and
 * Calico's count as not evaluated); {@code SkippedKinds} sums up what is not
 * read, one line per kind, and warns per kind about other projects' policies (Antrea, OVN...),
 * which may block what the picture shows allowed; documents of a skipped kind are recognised without
 * parsing them ({@code KindSniffer}: CRDs are most of a real tree). A folder with {@code Chart.yaml} is
 * rendered offline by the embedded Helm ({@code HelmCharts}, with {@link io.netpolviz.load.ChartValues}),
 * and its objects point at template lines ({@code TemplateLines}); a kustomization is recognised, not
 * rendered, and its patches are not objects ({@code Kustomizations}); an object in two folders names the
 * copy used ({@code DuplicateCopies}). A workload that declares no container ports takes the target
 * ports of the Services that select it ({@code ServicePorts}). An input of policies without any workload gets
 * {@code StandIns}: one {@link io.netpolviz.model.WorkloadKind#STAND_IN} per distinct pod selector
 * the policies and their peers use, so that they can be read. Bad input never throws. The other way round,
 * {@link io.netpolviz.load.PolicyManifests} writes NetworkPolicies as YAML for {@code kubectl apply}
 * (a proposed change, keeping a changed policy's own metadata); what it writes loads back the same.
 */
package io.netpolviz.load;

package io.netpolviz.load;

import io.netpolviz.model.CalicoResources;
import io.netpolviz.model.CiliumPolicy;
import io.netpolviz.model.ClusterPolicy;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.IngressRoute;
import io.netpolviz.model.PrimaryNetworks;
import io.netpolviz.model.UserDefinedNetwork;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.Service;
import io.netpolviz.model.Severity;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds a {@link ClusterSnapshot} from Kubernetes API objects given as plain maps, lists and
 * scalars: what SnakeYAML loads from a manifest, or what a live cluster's objects serialize to.
 * Both sources go through this one builder, so the same objects give the same snapshot.
 *
 * <p>Each object is checked as the API server would check it; an invalid one is reported and
 * left out. {@code List} and typed lists ({@code PodList}, ...) are unpacked. At {@link #build}
 * duplicates are reported (the first one is kept), objects controlled by a workload that is also
 * present are folded into it, and namespaces used but not declared are added as implicit.
 *
 * <p>A workload's replicas are {@code spec.replicas} (default 1), a Job's {@code spec.parallelism}
 * (default 1), and 1 for a Pod, a CronJob and a DaemonSet, where 1 stands for "one pod per node"
 * since nodes are not part of the input.
 */
public final class SnapshotBuilder {

    private static final System.Logger LOG = System.getLogger(SnapshotBuilder.class.getName());

    private static final String SKIPPED = "NetPolViz reads Namespaces, Pods, workloads with pod templates, Services, Ingresses,"
            + " OpenShift Routes, OVN-Kubernetes' UserDefinedNetworks, networking.k8s.io/v1 NetworkPolicies, the network-policy-api's cluster-wide policies and Calico's tiers and policies";

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final SkippedKinds skipped = new SkippedKinds();

    /** One accepted object, in the order it was added. */
    record Entry(String kind, String namespace, String name, SourceRef where, Object value, ObjectMeta.Owner controller) {

        String subject() {
            return kind + " " + (namespace == null ? name : namespace + "/" + name);
        }
    }

    /** Adds an object (or a list of them) that was never YAML, such as one from a live cluster. */
    public void add(Map<String, ?> object, SourceRef where) {
        add(object, where, FieldLocations.none());
    }

    /**
     * Adds an object (or a list of them) with the YAML positions it was read from, so that
     * diagnostics point at the offending field and policies keep their text as written.
     */
    public void add(Map<String, ?> object, SourceRef where, FieldLocations locations) {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(locations, "locations");
        try {
            addObject(object, where, locations, null, null);
        } catch (RuntimeException unexpected) {
            SourceRef at = locations.where().orElse(where);
            LOG.log(System.Logger.Level.DEBUG, "internal error while reading the object at " + at.display(), unexpected);
            report(Diagnostic.error(at, "this object could not be read because of an internal error (" + unexpected + "); "
                    + ManifestLoader.PLEASE_REPORT));
        }
    }

    /** Counts an object of a kind that is skipped, recognised without reading it whole. */
    void addSkipped(String kind, String apiVersion, SourceRef where) {
        skipped.add(kind, apiVersion, where, null);
    }

    /** Adds a diagnostic found outside the objects, such as an unreadable file. */
    public void report(Diagnostic diagnostic) {
        diagnostics.add(Objects.requireNonNull(diagnostic, "diagnostic"));
    }

    private void addObject(Map<?, ?> object, SourceRef given, FieldLocations locations, String defaultApiVersion, String defaultKind) {
        SourceRef where = locations.where().orElse(given);
        Object kindValue = object.get("kind") == null ? defaultKind : object.get("kind");
        Object apiVersionValue = object.get("apiVersion") == null ? defaultApiVersion : object.get("apiVersion");
        if (kindValue == null && apiVersionValue == null) {
            // values.yaml, package.json, an OpenAPI file: YAML or JSON, but not a Kubernetes object.
            skipped.notAnObject(where);
            return;
        }
        if (!(kindValue instanceof String kind) || kind.isEmpty()) {
            report(Diagnostic.error(where, kindValue == null
                    ? "this object has no kind; every Kubernetes object needs apiVersion and kind"
                    : "kind must be a string, not " + ObjectReader.describe(kindValue)));
            return;
        }
        if (!(apiVersionValue instanceof String apiVersion) || apiVersion.isEmpty()) {
            report(Diagnostic.error(where, apiVersionValue == null
                    ? "this " + kind + " has no apiVersion; every Kubernetes object needs apiVersion and kind"
                    : "apiVersion must be a string, not " + ObjectReader.describe(apiVersionValue)));
            return;
        }
        if (kind.equals("List") || (ApiKinds.itemKind(kind).isPresent() && object.containsKey("items"))) {
            addList(object, kind, apiVersion, where, locations);
            return;
        }
        ApiKinds.Decision decision = ApiKinds.decide(apiVersion, kind);
        if (decision instanceof ApiKinds.Skip) {
            skipped.add(kind, apiVersion, where, null);
        } else if (decision instanceof ApiKinds.Unevaluated unevaluated) {
            skipped.add(kind, apiVersion, where, unevaluated.project());
        } else if (decision instanceof ApiKinds.Reject reject) {
            report(Diagnostic.error(where, tentativeSubject(kind, object) + " is left out: " + reject.message()));
        } else {
            read((ApiKinds.Read) decision, kind, object, where, locations);
        }
    }

    /** {@code kind: List} as kubectl prints it, or a typed list whose items may omit their kind and apiVersion. */
    private void addList(Map<?, ?> list, String kind, String apiVersion, SourceRef where, FieldLocations locations) {
        FieldPath itemsPath = FieldPath.ROOT.field("items");
        Object items = list.get("items");
        if (items == null) {
            return;
        }
        if (!(items instanceof List<?> itemList)) {
            report(Diagnostic.error(locations.locate(itemsPath, false).orElse(where),
                    kind + ": items must be a list of objects, not " + ObjectReader.describe(items)));
            return;
        }
        String itemKind = kind.equals("List") ? null : ApiKinds.itemKind(kind).orElse(null);
        String itemApiVersion = kind.equals("List") ? null : apiVersion;
        for (int i = 0; i < itemList.size(); i++) {
            Object item = itemList.get(i);
            FieldLocations itemLocations = locations.at(itemsPath.index(i));
            if (item instanceof Map<?, ?> itemObject) {
                addObject(itemObject, where, itemLocations, itemApiVersion, itemKind);
            } else if (item != null) {
                report(Diagnostic.error(itemLocations.where().orElse(where),
                        "items[" + i + "] of this " + kind + " must be an object, not " + ObjectReader.describe(item)));
            }
        }
    }

    private void read(ApiKinds.Read decision, String kind, Map<?, ?> object, SourceRef where, FieldLocations locations) {
        ObjectReader reader = new ObjectReader(locations, where);
        Object value;
        ObjectMeta meta;
        switch (decision.role()) {
            case NAMESPACE -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_LABEL, false, false);
                String written = meta.labels().get(Namespace.NAME_LABEL);
                if (written != null && meta.name() != null && !written.equals(meta.name())) {
                    reader.note(ObjectMeta.PATH.field("labels").field(Namespace.NAME_LABEL), "label " + Namespace.NAME_LABEL + " is \""
                            + written + "\" here, but the API server always sets it to the namespace's name \"" + meta.name()
                            + "\"; selectors see \"" + meta.name() + "\"");
                }
                value = new Namespace(meta.name(), meta.labels(), false, where);
            }
            case WORKLOAD -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_SUBDOMAIN, true, false);
                value = WorkloadReader.read(reader, object, meta, decision.workloadKind(), where);
            }
            case SERVICE -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_1035_LABEL, true, false);
                value = ServiceReader.read(reader, object, meta, where);
            }
            case INGRESS -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_SUBDOMAIN, true, false);
                value = IngressReader.read(reader, object, kind, meta, where);
            }
            case NETWORK -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_SUBDOMAIN, kind.equals(UserDefinedNetwork.KIND), false);
                value = NetworkReader.read(reader, object, kind, meta, where);
            }
            case POLICY -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_SUBDOMAIN, true, true);
                String text = locations.text().orElseGet(() -> dump(object));
                value = PolicyReader.read(reader, object, meta, where, text);
            }
            case CLUSTER_POLICY -> {
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_SUBDOMAIN, false, true);
                String text = locations.text().orElseGet(() -> dump(object));
                value = ClusterPolicyReader.read(reader, object, kind, meta, where, text);
            }
            case CILIUM_POLICY, CALICO -> {
                boolean cilium = decision.role() == ApiKinds.Role.CILIUM_POLICY;
                meta = ObjectMeta.read(reader, object, NameRules.NameRule.DNS_SUBDOMAIN,
                        cilium ? kind.equals(CiliumPolicy.NAMESPACED) : CalicoReader.namespaced(kind), true);
                String text = locations.text().orElseGet(() -> dump(object));
                value = cilium ? CiliumPolicyReader.read(reader, object, kind, meta, where, text)
                        : CalicoReader.read(reader, object, kind, meta, where, text);
                kind = cilium ? kind : "Calico " + kind;
            }
            default -> throw new IllegalStateException("unknown role " + decision.role());
        }
        String subject = meta.name() == null ? tentativeSubject(kind, object) : kind + " " + qualified(meta.namespace(), meta.name());
        for (ObjectReader.Problem problem : reader.problems()) {
            String lead = problem.severity() == Severity.ERROR ? subject + " is left out: " : subject + ": ";
            report(new Diagnostic(problem.severity(), reader.whereOf(problem), lead + problem.message()));
        }
        if (!reader.hasErrors()) {
            entries.add(new Entry(kind, meta.namespace(), meta.name(), where, value, meta.controller()));
        }
    }

    private static String qualified(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    /** How to name an object in a message before its metadata has been checked. */
    private static String tentativeSubject(String kind, Map<?, ?> object) {
        if (object.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") instanceof String name && !name.isEmpty()) {
            Object namespace = metadata.get("namespace");
            if (kind.equals("Namespace")) {
                return kind + " " + name;
            }
            return kind + " " + (namespace instanceof String ns && !ns.isEmpty() ? ns : ObjectMeta.DEFAULT_NAMESPACE) + "/" + name;
        }
        return kind + " (without metadata.name)";
    }

    /** The YAML of an object that was never a file: what a live cluster's policy shows as its text. */
    private static String dump(Map<?, ?> object) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE);
        try {
            return new Yaml(options).dump(ManifestMaps.withoutNulls(object));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The snapshot of everything added so far, named {@code sourceName}. */
    public ClusterSnapshot build(String sourceName) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.addAll(skipped.diagnostics(SKIPPED));
        List<Entry> kept = ControllerFolding.withAbsentOwners(keepFirst(out));
        Map<Entry, Entry> folded = ControllerFolding.foldIntoOwners(kept, out);
        PodsOfWorkloads pods = new PodsOfWorkloads(
                kept.stream().map(Entry::value).filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList(),
                kept.stream().map(Entry::value).filter(ClusterPolicy.class::isInstance).map(ClusterPolicy.class::cast).toList(),
                kept.stream().map(Entry::value).filter(CiliumPolicy.class::isInstance).map(CiliumPolicy.class::cast).toList(),
                CalicoParts.nets(kept.stream().map(Entry::value).toList()));
        folded.forEach((entry, owner) -> {
            if (entry.kind().equals("Pod")) {
                pods.add(owner.value(), (Workload) entry.value());
            }
        });
        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        List<Workload> workloads = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<IngressRoute> ingressRoutes = new ArrayList<>();
        List<UserDefinedNetwork> networks = new ArrayList<>();
        List<NetworkPolicy> policies = new ArrayList<>();
        List<ClusterPolicy> clusterPolicies = new ArrayList<>();
        List<CiliumPolicy> ciliumPolicies = new ArrayList<>();
        CalicoParts calicoParts = new CalicoParts();
        for (Entry entry : kept) {
            if (entry.value() instanceof Namespace namespace) {
                namespaces.put(namespace.name(), namespace);
            }
        }
        for (Entry entry : kept) {
            if (folded.containsKey(entry)) {
                continue;
            }
            if (entry.value() instanceof Workload workload) {
                workloads.addAll(pods.nodesOf(workload, out));
            } else if (entry.value() instanceof Service service) {
                services.add(service);
            } else if (entry.value() instanceof IngressRoute route) {
                ingressRoutes.add(route);
                continue;
            } else if (entry.value() instanceof UserDefinedNetwork network) {
                networks.add(network); // its namespace must be declared, with a label: PrimaryNetworks says so when it is not
                continue;
            } else if (entry.value() instanceof NetworkPolicy policy) {
                policies.add(policy);
            } else if (entry.value() instanceof ClusterPolicy clusterPolicy) {
                clusterPolicies.add(clusterPolicy);
                continue;
            } else if (entry.value() instanceof CiliumPolicy ciliumPolicy) {
                ciliumPolicies.add(ciliumPolicy);
                if (ciliumPolicy.clusterwide()) {
                    continue;
                }
            } else if (calicoParts.add(entry.value())) {
                if (!CalicoParts.namespaced(entry.value())) {
                    continue;
                }
            } else {
                continue;
            }
            if (!namespaces.containsKey(entry.namespace())) {
                namespaces.put(entry.namespace(), new Namespace(entry.namespace(), Map.of(), true, SourceRef.NONE));
                out.add(Diagnostic.note(entry.where(), implicitNamespaceMessage(entry.namespace())));
            }
        }
        out.addAll(pods.undecidedByManifests());
        List<String> unevaluatedKinds = new ArrayList<>(skipped.unevaluatedKinds());
        CalicoResources calico = NetworkPluginChecks.check(ciliumPolicies, clusterPolicies, calicoParts.resources(),
                out, unevaluatedKinds);
        List<Workload> withPorts = ServicePorts.fill(workloads, services, out);
        out.addAll(PrimaryNetworks.assign(new ArrayList<>(namespaces.values()), networks).findings());
        return StandIns.addTo(new ClusterSnapshot(sourceName, new ArrayList<>(namespaces.values()), withPorts, services, policies,
                clusterPolicies, out, unevaluatedKinds, ciliumPolicies, calico, ingressRoutes, networks));
    }

    private static String implicitNamespaceMessage(String namespace) {
        String usual = "namespace " + namespace + " is used here but not declared; it is assumed to exist with only the label "
                + Namespace.NAME_LABEL + "=" + namespace + ". Add a Namespace manifest if namespaceSelectors should see other labels";
        return namespace.equals(ObjectMeta.DEFAULT_NAMESPACE)
                ? usual + " (objects without metadata.namespace go to default, as with kubectl apply without -n)" : usual;
    }

    /** Keeps the first of each kind/namespace/name and reports the others. */
    private List<Entry> keepFirst(List<Diagnostic> out) {
        Map<String, Entry> firstByKey = new HashMap<>();
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : entries) {
            String key = entry.kind() + '\u0000' + entry.namespace() + '\u0000' + entry.name();
            Entry first = firstByKey.putIfAbsent(key, entry);
            if (first == null) {
                kept.add(entry);
            } else {
                out.add(DuplicateCopies.diagnostic(entry.subject(), first.where(), entry.where()));
            }
        }
        return kept;
    }
}

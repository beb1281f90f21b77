package io.netpolviz.scale;

import io.netpolviz.model.Cidr;
import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.ContainerPort;
import io.netpolviz.model.IpBlock;
import io.netpolviz.model.LabelRequirement;
import io.netpolviz.model.LabelSelector;
import io.netpolviz.model.Namespace;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyPeer;
import io.netpolviz.model.PolicyPort;
import io.netpolviz.model.PolicyRule;
import io.netpolviz.model.PolicyType;
import io.netpolviz.model.PortRef;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.SelectorOperator;
import io.netpolviz.model.Service;
import io.netpolviz.model.ServicePort;
import io.netpolviz.model.SourceRef;
import io.netpolviz.model.Workload;
import io.netpolviz.model.WorkloadKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes a synthetic cluster that looks like a real one: application namespaces owned by teams,
 * each with web front ends, APIs, workers, databases and caches (Deployments and StatefulSets
 * with replicas and named ports) and a Service each; kube-system with kube-dns and monitoring
 * with Prometheus. The policies are the usual ones: a default deny per namespace, DNS egress to
 * kube-dns by named ports, app-to-app allows, metrics scraping from the monitoring namespace,
 * cross-namespace rules by {@code namespaceSelector}, and {@code ipBlock} egress to the
 * internet and to a partner range. Everything comes from one {@link Random} seeded with the
 * shape's seed, in a fixed order, so one seed always gives the same cluster.
 */
public final class ClusterGenerator {

    static final String KUBE_SYSTEM = "kube-system";
    static final String MONITORING = "monitoring";

    private static final String[] TEAMS = {"payments", "orders", "catalog", "identity", "shipping", "search", "billing", "support"};
    private static final String[] WORDS = {
        "cart", "checkout", "ledger", "invoice", "profile", "session", "pricing", "stock", "review", "coupon", "email",
        "notify", "report", "audit", "upload", "media", "quote", "refund", "wallet", "ticket", "route", "track", "label",
        "rating", "feed", "index", "query", "token", "consent", "export"};
    private static final String[] PRIVATE_RANGES = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"};
    private static final String PARTNER_RANGE = "203.0.113.0/24";

    /** What a pod does decides its kind, its ports and who talks to it. */
    private enum Role {
        WEB("web", 2, 4), API("api", 2, 5), WORKER("worker", 1, 3), DB("db", 1, 3), CACHE("cache", 1, 3);

        final String label;
        final int minReplicas;
        final int maxReplicas;

        Role(String label, int minReplicas, int maxReplicas) {
            this.label = label;
            this.minReplicas = minReplicas;
            this.maxReplicas = maxReplicas;
        }
    }

    private record App(String name, Role role, int replicas) {
    }

    private record AppNamespace(String name, String team, String env, List<App> apps) {
    }

    private final ClusterShape shape;
    private final Random random;
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<NetworkPolicy> policies = new ArrayList<>();

    private ClusterGenerator(ClusterShape shape) {
        this.shape = shape;
        this.random = new Random(shape.seed());
    }

    /** The cluster for {@code shape}: exactly {@code pods} pods and {@code policies} policies. */
    public static GeneratedCluster generate(ClusterShape shape) {
        return new ClusterGenerator(shape).build();
    }

    private GeneratedCluster build() {
        namespaces.add(new Namespace(KUBE_SYSTEM, Map.of(), false, SourceRef.NONE));
        addWorkload(KUBE_SYSTEM, "kube-dns", WorkloadKind.DEPLOYMENT, 2, Map.of("k8s-app", "kube-dns"), List.of(
                new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns-tcp", 53, Protocol.TCP),
                new ContainerPort("metrics", 9153, Protocol.TCP)));
        namespaces.add(new Namespace(MONITORING, Map.of("purpose", "monitoring"), false, SourceRef.NONE));
        addWorkload(MONITORING, "prometheus", WorkloadKind.STATEFUL_SET, 2, Map.of("app", "prometheus"),
                List.of(new ContainerPort("web", 9090, Protocol.TCP)));
        List<AppNamespace> appNamespaces = planNamespaces();
        for (AppNamespace namespace : appNamespaces) {
            namespaces.add(new Namespace(namespace.name(), Map.of("team", namespace.team(), "env", namespace.env()), false, SourceRef.NONE));
            for (App app : namespace.apps()) {
                Map<String, String> labels = Map.of("app", app.name(), "tier", app.role().label, "team", namespace.team());
                WorkloadKind kind = app.role() == Role.DB || app.role() == Role.CACHE ? WorkloadKind.STATEFUL_SET : WorkloadKind.DEPLOYMENT;
                addWorkload(namespace.name(), app.name(), kind, app.replicas(), labels, ports(app.role()));
            }
        }
        planPolicies(appNamespaces);
        // A random of its own, so that adding cluster-wide policies leaves everything else as it was.
        List<io.netpolviz.model.ClusterPolicy> clusterPolicies = ClusterPolicyGenerator.generate(shape.clusterPolicies(),
                appNamespaces.stream().map(AppNamespace::team).distinct().sorted().toList(), new Random(shape.seed() ^ 0x7A11E5L));
        io.netpolviz.model.CalicoResources calico = CalicoPolicyGenerator.generate(shape.calicoPolicies(),
                appNamespaces.stream().map(AppNamespace::team).distinct().sorted().toList(),
                appNamespaces.stream().map(AppNamespace::name).toList(), new Random(shape.seed() ^ 0xCA11C0L));
        ClusterSnapshot snapshot = new ClusterSnapshot("generated", namespaces, workloads, services, policies, clusterPolicies, List.of(),
                List.of(), List.of(), calico);
        java.util.SortedMap<String, String> files = ManifestRenderer.render(snapshot);
        if (shape.ciliumPolicies() > 0) {
            // Text only, read back through the loader like the rest; a random of its own leaves the rest as it was.
            files.put("cilium-policies.yaml", CiliumPolicyGenerator.yaml(shape.ciliumPolicies(),
                    appNamespaces.stream().map(AppNamespace::name).toList(),
                    appNamespaces.stream().map(AppNamespace::team).distinct().sorted().toList(), new Random(shape.seed() ^ 0xC111A5L)));
        }
        return new GeneratedCluster(shape, snapshot, files);
    }

    /** Splits the application pods evenly over the namespaces and fills each with apps until its share is used. */
    private List<AppNamespace> planNamespaces() {
        int appPods = shape.pods() - ClusterShape.PLATFORM_PODS;
        List<AppNamespace> planned = new ArrayList<>();
        for (int i = 0; i < shape.namespaces(); i++) {
            String team = TEAMS[i % TEAMS.length];
            String name = team + "-" + (i / TEAMS.length + 1);
            String env = random.nextInt(10) < 7 ? "prod" : "staging";
            int share = appPods / shape.namespaces() + (i < appPods % shape.namespaces() ? 1 : 0);
            List<App> apps = new ArrayList<>();
            while (share > 0) {
                Role role = pickRole();
                int replicas = Math.min(share, role.minReplicas + random.nextInt(role.maxReplicas - role.minReplicas + 1));
                int n = apps.size();
                String word = WORDS[n % WORDS.length] + (n >= WORDS.length ? Integer.toString(n / WORDS.length + 1) : "");
                apps.add(new App(word + "-" + role.label, role, replicas));
                share -= replicas;
            }
            planned.add(new AppNamespace(name, team, env, apps));
        }
        return planned;
    }

    private Role pickRole() {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return Role.WEB;
        }
        if (roll < 55) {
            return Role.API;
        }
        if (roll < 75) {
            return Role.WORKER;
        }
        return roll < 88 ? Role.DB : Role.CACHE;
    }

    private static List<ContainerPort> ports(Role role) {
        return switch (role) {
            case WEB -> List.of(new ContainerPort("http", 8080, Protocol.TCP));
            case API -> List.of(new ContainerPort("http", 8080, Protocol.TCP), new ContainerPort("metrics", 9090, Protocol.TCP));
            case WORKER -> List.of(new ContainerPort("metrics", 9090, Protocol.TCP));
            case DB -> List.of(new ContainerPort("postgres", 5432, Protocol.TCP), new ContainerPort("metrics", 9187, Protocol.TCP));
            case CACHE -> List.of(new ContainerPort("redis", 6379, Protocol.TCP));
        };
    }

    /**
     * One workload and its Service. In adversarial mode the workload becomes one bare Pod per
     * replica, each with a {@code pod} label of its own: still selected by the same policies,
     * never grouped with another pod.
     */
    private void addWorkload(String namespace, String name, WorkloadKind kind, int replicas, Map<String, String> labels, List<ContainerPort> ports) {
        if (shape.adversarial()) {
            for (int r = 0; r < replicas; r++) {
                Map<String, String> own = new LinkedHashMap<>(labels);
                own.put("pod", name + "-" + r);
                workloads.add(new Workload(namespace, name + "-" + r, WorkloadKind.POD, 1, own, ports, false, SourceRef.NONE));
            }
        } else {
            workloads.add(new Workload(namespace, name, kind, replicas, labels, ports, false, SourceRef.NONE));
        }
        Map<String, String> selector = labels.containsKey("app") ? Map.of("app", labels.get("app")) : labels;
        List<ServicePort> servicePorts = new ArrayList<>();
        for (ContainerPort port : ports) {
            servicePorts.add(new ServicePort(port.name(), port.port(), port.name(), port.protocol()));
        }
        services.add(new Service(namespace, name, selector, servicePorts, SourceRef.NONE));
    }

    /**
     * The namespace-wide policies first (default deny, then DNS, so that a small budget still
     * gets the baseline), then app policies taken from each namespace in turn until the budget
     * is spent.
     */
    private void planPolicies(List<AppNamespace> appNamespaces) {
        int budget = shape.policies();
        List<NetworkPolicy> baseline = new ArrayList<>();
        for (AppNamespace namespace : appNamespaces) {
            baseline.add(policy(namespace.name(), "default-deny", LabelSelector.EVERYTHING, List.of(PolicyType.INGRESS, PolicyType.EGRESS), List.of(), List.of()));
        }
        for (AppNamespace namespace : appNamespaces) {
            PolicyPeer kubeDns = new PolicyPeer(LabelSelector.ofLabels(Map.of("k8s-app", "kube-dns")),
                    LabelSelector.ofLabels(Map.of(Namespace.NAME_LABEL, KUBE_SYSTEM)), null);
            baseline.add(policy(namespace.name(), "allow-dns", LabelSelector.EVERYTHING, List.of(PolicyType.EGRESS), List.of(),
                    List.of(rule(List.of(kubeDns), named(Protocol.UDP, "dns"), named(Protocol.TCP, "dns-tcp")))));
        }
        baseline.add(policy(MONITORING, "default-deny-ingress", LabelSelector.EVERYTHING, List.of(PolicyType.INGRESS), List.of(), List.of()));
        for (int i = 0; i < baseline.size() && policies.size() < budget; i++) {
            policies.add(baseline.get(i));
        }
        List<AppPolicies> sources = new ArrayList<>();
        for (AppNamespace namespace : appNamespaces) {
            sources.add(new AppPolicies(namespace, appNamespaces));
        }
        while (policies.size() < budget) {
            for (AppPolicies source : sources) {
                if (policies.size() >= budget) {
                    break;
                }
                policies.add(source.next());
            }
        }
    }

    /**
     * The app-level policies of one namespace: its fixed ones in a seeded order with every
     * fourth a cross-namespace rule, and cross-namespace rules without end once those run out.
     */
    private final class AppPolicies {
        private final AppNamespace namespace;
        private final List<AppNamespace> all;
        private final List<NetworkPolicy> fixed = new ArrayList<>();
        private int nextFixed;
        private int crossCount;
        private int taken;

        AppPolicies(AppNamespace namespace, List<AppNamespace> all) {
            this.namespace = namespace;
            this.all = all;
            String ns = namespace.name();
            for (App app : namespace.apps()) {
                LabelSelector self = LabelSelector.ofLabels(Map.of("app", app.name()));
                switch (app.role()) {
                    case WEB -> {
                        fixed.add(policy(ns, "allow-" + app.name() + "-ingress", self, List.of(PolicyType.INGRESS),
                                List.of(rule(List.of(internet()), named(Protocol.TCP, "http"))), List.of()));
                        fixed.add(policy(ns, "allow-" + app.name() + "-egress", self, List.of(PolicyType.EGRESS), List.of(),
                                List.of(rule(List.of(pods(tier("api"))), named(Protocol.TCP, "http")))));
                    }
                    case API -> {
                        fixed.add(policy(ns, "allow-" + app.name() + "-ingress", self, List.of(PolicyType.INGRESS),
                                List.of(rule(List.of(pods(tier("web"))), named(Protocol.TCP, "http"))), List.of()));
                        fixed.add(policy(ns, "allow-" + app.name() + "-egress", self, List.of(PolicyType.EGRESS), List.of(),
                                List.of(rule(List.of(pods(tierIn("db", "cache"))), named(Protocol.TCP, "postgres"), named(Protocol.TCP, "redis")))));
                    }
                    case WORKER -> fixed.add(policy(ns, "allow-" + app.name() + "-egress", self, List.of(PolicyType.EGRESS), List.of(),
                            List.of(rule(List.of(pods(tierIn("db", "cache"))), named(Protocol.TCP, "postgres"), named(Protocol.TCP, "redis")),
                                    rule(List.of(partner()), numbered(Protocol.TCP, 443)))));
                    case DB -> fixed.add(policy(ns, "allow-" + app.name() + "-ingress", self, List.of(PolicyType.INGRESS),
                            List.of(rule(List.of(pods(tierIn("api", "worker"))), named(Protocol.TCP, "postgres"))), List.of()));
                    case CACHE -> fixed.add(policy(ns, "allow-" + app.name() + "-ingress", self, List.of(PolicyType.INGRESS),
                            List.of(rule(List.of(pods(tierIn("api", "worker"))), named(Protocol.TCP, "redis"))), List.of()));
                }
            }
            PolicyPeer prometheus = new PolicyPeer(LabelSelector.ofLabels(Map.of("app", "prometheus")),
                    LabelSelector.ofLabels(Map.of("purpose", "monitoring")), null);
            fixed.add(policy(ns, "allow-metrics-scrape", tierIn("api", "worker", "db"), List.of(PolicyType.INGRESS),
                    List.of(rule(List.of(prometheus), named(Protocol.TCP, "metrics"))), List.of()));
            fixed.add(policy(ns, "allow-external-https", tier("api"), List.of(PolicyType.EGRESS), List.of(),
                    List.of(rule(List.of(internet()), numbered(Protocol.TCP, 443)))));
            // A seeded shuffle, so that a budget smaller than the list picks a mix of kinds.
            for (int i = fixed.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                NetworkPolicy swap = fixed.get(i);
                fixed.set(i, fixed.get(j));
                fixed.set(j, swap);
            }
        }

        NetworkPolicy next() {
            taken++;
            if (taken % 4 != 0 && nextFixed < fixed.size()) {
                return fixed.get(nextFixed++);
            }
            return crossNamespace(crossCount++);
        }

        /** Alternately: let APIs of another team in, and let this namespace's apps out to another team's APIs. */
        private NetworkPolicy crossNamespace(int k) {
            AppNamespace other = all.get(random.nextInt(all.size()));
            App app = namespace.apps().get(random.nextInt(namespace.apps().size()));
            LabelSelector self = LabelSelector.ofLabels(Map.of("app", app.name()));
            String port = ports(app.role()).get(0).name();
            if (k % 2 == 0) {
                PolicyPeer callers = new PolicyPeer(tierIn("web", "api"), LabelSelector.ofLabels(Map.of("team", other.team())), null);
                return policy(namespace.name(), "allow-" + app.name() + "-from-" + other.team() + "-" + k, self, List.of(PolicyType.INGRESS),
                        List.of(rule(List.of(callers), named(Protocol.TCP, port))), List.of());
            }
            LabelSelector namespaces = new LabelSelector(Map.of("team", other.team()),
                    List.of(new LabelRequirement("env", SelectorOperator.IN, List.of(namespace.env()))));
            PolicyPeer apis = new PolicyPeer(tier("api"), namespaces, null);
            return policy(namespace.name(), "allow-" + app.name() + "-to-" + other.team() + "-" + k, self, List.of(PolicyType.EGRESS), List.of(),
                    List.of(rule(List.of(apis), named(Protocol.TCP, "http"))));
        }
    }

    private static NetworkPolicy policy(String namespace, String name, LabelSelector podSelector, List<PolicyType> types,
                                        List<PolicyRule> ingress, List<PolicyRule> egress) {
        return new NetworkPolicy(namespace, name, podSelector, types, ingress, egress, SourceRef.NONE, "");
    }

    private static PolicyRule rule(List<PolicyPeer> peers, PolicyPort... ports) {
        return new PolicyRule(peers, List.of(ports), SourceRef.NONE);
    }

    private static PolicyPort named(Protocol protocol, String name) {
        return new PolicyPort(protocol, PortRef.named(name), null);
    }

    private static PolicyPort numbered(Protocol protocol, int port) {
        return new PolicyPort(protocol, PortRef.number(port), null);
    }

    private static PolicyPeer pods(LabelSelector selector) {
        return new PolicyPeer(selector, null, null);
    }

    private static LabelSelector tier(String tier) {
        return LabelSelector.ofLabels(Map.of("tier", tier));
    }

    private static LabelSelector tierIn(String... tiers) {
        return new LabelSelector(Map.of(), List.of(new LabelRequirement("tier", SelectorOperator.IN, List.of(tiers))));
    }

    /** Anywhere on the internet: every address except the private ranges. */
    private static PolicyPeer internet() {
        return new PolicyPeer(null, null, new IpBlock(cidr("0.0.0.0/0"), List.of(cidr(PRIVATE_RANGES[0]), cidr(PRIVATE_RANGES[1]), cidr(PRIVATE_RANGES[2]))));
    }

    private static PolicyPeer partner() {
        return new PolicyPeer(null, null, new IpBlock(cidr(PARTNER_RANGE), List.of()));
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }
}

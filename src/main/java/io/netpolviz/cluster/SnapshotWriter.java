package io.netpolviz.cluster;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.netpolviz.load.ManifestMaps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.netpolviz.model.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes what was read from a cluster as clean manifests, one YAML file per namespace
 * ({@code <namespace>.yaml}: the Namespace, then its workloads, services and policies, by kind
 * and name), so that loading the folder gives the same snapshot. Only the kinds NetPolViz
 * reads are written: never a Secret or a ConfigMap. Calico's tiers, policies, network sets and host
 * endpoints are written too. Namespaced objects go in their namespace's file, cluster-scoped ones
 * (admin-tier, Cilium clusterwide and Calico global objects) in {@code _cluster-scoped.yaml}. A workload's pods are written where they
 * decide: all of a workload's pods when one of them differs from its template (so that loading
 * the folder splits the workload as the cluster does), and every pod with an address when a
 * cluster-wide policy matches addresses, or Calico's rules or network sets do. Output is deterministic: the same objects give the same
 * bytes.
 */
public final class SnapshotWriter {

    /** The first line of every file this writer makes; files without it are never touched. */
    static final String HEADER = "# Written by NetPolViz";

    private SnapshotWriter() {
    }

    public static List<Path> write(ClusterCapture capture, Path directory) throws IOException {
        Set<String> splitOwners = new HashSet<>();
        for (Workload workload : capture.snapshot().workloads()) {
            if (workload.variant() != null) {
                splitOwners.add(workload.namespace() + "/" + workload.variant().ownerKind().apiKind() + "/" + workload.variant().ownerName());
            }
        }
        boolean addressesDecide = capture.snapshot().clusterPolicies().stream().anyMatch(policy -> !policy.networks().isEmpty())
                || !capture.snapshot().calico().nets().isEmpty();
        List<Map<String, Object>> deciding = capture.manifests().stream().filter(manifest -> {
            String owner = OwnedPodManifest.ownerOf(manifest);
            return owner == null || splitOwners.contains(ApiObjects.namespace(manifest) + "/" + owner)
                    || (addressesDecide && manifest.get("status") != null);
        }).toList();
        return write(capture.snapshot().sourceName(), deciding, directory);
    }

    /**
     * Writes the manifests into {@code directory}, creating it if needed. Files an earlier run
     * wrote there are replaced (so a namespace that is gone does not linger); any other YAML
     * or JSON file there stops the write, since loading the folder would mix it in.
     *
     * @return the files written, in name order
     */
    public static List<Path> write(String sourceName, List<Map<String, Object>> manifests, Path directory) throws IOException {
        Map<String, List<Map<String, Object>>> byNamespace = new TreeMap<>();
        manifests.stream()
                .filter(object -> ResourceKind.fromKind(ApiObjects.kind(object)).isPresent() || isCalico(object))
                .map(ManifestCleaner::clean)
                .sorted((a, b) -> ObjectKey.of(a).compareTo(ObjectKey.of(b)))
                .forEach(object -> byNamespace.computeIfAbsent(namespaceOf(object), key -> new ArrayList<>()).add(object));
        for (String namespace : byNamespace.keySet()) {
            if (!namespace.equals(CLUSTER_SCOPED) && !NamespaceNames.valid(namespace)) {
                // Names come from the server; one that is not a valid name must not become a path.
                throw new IOException("refusing to write objects of namespace '" + namespace + "': not a valid namespace name");
            }
        }
        Files.createDirectories(directory);
        List<Path> ours = new ArrayList<>();
        for (Path existing : manifestFiles(directory)) {
            if (writtenByUs(existing)) {
                ours.add(existing);
            } else {
                throw new IOException(directory + " already holds " + existing.getFileName()
                        + ", which NetPolViz did not write; choose an empty folder so that loading it gives the cluster's objects only");
            }
        }
        for (Path old : ours) {
            Files.delete(old);
        }
        List<Path> written = new ArrayList<>();
        Yaml yaml = new Yaml(dumperOptions());
        for (Map.Entry<String, List<Map<String, Object>>> namespace : byNamespace.entrySet()) {
            StringBuilder text = new StringBuilder();
            text.append(HEADER).append(" from ").append(sourceName.replaceAll("[\\r\\n]+", " ")).append(": namespace ").append(namespace.getKey()).append('\n');
            for (Map<String, Object> object : namespace.getValue()) {
                text.append("---\n").append(yaml.dump(ManifestMaps.withoutNulls(object)));
            }
            Path file = directory.resolve(namespace.getKey() + ".yaml");
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    private static String namespaceOf(Map<String, Object> object) {
        String namespace = "Namespace".equals(ApiObjects.kind(object)) ? ApiObjects.name(object) : ApiObjects.namespace(object);
        return namespace.isEmpty() ? CLUSTER_SCOPED : namespace;
    }

    /**
     * The file of cluster-scoped objects (ClusterNetworkPolicies, the BaselineAdminNetworkPolicy,
     * Cilium's clusterwide policies, Calico's Tiers and GlobalNetworkPolicies): a leading underscore
     * is never a namespace name, so it cannot collide with a namespace's file.
     */
    static final String CLUSTER_SCOPED = "_cluster-scoped";

    /** Calico's own kinds, in either of its API groups. */
    private static boolean isCalico(Map<String, Object> object) {
        String apiVersion = ApiObjects.text(object.get("apiVersion"));
        return apiVersion.startsWith("crd.projectcalico.org/") || apiVersion.startsWith("projectcalico.org/");
    }

    private static List<Path> manifestFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        }
    }

    private static boolean writtenByUs(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(line -> line.startsWith(HEADER)).orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The style the snapshot builder uses for a live policy's text, so that a policy loaded from
     * the written folder shows the very same text as it did live.
     */
    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return options;
    }
}

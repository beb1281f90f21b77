package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects a source holds that NetPolViz does not read, counted per kind. Kinds that cannot
 * affect pod traffic (ConfigMaps, RBAC, CRDs, Ingresses) get one quiet line each, however many
 * objects there are; policies of other projects (Calico, Cilium, Istio...) get one warning per
 * kind that says the picture may allow what the cluster blocks.
 */
final class SkippedKinds {

    /** One kind: how many objects, where the first is, and the project when it is a policy NetPolViz does not evaluate. */
    private static final class Tally {
        final String apiVersion;
        final SourceRef first;
        final String project;
        int count;

        Tally(String apiVersion, SourceRef first, String project) {
            this.apiVersion = apiVersion;
            this.first = first;
            this.project = project;
        }
    }

    private final Map<String, Tally> byKind = new TreeMap<>();
    private SourceRef firstNonObject;
    private final java.util.Set<String> nonObjectFiles = new java.util.TreeSet<>();
    private int nonObjects;

    /** Counts a document with neither apiVersion nor kind: YAML or JSON that is not a Kubernetes object at all. */
    void notAnObject(SourceRef where) {
        if (firstNonObject == null) {
            firstNonObject = where;
        }
        nonObjectFiles.add(where.file());
        nonObjects++;
    }

    /** Counts one object; {@code project} is null for a kind that cannot affect pod traffic. */
    void add(String kind, String apiVersion, SourceRef where, String project) {
        String key = project == null ? kind : apiVersion + " " + kind;
        byKind.computeIfAbsent(key, k -> new Tally(apiVersion, where, project)).count++;
    }

    /** {@code crd.projectcalico.org/v1 GlobalNetworkPolicy (Calico)} for each policy kind not evaluated, sorted. */
    List<String> unevaluatedKinds() {
        List<String> kinds = new ArrayList<>();
        byKind.forEach((key, tally) -> {
            if (tally.project != null) {
                kinds.add(key + " (" + tally.project + ")");
            }
        });
        return kinds;
    }

    List<Diagnostic> diagnostics(String whatIsRead) {
        List<Diagnostic> out = new ArrayList<>();
        if (nonObjects > 0) {
            String documents = nonObjects == 1 ? "1 document" : nonObjects + " documents";
            String files = nonObjectFiles.size() == 1 ? "" : " in " + nonObjectFiles.size() + " files";
            out.add(Diagnostic.note(firstNonObject, documents + files + " without apiVersion and kind skipped"
                    + (nonObjects == 1 ? "" : " (the first is here)") + ": YAML or JSON that is not a Kubernetes object"
                    + " (values, package or API description files). A manifest needs both"));
        }
        byKind.forEach((key, tally) -> {
            String objects = tally.count == 1 ? "1 object" : tally.count + " objects";
            String where = tally.count == 1 ? "" : " (the first is here)";
            if (tally.project != null) {
                out.add(Diagnostic.warning(tally.first, key + ": " + objects + where + " of a " + tally.project
                        + " policy kind that NetPolViz does not evaluate. The picture may allow what the cluster blocks;"
                        + " check these policies by other means"));
            } else {
                out.add(Diagnostic.note(tally.first, key + ": " + objects + " skipped" + where
                        + ", as they do not decide pod traffic (" + whatIsRead + ")"));
            }
        });
        return out;
    }
}

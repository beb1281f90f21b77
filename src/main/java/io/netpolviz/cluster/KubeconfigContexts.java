package io.netpolviz.cluster;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contexts of a kubeconfig (one file, or the list in {@code KUBECONFIG} merged the way
 * kubectl merges it: the first file to name a context or set {@code current-context} wins),
 * for a context picker. Credentials are read only to be able to redact them from messages;
 * they are never exposed. Problems (a missing file, broken YAML) are diagnostics, not failures.
 */
public final class KubeconfigContexts {

    /** Only strings this long are treated as secrets, so that redaction never eats short words. */
    private static final int MIN_SECRET_LENGTH = 8;

    /** User fields that name files or programs: useful in messages, and no secret. */
    private static final Set<String> NOT_SECRET = Set.of(
            "client-certificate", "client-key", "tokenFile", "command", "apiVersion", "installHint",
            "interactiveMode", "provideClusterInfo", "username", "as", "as-groups", "name");

    private final Map<String, KubeconfigContext> contexts;
    private final String currentContext;
    private final Set<String> secrets;
    private final List<Diagnostic> problems;

    private KubeconfigContexts(Map<String, KubeconfigContext> contexts, String currentContext,
                               Set<String> secrets, List<Diagnostic> problems) {
        this.contexts = contexts;
        this.currentContext = currentContext;
        this.secrets = Set.copyOf(secrets);
        this.problems = problems.stream().sorted().toList();
    }

    /** The files kubectl would read: those listed in {@code KUBECONFIG}, else {@code ~/.kube/config}. */
    public static List<Path> defaultFiles() {
        return defaultFiles(System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
    }

    static List<Path> defaultFiles(String kubeconfigVariable, Path home) {
        if (kubeconfigVariable != null && !kubeconfigVariable.isBlank()) {
            List<Path> listed = new ArrayList<>();
            for (String entry : kubeconfigVariable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    listed.add(Path.of(entry.trim()));
                }
            }
            if (!listed.isEmpty()) {
                return listed;
            }
        }
        return List.of(home.resolve(".kube").resolve("config"));
    }

    /** Reads and merges the files; with several files a missing one is skipped, as kubectl does. */
    public static KubeconfigContexts read(List<Path> files) {
        Map<String, KubeconfigContext> contexts = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        List<Diagnostic> problems = new ArrayList<>();
        String current = null;
        boolean anyRead = false;
        for (Path file : files) {
            Map<?, ?> document = parse(file, files.size() == 1, problems);
            if (document == null) {
                continue;
            }
            anyRead = true;
            Map<String, Map<?, ?>> clusters = namedEntries(document, "clusters", "cluster");
            Map<String, Map<?, ?>> users = namedEntries(document, "users", "user");
            for (Map.Entry<String, Map<?, ?>> context : namedEntries(document, "contexts", "context").entrySet()) {
                String clusterName = text(context.getValue().get("cluster"));
                Map<?, ?> cluster = clusters.get(clusterName);
                contexts.putIfAbsent(context.getKey(), new KubeconfigContext(
                        context.getKey(),
                        clusterName,
                        cluster == null ? "" : ServerAddress.withoutUserInfo(text(cluster.get("server"))),
                        text(context.getValue().get("namespace")),
                        text(context.getValue().get("user")),
                        file));
            }
            users.values().forEach(user -> collectSecrets(user, secrets));
            clusters.values().forEach(cluster -> ServerAddress.userInfo(text(cluster.get("server"))).ifPresent(secrets::add));
            String declaredCurrent = text(document.get("current-context"));
            if (current == null && !declaredCurrent.isEmpty()) {
                current = declaredCurrent;
            }
        }
        if (!anyRead && problems.isEmpty()) {
            problems.add(Diagnostic.error(SourceRef.NONE, "no kubeconfig file to read"));
        }
        Map<String, KubeconfigContext> sorted = new LinkedHashMap<>();
        contexts.values().stream().sorted(Comparator.comparing(KubeconfigContext::name))
                .forEach(context -> sorted.put(context.name(), context));
        return new KubeconfigContexts(sorted, current, secrets, problems);
    }

    private static Map<?, ?> parse(Path file, boolean onlyFile, List<Diagnostic> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (onlyFile) {
                problems.add(Diagnostic.error(SourceRef.of(file.toString()), "no kubeconfig here; point --kubeconfig at one, "
                        + "or create it with your cluster's tools (for example kind export kubeconfig)"));
            }
            return null;
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourceRef.of(file.toString()), "cannot read the kubeconfig: " + e.getClass().getSimpleName()));
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(true);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(text);
            if (loaded == null) {
                return Map.of();
            }
            if (loaded instanceof Map<?, ?> map) {
                return map;
            }
            problems.add(Diagnostic.error(new SourceRef(file.toString(), 1, 1), "a kubeconfig must be a YAML mapping"));
        } catch (MarkedYAMLException e) {
            // The problem text alone: the snippet snakeyaml quotes could contain a credential.
            Mark mark = e.getProblemMark();
            SourceRef where = mark == null ? SourceRef.of(file.toString())
                    : new SourceRef(file.toString(), mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(Diagnostic.error(where, "the kubeconfig is not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            problems.add(Diagnostic.error(SourceRef.of(file.toString()), "the kubeconfig is not valid YAML"));
        }
        return null;
    }

    /** {@code clusters: [{name: x, cluster: {...}}]} as {@code x -> {...}}; malformed entries are skipped. */
    private static Map<String, Map<?, ?>> namedEntries(Map<?, ?> document, String listKey, String bodyKey) {
        Map<String, Map<?, ?>> entries = new LinkedHashMap<>();
        if (document.get(listKey) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("name") != null && entry.get(bodyKey) instanceof Map<?, ?> body) {
                    entries.putIfAbsent(text(entry.get("name")), body);
                }
            }
        }
        return entries;
    }

    private static void collectSecrets(Object value, Set<String> into) {
        if (value instanceof String text) {
            if (text.length() >= MIN_SECRET_LENGTH) {
                into.add(text);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> {
                if (!NOT_SECRET.contains(text(key))) {
                    collectSecrets(nested, into);
                }
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(nested -> collectSecrets(nested, into));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Every context, by name. */
    public List<KubeconfigContext> contexts() {
        return List.copyOf(contexts.values());
    }

    public List<String> contextNames() {
        return List.copyOf(contexts.keySet());
    }

    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext);
    }

    public Optional<KubeconfigContext> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    /** Why some or all of the kubeconfig could not be read; empty when all went well. */
    public List<Diagnostic> problems() {
        return problems;
    }

    /** The credential strings found, so that messages can be scrubbed of them. */
    Set<String> secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return "KubeconfigContexts" + contextNames();
    }
}

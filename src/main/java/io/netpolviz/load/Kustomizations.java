package io.netpolviz.load;

import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The kustomize folders of a tree. There is no kustomize for Java, so a kustomization is not
 * rendered: its resources are read as written, its own file and its patches (which are partial
 * objects, such as a {@code $patch: delete}) are not read as objects, and one note says how to
 * render it for the real picture.
 */
final class Kustomizations {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final List<String> folders = new ArrayList<>();
    private final Set<Path> notObjects = new HashSet<>();
    private int patches;
    private boolean overlay;

    /** The kustomization file of {@code folder}, if it has one. */
    static Optional<Path> fileOf(Path folder) {
        return FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** Records the kustomization of {@code folder}: it and its patch files are not objects to read. */
    void add(Path folder, String display, Path kustomization) {
        folders.add(display);
        notObjects.add(normal(kustomization));
        Map<?, ?> fields = read(kustomization);
        for (String key : List.of("patchesStrategicMerge", "patches", "patchesJson6902", "components")) {
            if (fields.get(key) instanceof List<?> entries) {
                for (Object entry : entries) {
                    Object file = entry instanceof Map<?, ?> patch ? patch.get("path") : entry;
                    if (file instanceof String name && ManifestFinder.isManifestName(name) && !key.equals("components")) {
                        notObjects.add(normal(folder.resolve(name)));
                        patches++;
                    }
                }
            }
        }
        // An overlay builds on another kustomization: a resource or base that is a folder (../base).
        for (String key : List.of("resources", "bases")) {
            if (fields.get(key) instanceof List<?> entries) {
                overlay |= entries.stream().anyMatch(entry -> entry instanceof String name && Files.isDirectory(folder.resolve(name)));
            }
        }
    }

    /** Whether {@code file} is a kustomization or one of its patches, not an object. */
    boolean isNotAnObject(Path file) {
        return notObjects.contains(normal(file));
    }

    /** One note for all the kustomizations found, or none. */
    Optional<Diagnostic> note() {
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        String first = folders.get(0);
        String found = folders.size() == 1 ? "a kustomization" : folders.size() + " kustomizations (the first here)";
        String skipped = patches == 0 ? "" : " Its " + (patches == 1 ? "patch file is" : patches + " patch files are") + " not read as objects.";
        String which = overlay ? " For an overlay, render the overlay's folder (such as overlays/prod), not the base." : "";
        return Optional.of(Diagnostic.warning(SourceRef.of(first), "this is " + found + ": NetPolViz reads the manifests as written,"
                + " without kustomize's namespace, name prefixes, labels and patches, so the picture may differ from what it deploys."
                + skipped + " To see what it deploys, render it: kubectl kustomize " + first + " > rendered.yaml, and open rendered.yaml."
                + which));
    }

    private static Map<?, ?> read(Path kustomization) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            Object value = new Yaml(options).load(Files.readString(kustomization));
            return value instanceof Map<?, ?> map ? map : Map.of();
        } catch (IOException | RuntimeException unreadable) {
            // The note still says it is a kustomization; its patches are then read like any file.
            return Map.of();
        }
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}

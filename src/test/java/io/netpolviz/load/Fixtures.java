package io.netpolviz.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.netpolviz.model.ClusterSnapshot;
import io.netpolviz.model.Diagnostic;
import io.netpolviz.model.NetworkPolicy;
import io.netpolviz.model.PolicyId;
import io.netpolviz.model.Severity;
import io.netpolviz.model.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Writing manifests into a temporary folder, loading them, and finding what came out. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path folder, String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClusterSnapshot load(Path... paths) {
        return new ManifestLoader().load(Arrays.asList(paths));
    }

    static List<Diagnostic> withSeverity(ClusterSnapshot snapshot, Severity severity) {
        return snapshot.diagnostics().stream().filter(d -> d.severity() == severity).toList();
    }

    /** The one diagnostic of this severity whose message contains {@code part}; fails listing all when there is not exactly one. */
    static Diagnostic single(ClusterSnapshot snapshot, Severity severity, String part) {
        List<Diagnostic> matching = snapshot.diagnostics().stream()
                .filter(d -> d.severity() == severity && d.message().contains(part))
                .toList();
        if (matching.size() != 1) {
            fail("expected one " + severity + " containing '" + part + "', got " + matching.size() + " in:\n" + all(snapshot));
        }
        return matching.get(0);
    }

    static void assertAt(Diagnostic diagnostic, String fileName, int line, int column) {
        assertEquals(fileName, Path.of(diagnostic.where().file()).getFileName().toString(), diagnostic.display());
        assertEquals(line, diagnostic.where().line(), diagnostic.display());
        assertEquals(column, diagnostic.where().column(), diagnostic.display());
    }

    static String all(ClusterSnapshot snapshot) {
        return snapshot.diagnostics().stream().map(Diagnostic::display).collect(Collectors.joining("\n"));
    }

    static List<String> policyIds(ClusterSnapshot snapshot) {
        return snapshot.policies().stream().map(NetworkPolicy::id).map(PolicyId::toString).toList();
    }

    static List<String> workloadIds(ClusterSnapshot snapshot) {
        return snapshot.workloads().stream().map(w -> w.kind().apiKind() + " " + w.id()).toList();
    }

    static NetworkPolicy policy(ClusterSnapshot snapshot, String id) {
        return snapshot.policy(PolicyId.parse(id)).orElseThrow(() -> new AssertionError("no policy " + id + " in:\n" + all(snapshot)));
    }

    static Workload workload(ClusterSnapshot snapshot, String id) {
        return snapshot.workloads().stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + id + " in:\n" + all(snapshot)));
    }
}

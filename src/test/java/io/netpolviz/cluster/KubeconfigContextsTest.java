package io.netpolviz.cluster;

import io.netpolviz.model.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeconfigContextsTest {

    @TempDir
    Path temp;

    private static final String DEV = """
            apiVersion: v1
            kind: Config
            current-context: kind-dev
            clusters:
            - name: kind-dev
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=
            - name: prod
              cluster:
                server: https://ops:pa55w0rd-in-url@prod.example.com:443/
            contexts:
            - name: kind-dev
              context: {cluster: kind-dev, user: kind-dev}
            - name: prod-admin
              context: {cluster: prod, user: admin, namespace: payments}
            users:
            - name: kind-dev
              user:
                client-certificate-data: Q0VSVElGSUNBVEUtREFUQS1TRUNSRVQ=
                client-key-data: S0VZLURBVEEtVkVSWS1TRUNSRVQ=
            - name: admin
              user:
                token: eyJhbGciOiJSUzI1NiJ9.secret-payload.signature
            """;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    @Test
    void listsContextsByNameWithTheCurrentOne() throws Exception {
        KubeconfigContexts contexts = KubeconfigContexts.read(List.of(write("config", DEV)));

        assertEquals(List.of("kind-dev", "prod-admin"), contexts.contextNames());
        assertEquals(Optional.of("kind-dev"), contexts.currentContext());
        KubeconfigContext prod = contexts.context("prod-admin").orElseThrow();
        assertEquals("prod", prod.cluster());
        assertEquals("https://prod.example.com:443", prod.server());
        assertEquals("payments", prod.namespace());
        assertEquals("admin", prod.user());
        assertEquals(List.of(), contexts.problems());
    }

    @Test
    void credentialsAreKnownForRedactionButNeverExposed() throws Exception {
        KubeconfigContexts contexts = KubeconfigContexts.read(List.of(write("config", DEV)));

        String shown = contexts.contexts() + " " + contexts;
        for (String secret : List.of("secret-payload", "S0VZLURBVEEtVkVSWS1TRUNSRVQ=", "Q0VSVElGSUNBVEUtREFUQS1TRUNSRVQ=", "pa55w0rd")) {
            assertFalse(shown.contains(secret), secret);
        }
        assertTrue(contexts.secrets().contains("eyJhbGciOiJSUzI1NiJ9.secret-payload.signature"));
        assertTrue(contexts.secrets().contains("S0VZLURBVEEtVkVSWS1TRUNSRVQ="));
        assertTrue(contexts.secrets().contains("ops:pa55w0rd-in-url"));
        assertFalse(contexts.secrets().contains("https://127.0.0.1:6443"), "server addresses are no secret");
    }

    @Test
    void severalFilesMergeAsKubectlMergesThem() throws Exception {
        Path first = write("first", """
                current-context: b
                contexts:
                - name: b
                  context: {cluster: one, user: u}
                clusters:
                - name: one
                  cluster: {server: https://one:6443}
                """);
        Path second = write("second", """
                current-context: c
                contexts:
                - name: b
                  context: {cluster: two, user: u}
                - name: c
                  context: {cluster: two, user: u}
                clusters:
                - name: two
                  cluster: {server: https://two:6443}
                """);

        KubeconfigContexts contexts = KubeconfigContexts.read(List.of(first, temp.resolve("missing"), second));

        assertEquals(List.of("b", "c"), contexts.contextNames());
        assertEquals(Optional.of("b"), contexts.currentContext());
        assertEquals("https://one:6443", contexts.context("b").orElseThrow().server());
        assertEquals(second, contexts.context("c").orElseThrow().file());
        assertEquals(List.of(), contexts.problems(), "a missing file in a list is skipped, as kubectl does");
    }

    @Test
    void theDefaultIsTheKubeconfigVariableElseTheHomeFile() {
        Path home = Path.of("/home/someone");
        assertEquals(List.of(home.resolve(".kube").resolve("config")), KubeconfigContexts.defaultFiles(null, home));
        assertEquals(List.of(home.resolve(".kube").resolve("config")), KubeconfigContexts.defaultFiles("  ", home));
        assertEquals(List.of(Path.of("/a/config"), Path.of("/b/config")),
                KubeconfigContexts.defaultFiles("/a/config" + File.pathSeparator + File.pathSeparator + "/b/config", home));
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        Path missing = temp.resolve("nope");

        KubeconfigContexts contexts = KubeconfigContexts.read(List.of(missing));

        assertEquals(List.of(), contexts.contexts());
        assertEquals(Optional.empty(), contexts.currentContext());
        Diagnostic problem = contexts.problems().get(0);
        assertEquals(missing.toString(), problem.where().file());
        assertTrue(problem.message().startsWith("no kubeconfig here"), problem.message());
    }

    @Test
    void brokenYamlIsReportedWithItsLineAndWithoutQuotingTheFile() throws Exception {
        Path broken = write("broken", "users:\n- name: me\n  user:\n    token: abcdefghijklmnop\n  : [unclosed\n");

        KubeconfigContexts contexts = KubeconfigContexts.read(List.of(broken));

        Diagnostic problem = contexts.problems().get(0);
        assertTrue(problem.where().line() >= 4, problem.display());
        assertTrue(problem.message().startsWith("the kubeconfig is not valid YAML"), problem.message());
        assertFalse(problem.display().contains("abcdefghijklmnop"), problem.display());
    }
}

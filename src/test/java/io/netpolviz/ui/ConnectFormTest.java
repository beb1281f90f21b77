package io.netpolviz.ui;

import io.netpolviz.app.BackgroundWork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netpolviz.cluster.ClusterOptions;
import io.netpolviz.cluster.KubeconfigContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect dialog's state, with every job run at once on the calling thread. */
class ConnectFormTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: https://10.0.0.1:6443
            contexts:
            - name: dev
              context: {cluster: c, user: u, namespace: shop}
            - name: prod
              context: {cluster: c, user: u}
            current-context: prod
            users:
            - name: u
              user: {token: abcdefgh-secret-token}
            """;

    @TempDir
    Path dir;

    private static BackgroundWork inline() {
        return new BackgroundWork(Runnable::run, Runnable::run);
    }

    @Test
    void theCurrentContextIsPreselectedAndTheDefaultFileGoesAsNull() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);
        ConnectForm form = new ConnectForm(inline(), List.of(file), null);
        assertEquals(List.of("dev", "prod"), form.contexts().stream().map(KubeconfigContext::name).toList());
        assertEquals("prod", form.contextProperty().get());
        assertEquals("", form.blockerProperty().get());
        assertEquals(ClusterOptions.of(null, "prod", Set.of()), form.options());
    }

    @Test
    void chosenNamespacesAreValidatedAndPassedOn() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);
        ConnectForm form = new ConnectForm(inline(), List.of(dir.resolve("elsewhere")), null);
        form.kubeconfigProperty().set(file.toString());
        form.contextProperty().set("dev");
        form.allNamespacesProperty().set(false);
        form.namespacesProperty().set("shop, Payments");
        assertTrue(form.blockerProperty().get().startsWith("'Payments' is not a namespace name"), form.blockerProperty().get());
        form.namespacesProperty().set("shop,  payments");
        assertEquals(ClusterOptions.of(file, "dev", Set.of("payments", "shop")), form.options());
    }

    @Test
    void aBrokenKubeconfigShowsItsProblemAndBlocksConnect() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), "clusters: [\n");
        ConnectForm form = new ConnectForm(inline(), List.of(file), null);
        assertTrue(form.problems().get(0).contains("the kubeconfig is not valid YAML"), form.problems().toString());
        assertEquals("No context to connect to.", form.blockerProperty().get());
        assertNull(form.contextProperty().get());
    }

    @Test
    void theLastConnectionIsWhereTheFormStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), KUBECONFIG);
        ConnectForm form = new ConnectForm(inline(), List.of(dir.resolve("default")), ClusterOptions.of(file, "dev", Set.of("shop")));
        assertEquals(file.toString(), form.kubeconfigProperty().get());
        assertEquals("dev", form.contextProperty().get());
        assertEquals("shop", form.namespacesProperty().get());
        assertEquals(ClusterOptions.of(file, "dev", Set.of("shop")), form.options());
    }
}

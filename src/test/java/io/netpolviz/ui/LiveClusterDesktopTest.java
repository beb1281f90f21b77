package io.netpolviz.ui;

import static io.netpolviz.ui.DesktopWindows.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.netpolviz.cluster.ConnectionState;
import io.netpolviz.cluster.MockCluster;
import io.netpolviz.layout.PortStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Connect to cluster, through the real dialog, against fabric8's mock API server. */
@ExtendWith(ApplicationExtension.class)
class LiveClusterDesktopTest {

    private static final String TEST_RUNNER_TO_API = "staging/test-runner->production/backend-api";

    @TempDir
    Path dir;

    private MockCluster cluster;
    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        model = DesktopWindows.model();
        window = new MainWindow(model, stage, null);
        window.show();
    }

    @BeforeEach
    void startCluster() throws Exception {
        cluster = MockCluster.start();
        cluster.applyFolder(Lessons.TUTORIAL);
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
        cluster.close();
    }

    @Test
    void connectingThroughTheDialogShowsTheClusterAndFollowsItsChanges(FxRobot robot) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir);
        openConnectDialog(robot);
        typeKubeconfig(robot, kubeconfig);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> "mock".equals(
                robot.lookup("#contextPicker").queryAs(ComboBox.class).getValue())));
        assertTrue(robot.lookup("#contextDetails").queryAs(Label.class).getText().startsWith("Server " + cluster.url().replaceAll("/$", "")));
        robot.clickOn("#allNamespaces");
        robot.clickOn("#connectButton");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.evaluationProperty().get() != null
                && model.cluster().connectionProperty().get().state() == ConnectionState.CONNECTED));
        WaitForAsyncUtils.waitForFxEvents();
        String line = robot.lookup("#clusterStatus").queryAs(Label.class).getText();
        assertTrue(line.startsWith("Connected to mock \u2014 last change "), line);
        assertFalse(robot.lookup("#reconnectButton").queryAs(Button.class).isVisible());
        assertTrue(fx(() -> window.stage().getTitle()).contains("cluster:mock (live)"));
        assertEquals(List.of(PortStyle.ALLOWED), fx(() -> Lessons.portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_API)));

        long created = System.nanoTime();
        cluster.admin().resource(new NetworkPolicyBuilder()
                .withNewMetadata().withNamespace("staging").withName("lock-staging").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Egress").endSpec()
                .build()).create();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> Lessons.portStyles(model.diagramProperty().get(), TEST_RUNNER_TO_API)
                .equals(List.of(PortStyle.BLOCKED))));
        // Default timing, as a user gets it: 150 ms of quiet before a snapshot goes out.
        System.out.printf(java.util.Locale.ROOT, "live cluster in the app: diagram updated %.2f s after the server accepted the policy%n",
                (System.nanoTime() - created) / 1e9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#clusterStatus").queryAs(Label.class).getText().endsWith("NetworkPolicy staging/lock-staging ADDED"));
        assertTrue(fx(() -> window.diagram().isFlashing()), "the changed edge flashes");
    }

    @Test
    void pressingEnterInTheDialogConnects(FxRobot robot) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir);
        openConnectDialog(robot);
        typeKubeconfig(robot, kubeconfig);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> "mock".equals(
                robot.lookup("#contextPicker").queryAs(ComboBox.class).getValue())));
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.evaluationProperty().get() != null
                && model.cluster().connectionProperty().get().state() == ConnectionState.CONNECTED));
    }

    @Test
    void aBrokenKubeconfigIsShownInTheDialogAndConnectStaysDisabled(FxRobot robot) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "contexts: [\n");
        openConnectDialog(robot);
        typeKubeconfig(robot, broken);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#kubeconfigProblems").queryAs(Label.class).isVisible()));
        assertTrue(robot.lookup("#kubeconfigProblems").queryAs(Label.class).getText().contains("not valid YAML"));
        assertTrue(robot.lookup("#connectButton").queryAs(Button.class).isDisabled());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(model.cluster()::followsCluster));
    }

    private void openConnectDialog(FxRobot robot) throws Exception {
        robot.clickOn("#status");
        robot.push(KeyCode.CONTROL, KeyCode.K);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#kubeconfigField").tryQuery().isPresent());
    }

    private static void typeKubeconfig(FxRobot robot, Path file) {
        robot.clickOn("#kubeconfigField").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(file.toString());
    }

}

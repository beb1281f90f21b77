package io.netpolviz.ui;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.netpolviz.cluster.MockCluster;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For looking at the app by hand: starts fabric8's mock API server with a folder applied (the
 * tutorial by default), prints the kubeconfig to point File → Connect to cluster at, then takes
 * commands on standard input until it ends: {@code apply FILE}, {@code delete KIND NAMESPACE NAME}
 * (KIND pod or networkpolicy), {@code forbid PATH-PREFIX} (answer 403 there), {@code allow},
 * {@code controllers} (make the ReplicaSets and pods the Deployment and StatefulSet controllers
 * would, with their labels, as a real cluster holds them), {@code stop}. {@code java -cp ... io.netpolviz.ui.MockClusterMain [FOLDER]}.
 */
public final class MockClusterMain {

    private MockClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        MockCluster cluster = MockCluster.start();
        cluster.applyFolder(Path.of(args.length > 0 ? args[0] : "sample-clusters/01-tutorial"));
        Path kubeconfig = cluster.kubeconfig(Files.createTempDirectory("netpolviz-mock"));
        System.out.println(kubeconfig);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] words = line.strip().split("\\s+");
            try {
                switch (words[0]) {
                    case "apply" -> {
                        try (InputStream in = Files.newInputStream(Path.of(words[1]))) {
                            List<HasMetadata> objects = cluster.admin().load(in).items();
                            objects.forEach(object -> cluster.admin().resource(object).create());
                        }
                    }
                    case "delete" -> {
                        if (words[1].equals("pod")) {
                            cluster.admin().pods().inNamespace(words[2]).withName(words[3]).delete();
                        } else {
                            cluster.admin().network().v1().networkPolicies().inNamespace(words[2]).withName(words[3]).delete();
                        }
                    }
                    case "forbid" -> cluster.answer(request -> request.getPath().startsWith(words[1])
                            ? MockCluster.status(403, "Forbidden", "forbidden: User \"viewer\" cannot list resource") : null);
                    case "allow" -> cluster.answerNormally();
                    case "controllers" -> System.out.println("made " + ControllerWork.run(cluster.admin()) + " objects");
                    case "stop" -> cluster.stop();
                    default -> System.out.println("unknown command: " + line);
                }
                System.out.println("done: " + line);
            } catch (RuntimeException e) {
                System.out.println("failed: " + line + ": " + e.getMessage());
            }
            System.out.flush();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

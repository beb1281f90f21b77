package io.netpolviz.ui;

import io.netpolviz.graph.GraphEdge;
import io.netpolviz.graph.GraphNode;
import io.netpolviz.graph.NodeType;
import io.netpolviz.graph.PortVerdict;
import io.netpolviz.graph.ReachabilityGraph;
import io.netpolviz.layout.Diagram;
import io.netpolviz.layout.DiagramLayout;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.model.Protocol;
import io.netpolviz.model.WorkloadKind;
import io.netpolviz.policy.PortRange;
import io.netpolviz.render.DiagramPainter;
import io.netpolviz.render.Theme;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lays out and paints a small made-up picture once, on a spare low-priority thread, when the app
 * starts. The first layout in a JVM spends about a second loading and compiling ELK, and the
 * first paint some hundreds of milliseconds loading fonts and compiling Java2D's rasteriser and
 * the image conversion; done while the user picks a folder (or while the manifests given on the
 * command line are read), they are off the path to the first picture.
 */
public final class PictureWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** The warm-up image's side: big enough to paint every kind of element, small enough to cost little. */
    private static final int WARM_UP_PIXELS = 400;

    private PictureWarmUp() {
    }

    /** Starts the warm-up, once per JVM. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(PictureWarmUp::run, "netpolviz-picture-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            Diagram diagram = DiagramLayout.layout(sample(), LayoutOptions.defaults());
            Theme theme = Theme.standard();
            CanvasRaster raster = new CanvasRaster();
            Graphics2D graphics = raster.begin(WARM_UP_PIXELS, WARM_UP_PIXELS, theme.canvas());
            try {
                graphics.scale(0.5, 0.5);
                DiagramPainter.paint(diagram, graphics, theme);
            } finally {
                graphics.dispose();
            }
            raster.toFxImage();
        } catch (RuntimeException | StackOverflowError ignored) {
            // Only a warm-up: the real layout and paint report their own failures.
        }
    }

    /** Two namespaces of workloads, a collapsed namespace and labelled edges between them: every part ELK is asked to do. */
    private static ReachabilityGraph sample() {
        List<GraphNode> nodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String namespace = "warm-" + (i % 2);
            nodes.add(new GraphNode(namespace + "/w" + i, NodeType.WORKLOAD, namespace, "w" + i, WorkloadKind.DEPLOYMENT, 2, false, Map.of()));
        }
        nodes.add(GraphNode.collapsedNamespace("warm-2", 4, 8, Map.of()));
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode to = nodes.get((i * 3 + 1) % nodes.size());
            edges.add(new GraphEdge(nodes.get(i).id(), to.id(), List.of(
                    new PortVerdict(PortRange.single(Protocol.TCP, 8000 + i), i % 2 == 0, i % 3 == 0, false),
                    new PortVerdict(PortRange.single(Protocol.UDP, 53), true, false, false))));
        }
        return new ReachabilityGraph(List.of("warm-0", "warm-1"), nodes, edges);
    }
}

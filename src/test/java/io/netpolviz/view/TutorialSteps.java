package io.netpolviz.view;

import io.netpolviz.graph.ViewFilter;
import io.netpolviz.layout.LayoutOptions;
import io.netpolviz.load.ManifestLoader;
import io.netpolviz.model.PolicyId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The sample lessons evaluated and drawn as the app draws them, for tests of what the view says about them. */
final class TutorialSteps {

    static final Path TUTORIAL = Path.of("sample-clusters/01-tutorial");
    static final String FRONTEND_TO_API = "production/frontend->production/backend-api";

    private TutorialSteps() {
    }

    /** A lesson's step as the app shows it, with some policies switched off. */
    static Evaluated open(Path lesson, int step, boolean bundled, Set<PolicyId> off) throws Exception {
        return open(lesson, step, bundled, off, null);
    }

    /** A lesson's step as the app shows it with a node selected: the node's blocked pairs are drawn too. */
    static Evaluated open(Path lesson, int step, boolean bundled, Set<PolicyId> off, String selectedNode) throws Exception {
        ViewPipeline pipeline = new ViewPipeline(new WorkspaceLoader(paths -> new ManifestLoader().load(paths)));
        WorkspaceLoader.Request request = new WorkspaceLoader.Request(WorkspaceLoader.absolute(List.of(lesson)), step, bundled, null);
        return pipeline.open(request, off, null, new Picture.Request(ViewFilter.NONE, selectedNode, LayoutOptions.defaults(), true, true),
                (fraction, message) -> { }).evaluated();
    }

    static Evaluated tutorial(int step) throws Exception {
        return open(TUTORIAL, step, false, Set.of());
    }
}

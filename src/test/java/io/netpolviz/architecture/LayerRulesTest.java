package io.netpolviz.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.PrintStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, checked on the compiled classes. The pipeline runs one way: the
 * sources ({@code load}, {@code cluster}) produce the snapshot ({@code model}), the engine
 * ({@code policy}) evaluates it, {@code graph}, {@code layout} and {@code render} turn verdicts into
 * pictures, {@code view} makes the picture the app and the export share, {@code app} runs it for
 * the desktop app without JavaFX, and {@code ui} shows it. {@code cli} and {@code scale} are a
 * second front door beside the app; {@code Main} picks one.
 */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.netpolviz");
    }

    /** The layers; each test below adds one rule about them, with its reason. */
    private static LayeredArchitecture pipeline() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("io.netpolviz")
                .layer("UI").definedBy("io.netpolviz.ui..")
                .layer("App").definedBy("io.netpolviz.app..")
                .layer("CLI").definedBy("io.netpolviz.cli..")
                .layer("Scale").definedBy("io.netpolviz.scale..")
                .layer("View").definedBy("io.netpolviz.view..")
                .layer("Render").definedBy("io.netpolviz.render..")
                .layer("Layout").definedBy("io.netpolviz.layout..")
                .layer("Graph").definedBy("io.netpolviz.graph..")
                .layer("Policy").definedBy("io.netpolviz.policy..")
                .layer("Load").definedBy("io.netpolviz.load..")
                .layer("Cluster").definedBy("io.netpolviz.cluster..")
                .layer("Model").definedBy("io.netpolviz.model..");
    }

    @Test
    void everyClassBelongsToALayer() {
        pipeline().ensureAllClassesAreContainedInArchitecture()
                .because("a new package needs a place in the pipeline, and a rule, before it can grow")
                .check(classes);
    }

    @Test
    void theEntryPointIsAtTheTop() {
        pipeline().whereLayer("Main").mayNotBeAccessedByAnyLayer()
                .because("Main only chooses between the command line and the desktop app; nothing calls back into it")
                .check(classes);
    }

    @Test
    void theViewsUseEverythingBelowButTheCommandLine() {
        pipeline().whereLayer("UI").mayOnlyAccessLayers("App", "View", "Render", "Layout", "Graph", "Policy", "Load", "Cluster", "Model")
                .because("the JavaFX views sit on top of the desktop app; the command line and the benchmarks are another front door")
                .check(classes);
    }

    @Test
    void theAppsPlumbingNeverReachesUpIntoTheViews() {
        pipeline().whereLayer("App").mayOnlyAccessLayers("View", "Render", "Layout", "Graph", "Policy", "Load", "Cluster", "Model")
                .because("app runs the pipeline and the live feed for the views without JavaFX: the UI thread is an Executor handed in")
                .check(classes);
    }

    @Test
    void theCommandLineIsAFrontDoorBesideTheApp() {
        pipeline().whereLayer("CLI").mayOnlyAccessLayers("Scale", "View", "Render", "Layout", "Graph", "Policy", "Load", "Cluster", "Model")
                .because("the commands call the same pipeline as the app, never the desktop app's views or plumbing")
                .check(classes);
    }

    @Test
    void theGeneratorAndTheBenchmarkSitBesideTheCommandLine() {
        pipeline().whereLayer("Scale").mayOnlyAccessLayers("View", "Render", "Layout", "Graph", "Policy", "Load", "Cluster", "Model")
                .because("they generate inputs for the pipeline and measure it; only the generate and bench commands call them")
                .check(classes);
    }

    @Test
    void theViewPipelineBuildsOnThePictureAndTheEngine() {
        pipeline().whereLayer("View").mayOnlyAccessLayers("Render", "Layout", "Graph", "Policy", "Model")
                .because("the picture the app shows and the export writes is made in one place from verdicts and layout,"
                        + " so both look alike by construction")
                .check(classes);
    }

    @Test
    void thePainterSeesOnlyTheLaidOutDiagram() {
        pipeline().whereLayer("Render").mayOnlyAccessLayers("Layout")
                .because("screen, PNG and SVG are painted from the Diagram alone, so none can show what another does not")
                .check(classes);
    }

    @Test
    void theLayoutSeesOnlyTheGraph() {
        pipeline().whereLayer("Layout").mayOnlyAccessLayers("Graph", "Model")
                .because("the layout places what the graph says in words and marks; ports reach it as label text, never as"
                        + " the engine's port ranges, so geometry cannot depend on how verdicts are computed")
                .check(classes);
    }

    @Test
    void theGraphIsBuiltFromVerdictsAlone() {
        pipeline().whereLayer("Graph").mayOnlyAccessLayers("Policy", "Model")
                .because("the reachability graph is what the engine decided; how it is laid out or drawn is not its business")
                .check(classes);
    }

    @Test
    void theEngineSeesOnlyTheSnapshot() {
        pipeline().whereLayer("Policy").mayOnlyAccessLayers("Model")
                .because("API objects stop at the compiler: the engine works on the snapshot, never on files, a cluster or a picture")
                .check(classes);
    }

    @Test
    void manifestsOnlyBecomeASnapshot() {
        pipeline().whereLayer("Load").mayOnlyAccessLayers("Model")
                .because("a source produces a ClusterSnapshot and nothing else")
                .check(classes);
    }

    @Test
    void aLiveClusterBecomesASnapshotThroughTheSameBuilderAsManifests() {
        pipeline().whereLayer("Cluster").mayOnlyAccessLayers("Load", "Model")
                .because("a folder and a live cluster with the same objects must give the same snapshot,"
                        + " so the cluster's objects go through load's SnapshotBuilder")
                .check(classes);
    }

    @Test
    void theModelDependsOnNoOtherLayer() {
        pipeline().whereLayer("Model").mayNotAccessAnyLayer()
                .because("the snapshot records are the language every layer shares")
                .check(classes);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("io.netpolviz.(*)..").should().beFreeOfCycles()
                .because("data flows one way through the pipeline; a cycle would tie two steps into one")
                .check(classes);
    }

    @Test
    void onlyTheUserInterfaceUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.netpolviz.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("everything but the views runs and is tested without a display, the command line included")
                .check(classes);
    }

    @Test
    void theViewPipelineAndTheAppsPlumbingAreFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("io.netpolviz.view..", "io.netpolviz.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the export command draws the app's picture without a display, and the app's threads are tested without one")
                .check(classes);
    }

    @Test
    void onlyTheSourcesTouchYamlAndTheKubernetesClient() {
        noClasses().that().resideOutsideOfPackages("io.netpolviz.load..", "io.netpolviz.cluster..", "io.netpolviz.scale..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "io.fabric8..")
                .because("API objects and their text stop at the sources; the generator writes manifests of its own")
                .check(classes);
    }

    @Test
    void theEngineIsPure() {
        noClasses().that().resideInAnyPackage("io.netpolviz.policy..", "io.netpolviz.model..", "io.netpolviz.graph..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "java.nio.file..", "java.net..", "org.yaml..", "io.fabric8..", "org.eclipse.elk..",
                        "io.netpolviz.load..", "io.netpolviz.cluster..", "io.netpolviz.ui..", "io.netpolviz.cli..",
                        "io.netpolviz.layout..", "io.netpolviz.render..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .because("evaluation is a function of the snapshot: no files, network, screen or layout engine")
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.netpolviz.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.netpolviz.model..", "java..")
                .because("the snapshot records are plain Java, whatever library a source reads them with")
                .check(classes);
    }

    @Test
    void thePainterUsesNoLayoutEngine() {
        noClasses().that().resideInAPackage("io.netpolviz.render..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.elk..")
                .because("the painter draws the Diagram's plain geometry; ELK stays inside layout")
                .check(classes);
    }

    @Test
    void layoutKnowsNothingOfTheSourcesTheViewsOrTheScreen() {
        noClasses().that().resideInAPackage("io.netpolviz.layout..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.netpolviz.load..", "io.netpolviz.cluster..", "io.netpolviz.ui..", "io.netpolviz.app..",
                        "io.netpolviz.cli..", "io.netpolviz.scale..", "io.netpolviz.view..", "io.netpolviz.render..")
                .because("the layout turns a graph into geometry and knows nothing of where the graph came from or where it is shown")
                .check(classes);
    }

    @Test
    void textEndsItsLinesWithNewlineOnEveryPlatform() {
        noClasses().that().resideOutsideOfPackage("io.netpolviz")
                .should().callMethodWhere(target(name("println")).and(target(owner(assignableTo(PrintStream.class)))))
                .orShould().callMethod(System.class, "lineSeparator")
                .because("the same input must give the same bytes on every platform, golden files included:"
                        + " lines end with \\n (cli.Terminal.printLine), never the platform's separator")
                .check(classes);
    }
}

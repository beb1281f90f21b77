package io.netpolviz.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.PrintStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture's rules, checked on the compiled classes. */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.netpolviz");
    }

    @Test
    void onlyTheUserInterfaceUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.netpolviz.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheSourcesTouchYamlAndTheKubernetesClient() {
        noClasses().that().resideOutsideOfPackages("io.netpolviz.load..", "io.netpolviz.cluster..", "io.netpolviz.scale..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yaml..", "io.fabric8..")
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
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.netpolviz.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.netpolviz.model..", "java..")
                .check(classes);
    }

    @Test
    void thePainterSeesOnlyTheDiagram() {
        noClasses().that().resideInAPackage("io.netpolviz.render..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.netpolviz.model..", "io.netpolviz.policy..", "io.netpolviz.graph..", "io.netpolviz.load..",
                        "io.netpolviz.cluster..", "io.netpolviz.ui..", "io.netpolviz.cli..", "org.eclipse.elk..")
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

    @Test
    void layoutKnowsNothingOfTheEngineOrTheScreen() {
        noClasses().that().resideInAPackage("io.netpolviz.layout..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.netpolviz.load..", "io.netpolviz.cluster..", "io.netpolviz.ui..", "io.netpolviz.cli..",
                        "io.netpolviz.render..")
                .check(classes);
    }
}

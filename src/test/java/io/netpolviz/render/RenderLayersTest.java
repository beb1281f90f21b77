package io.netpolviz.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Beyond the project's layer rules: layout stays free of every drawing surface, so it can run anywhere. */
class RenderLayersTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.netpolviz");

    @Test
    void layoutKnowsNothingOfDrawingSurfaces() {
        noClasses().that().resideInAPackage("io.netpolviz.layout..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netpolviz.render..", "javafx..", "org.jfree..")
                .check(classes);
    }
}

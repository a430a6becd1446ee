package cn.gov.jieyang.talent.signing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The library's boundaries: plain Java, and consumers (the CLI) only see the public API. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gov.jieyang.talent.signing");

    @Test
    void dependsOnNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void commandLineToolUsesOnlyThePublicApi() {
        noClasses().that().resideInAPackage("..signing.cli..")
                .should().dependOnClassesThat().resideInAPackage("..signing.internal..")
                .check(CLASSES);
    }

    @Test
    void libraryDoesNotDependOnTheCommandLineTool() {
        noClasses().that().resideOutsideOfPackage("..signing.cli..")
                .should().dependOnClassesThat().resideInAPackage("..signing.cli..")
                .check(CLASSES);
    }
}

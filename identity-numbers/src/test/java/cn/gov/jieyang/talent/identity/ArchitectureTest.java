package cn.gov.jieyang.talent.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The library's boundaries: plain Java, and the internals know nothing of the public API. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gov.jieyang.talent.identity");

    @Test
    void dependsOnNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void dependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.gov.jieyang.talent.identity..")
                .check(CLASSES);
    }

    @Test
    void internalsDoNotDependOnThePublicApi() {
        noClasses().that().resideInAPackage("..identity.internal..")
                .should().dependOnClassesThat().resideInAPackage("cn.gov.jieyang.talent.identity")
                .check(CLASSES);
    }
}

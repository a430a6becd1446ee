package cn.gov.jieyang.talent.authbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature: keys, session, face, password, oidc, web, audit; no cycles between them. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gov.jieyang.talent.authbridge");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("cn.gov.jieyang.talent.authbridge.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void keysDependOnNoOtherFeature() {
        noClasses().that().resideInAPackage("..authbridge.keys..").should().dependOnClassesThat()
                .resideInAnyPackage("..authbridge.session..", "..authbridge.face..", "..authbridge.password..",
                        "..authbridge.oidc..", "..authbridge.web..")
                .check(CLASSES);
    }

    /** The audit trail listens to sessions and keys; they, and the protocol endpoints, do not know it. */
    @Test
    void sessionsKeysAndTheProtocolEndpointsDoNotKnowTheAuditTrail() {
        noClasses().that().resideInAnyPackage("..authbridge.session..", "..authbridge.keys..", "..authbridge.oidc..")
                .should().dependOnClassesThat().resideInAPackage("..authbridge.audit..").check(CLASSES);
        noClasses().that().resideInAPackage("..authbridge.audit..").should().dependOnClassesThat()
                .resideInAnyPackage("..authbridge.face..", "..authbridge.password..", "..authbridge.oidc..",
                        "..authbridge.web..")
                .check(CLASSES);
    }

    @Test
    void loginDoorsDoNotKnowEachOtherOrTheProtocolEndpoints() {
        noClasses().that().resideInAPackage("..authbridge.face..").should().dependOnClassesThat()
                .resideInAnyPackage("..authbridge.password..", "..authbridge.oidc..").check(CLASSES);
        noClasses().that().resideInAPackage("..authbridge.password..").should().dependOnClassesThat()
                .resideInAnyPackage("..authbridge.face..", "..authbridge.oidc..").check(CLASSES);
    }
}

package cn.gov.jieyang.talent.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Package by feature, held by Spring Modulith: each direct sub-package of the portal (login, catalogue,
 * identity, profile, application, storage, cases, deadlines, submission, sealing, matters, review, audit, home, web)
 * is a module; modules form no cycle and reach one another only through types in a module's base package.
 */
class ModularityTest {

    @Test
    void featureModulesKeepTheirBoundaries() {
        ApplicationModules.of(PortalApplication.class).verify();
    }
}

package cn.gov.jieyang.talent.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.html.InlineCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The portal's Content-Security-Policy allows no inline script or style: the templates have none. */
class InlineCodeInTemplatesTest {

    @Test
    void templatesKeepScriptAndStyleInStaticFiles() {
        assertThat(InlineCode.inTemplates(Path.of("src/main/resources/templates"))).isEmpty();
    }
}

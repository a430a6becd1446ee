package cn.gov.jieyang.talent.portal.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastSegmentOfAnyPath() {
        assertThat(FileNames.clean("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.clean("C:\\Users\\me\\身份证.jpg")).isEqualTo("身份证.jpg");
    }

    @Test
    void dropsControlCharactersLeadingDotsAndEmptyNames() {
        assertThat(FileNames.clean("a\r\nb\u202e.pdf")).isEqualTo("ab.pdf");
        assertThat(FileNames.clean("..")).isEqualTo("file");
        assertThat(FileNames.clean(".hidden.png")).isEqualTo("hidden.png");
        assertThat(FileNames.clean(null)).isEqualTo("file");
        assertThat(FileNames.clean("dir/")).isEqualTo("file");
    }

    @Test
    void boundsTheLength() {
        assertThat(FileNames.clean("x".repeat(1000) + ".pdf")).hasSize(FileNames.MAX_LENGTH);
    }
}

package cn.gov.jieyang.talent.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gb11643Test {

    @Test
    void computesTheCheckCharactersOfTheStandardsTwoExamples() {
        // GB 11643-1999: 北京市朝阳区 11010519491231002X and 广东省汕头市潮阳县 440524188001010014.
        assertThat(Gb11643.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(Gb11643.checkCharacter("44052418800101001")).isEqualTo('4');
    }

}

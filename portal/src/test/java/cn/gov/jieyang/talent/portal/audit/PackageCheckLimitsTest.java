package cn.gov.jieyang.talent.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The package check reads at most 4 x what an auditor can upload. */
class PackageCheckLimitsTest {

    @Test
    void boundsTheInflatedSizeByFourTimesTheUploadLimit() {
        PackageCheckLimits limits = PackageCheckLimits.of(DataSize.parse("25MB"));

        assertThat(limits.inflated().toBytes()).isEqualTo(100L << 20);
        assertThat(PackageCheckLimits.of(DataSize.ofMegabytes(2)).inflated()).isEqualTo(DataSize.ofMegabytes(8));
    }

    @Test
    void refusesToStartWithAnUnlimitedUpload() {
        assertThatThrownBy(() -> PackageCheckLimits.of(DataSize.ofBytes(-1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("max-file-size");
    }
}

package cn.gov.jieyang.talent.keycloakcaptcha.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    @Test
    void aSolvedNonceHoldsAndAnArbitraryOneDoesNot() {
        String nonce = ProofOfWork.solve("puzzle-1", 12);

        assertThat(ProofOfWork.verify("puzzle-1", nonce, 12)).isTrue();
        assertThat(ProofOfWork.verify("puzzle-2", nonce, 12)).as("bound to its puzzle").isFalse();
        assertThat(ProofOfWork.verify("puzzle-1", "0", 24)).isFalse();
    }

    @Test
    void onlyShortDecimalNoncesAreLookedAt() {
        assertThat(ProofOfWork.verify("p", null, 8)).isFalse();
        assertThat(ProofOfWork.verify("p", "", 8)).isFalse();
        assertThat(ProofOfWork.verify("p", "12a", 8)).isFalse();
        assertThat(ProofOfWork.verify("p", "1".repeat(33), 8)).isFalse();
    }

    @Test
    void leadingZeroBitsAreCountedAcrossBytes() {
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0, 0x10, 1})).isEqualTo(19);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80})).isZero();
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
    }
}

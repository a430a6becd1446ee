package cn.gov.jieyang.talent.dataprotection;

import static cn.gov.jieyang.talent.dataprotection.TestKeys.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.jieyang.talent.dataprotection.DataProtectionException.Reason;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SealerTest {

    private static final Purpose SESSION_ID = Purpose.of("bridge-session.id-number");
    private static final Purpose PORTAL_ID = Purpose.of("portal.id-number");
    private static final String NUMBER = "44520219851231123X";

    private final Sealer sealer = new Sealer(KeyRing.of(key(TestKeys.A), List.of()));

    @Test
    void opensWhatItSealed() {
        assertThat(sealer.openText(SESSION_ID, sealer.sealText(SESSION_ID, NUMBER))).isEqualTo(NUMBER);
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        assertThat(sealer.open(SESSION_ID, sealer.seal(SESSION_ID, bytes))).isEqualTo(bytes);
        assertThat(sealer.open(SESSION_ID, sealer.seal(SESSION_ID, new byte[0]))).isEmpty();
    }

    @Test
    void sealingTwiceGivesDifferentTextThatHidesThePlaintext() {
        String once = sealer.sealText(SESSION_ID, NUMBER);
        assertThat(once).isNotEqualTo(sealer.sealText(SESSION_ID, NUMBER))
                .doesNotContain(NUMBER).doesNotContain("19851231");
        assertThat(new String(Base64URL.from(once.split("\\.")[3]).decode(), StandardCharsets.ISO_8859_1))
                .doesNotContain("19851231");
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        String sealed = sealer.sealText(SESSION_ID, NUMBER);

        DataProtectionException e = refused(() -> sealer.open(PORTAL_ID, sealed), Reason.WRONG_PURPOSE);
        assertThat(e).hasMessageContaining("another purpose than portal.id-number");
    }

    @Test
    void aHeaderRewrittenToClaimAnotherPurposeDoesNotAuthenticate() {
        // Someone with write access to the table but not the key edits the header, which JWE authenticates.
        String sealed = sealer.sealText(SESSION_ID, NUMBER);
        String[] parts = sealed.split("\\.", -1);
        String header = Base64URL.from(parts[0]).decodeToString().replace(SESSION_ID.name(), PORTAL_ID.name());
        parts[0] = Base64URL.encode(header).toString();

        refused(() -> sealer.open(PORTAL_ID, String.join(".", parts)), Reason.NOT_AUTHENTIC);
    }

    @Test
    void aTamperedIvCiphertextOrTagIsRefused() {
        String sealed = sealer.sealText(SESSION_ID, NUMBER);
        for (int part = 2; part <= 4; part++) {
            String[] parts = sealed.split("\\.", -1);
            byte[] bytes = Base64URL.from(parts[part]).decode();
            for (int i = 0; i < bytes.length; i++) {
                byte[] tampered = bytes.clone();
                tampered[i] ^= 1;
                parts[part] = Base64URL.encode(tampered).toString();
                String edited = String.join(".", parts);
                refused(() -> sealer.open(SESSION_ID, edited), Reason.NOT_AUTHENTIC);
            }
        }
    }

    @Test
    void anOlderKeyStillOpensAfterRotationAndTheNewKeySeals() throws Exception {
        String sealedBefore = sealer.sealText(SESSION_ID, NUMBER);
        Sealer rotated = new Sealer(KeyRing.fromBase64(TestKeys.B, "test.key", List.of(TestKeys.A), "test.older-keys"));

        assertThat(rotated.openText(SESSION_ID, sealedBefore)).isEqualTo(NUMBER);
        String sealedAfter = rotated.sealText(SESSION_ID, NUMBER);
        assertThat(Sealed.header(sealedAfter)).containsEntry("kid", key(TestKeys.B).kid());
        assertThat(Sealed.header(sealedBefore)).containsEntry("kid", key(TestKeys.A).kid());
        refused(() -> sealer.open(SESSION_ID, sealedAfter), Reason.UNKNOWN_KEY);
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredIsRefusedWithAClearMessage() {
        String sealed = sealer.sealText(SESSION_ID, NUMBER);
        Sealer other = new Sealer(KeyRing.fromBase64(TestKeys.B, "test.key", List.of(TestKeys.C), "test.older-keys"));

        DataProtectionException e = refused(() -> other.open(SESSION_ID, sealed), Reason.UNKNOWN_KEY);
        assertThat(e).hasMessageContaining("bridge-session.id-number")
                .hasMessageContaining("key id " + key(TestKeys.A).kid())
                .hasMessageContaining(key(TestKeys.B).kid()).hasMessageContaining(key(TestKeys.C).kid())
                .hasMessageContaining("add the key it was sealed with to test.older-keys")
                .hasMessageNotContaining(TestKeys.A).hasMessageNotContaining(TestKeys.B);
    }

    @Test
    void refusesWhatIsNotASealedValue() {
        for (String notSealed : new String[] {null, "", "not a jwe", "a.b.c", NUMBER}) {
            DataProtectionException e = refused(() -> sealer.open(SESSION_ID, notSealed), Reason.NOT_SEALED);
            assertThat(e).hasMessageContaining("not a sealed value");
        }
    }

    @Test
    void refusesAnotherJweFormat() throws Exception {
        // A valid JWE under the right key, but typ JWT: not this format, so not guessed at.
        String otherTyp = Sealed.withHeader(key(TestKeys.A), "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"typ\":\"JWT\","
                + "\"kid\":\"" + key(TestKeys.A).kid() + "\"}", NUMBER);
        refused(() -> sealer.open(SESSION_ID, otherTyp), Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void noMessageContainsTheKeyOrThePlaintext() {
        String sealed = sealer.sealText(SESSION_ID, NUMBER);
        List<ThrowingCallable> failures = List.of(
                () -> sealer.open(PORTAL_ID, sealed),
                () -> new Sealer(KeyRing.of(key(TestKeys.B), List.of())).open(SESSION_ID, sealed),
                () -> sealer.open(SESSION_ID, Sealed.withTamperedTag(sealed)),
                () -> sealer.open(SESSION_ID, NUMBER));
        for (ThrowingCallable failure : failures) {
            DataProtectionException e = catchThrowableOfType(failure, DataProtectionException.class);
            assertThat(e.getMessage()).doesNotContain(NUMBER).doesNotContain("445202")
                    .doesNotContain(TestKeys.A).doesNotContain(TestKeys.B);
            assertThat(e).hasNoCause();
        }
    }

    @Test
    void isSafeToShareBetweenThreads() {
        IntStream.range(0, 2_000).parallel().forEach(i -> {
            String value = NUMBER + i;
            assertThat(sealer.openText(SESSION_ID, sealer.sealText(SESSION_ID, value))).isEqualTo(value);
        });
    }

    static DataProtectionException refused(ThrowingCallable call, Reason reason) {
        DataProtectionException e = catchThrowableOfType(call, DataProtectionException.class);
        assertThat(e).as("refused as " + reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        return e;
    }
}

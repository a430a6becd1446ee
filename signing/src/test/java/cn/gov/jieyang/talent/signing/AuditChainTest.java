package cn.gov.jieyang.talent.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical form every stored chain depends on: it must never change. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void hashesEventsExactlyAsThePortalHasSinceItsFirstChain() {
        // Computed with the portal's AuditLog.hash before the canonical form moved here (commit e170209).
        String first = AuditChain.eventHash(AuditChain.GENESIS, AT, "system", "SYSTEM", "PackageSigned", null, null, "");
        String second = AuditChain.eventHash(first, Instant.parse("2026-11-25T08:00:01.123456Z"), "sub-7f3a9c", "REVIEWER",
                "CaseReturned", UUID.fromString("0b6f6c4e-3d0e-4c1e-9a57-2f3c4d5e6f70"),
                UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "原因：材料不全 \\ a\u001fb");

        assertThat(first).isEqualTo("7a223542f935bfd4635127a0521765053f26da35d90afca3c945bf8b700dc2dc");
        assertThat(second).isEqualTo("65afd5f7ed69b8453dec0063fd4102889c0b497ed4d429b4ee98fabc9e8ffa6b");
    }

    @Test
    void noChoiceOfFieldsMovesASeparator() {
        String a = AuditChain.eventHash(AuditChain.GENESIS, AT, "a\u001fb", "SYSTEM", "X", null, null, "c");
        String b = AuditChain.eventHash(AuditChain.GENESIS, AT, "a", "SYSTEM", "X", null, null, "b\u001fc");
        String c = AuditChain.eventHash(AuditChain.GENESIS, AT, "a\\", "SYSTEM", "X", null, null, "u001fc");

        assertThat(a).isNotEqualTo(b).isNotEqualTo(c).matches("[0-9a-f]{64}");
    }

    @Test
    void signsTheSixDocumentedLinesOfACheckpoint() {
        AuditChain.Checkpoint c = new AuditChain.Checkpoint("portal", 1234, 1230, "ab".repeat(32), AT);

        assertThat(new String(c.content(), StandardCharsets.UTF_8)).isEqualTo("""
                jieyang-talent audit checkpoint v1
                chain: portal
                seq: 1234
                events: 1230
                head: %s
                at: 2026-11-25T08:00:00Z
                """.formatted("ab".repeat(32)));
        assertThatThrownBy(() -> new AuditChain.Checkpoint("portal", 1, 1, "AB".repeat(32), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditChain.Checkpoint("portal", 1, 1, "ab".repeat(32), AT.plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.gov.jieyang.talent.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.jieyang.talent.portal.PortalTest;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.sealing.CheckpointSealer;
import cn.gov.jieyang.talent.portal.sealing.SealKey;
import cn.gov.jieyang.talent.portal.sealing.SealProperties;
import cn.gov.jieyang.talent.portal.sealing.TestTsa;
import cn.gov.jieyang.talent.signing.AuditChain;
import cn.gov.jieyang.talent.signing.CheckpointVerdict;
import cn.gov.jieyang.talent.signing.DevelopmentTsa;
import cn.gov.jieyang.talent.signing.SealedCheckpoint;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Signed checkpoints of the chain: written with the head, count and time, sealed so that the signing
 * library's verifier accepts them against the seal's CA, time-stamped by a TSA of the same CA, kept
 * unstamped (and saying why) when the TSA is down, not repeated for the same head, and made on shutdown.
 */
@PortalTest
class AuditCheckpointTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SealKey seal;
    @Autowired
    Clock clock;
    @Autowired
    SealProperties sealProperties;

    private AuditEvent record(String detail) {
        return audit.record(new AuditEntry("checkpoint-test", ActorRole.SYSTEM, "PackageSigned", UUID.randomUUID(), null,
                detail));
    }

    /** The same checkpoints, sealed with another TSA (the shared context has none configured). */
    private AuditCheckpoints withTsa(TimeStampSource tsa) {
        return new AuditCheckpoints(jdbc, jdbcTemplate, new CheckpointSealer(seal, tsa, clock), seal, clock, transactions);
    }

    private long stored() {
        return jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single();
    }

    @Test
    void sealsTheHeadItsHashAndTheEventCountSoThatTheSealsCaAcceptsIt() {
        AuditEvent head = record("checkpointed");
        long before = stored();

        SealedCheckpoint sealed = checkpoints.checkpoint().orElseThrow();

        AuditChain.Checkpoint c = sealed.checkpoint();
        assertThat(c.chain()).isEqualTo("portal");
        assertThat(c.seq()).isEqualTo(head.seq());
        assertThat(c.headHash()).isEqualTo(head.hash());
        assertThat(c.events()).isEqualTo(jdbc.sql("select count(*) from audit_event").query(Long.class).single());
        assertThat(c.at()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(sealed.isTimeStamped()).isFalse();
        assertThat(stored()).isEqualTo(before + 1);
        assertThat(checkpoints.newest()).get().extracting(SealedCheckpoint::checkpoint).isEqualTo(c);
        CheckpointVerdict verdict = seal.auditVerifier().verify(checkpoints.newest().orElseThrow());
        assertThat(verdict.status()).as(verdict.signature().problems().toString()).isEqualTo(CheckpointVerdict.Status.USED);
        assertThat(verdict.signature().signer()).get().satisfies(s -> assertThat(s.subject()).isEqualTo(seal.subject()));
    }

    @Test
    void sealsTheSameHeadOnlyOnceWhateverHowManyInstancesTry() {
        record("once");
        checkpoints.checkpoint();
        long before = stored();

        assertThat(checkpoints.checkpoint()).isEmpty();
        assertThat(withTsa(null).checkpoint()).isEmpty();
        assertThat(stored()).isEqualTo(before);
        record("a new head");
        assertThat(checkpoints.checkpoint()).isPresent();
    }

    @Test
    void isTimeStampedByTheTsaAndStillProvesTheHeadAfterTheSealHasExpired() {
        record("time-stamped");
        DevelopmentTsa tsa = DevelopmentTsa.of(TestTsa.devTsaKey(sealProperties.dir()));

        SealedCheckpoint sealed = withTsa(tsa).checkpoint().orElseThrow();

        assertThat(sealed.isTimeStamped()).as(String.valueOf(sealed.timeStampProblem())).isTrue();
        assertThat(sealed.timeStampedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        SealedCheckpoint stored = checkpoints.newest().orElseThrow();
        assertThat(stored.timeStampToken()).isEqualTo(sealed.timeStampToken());
        // The dev seal lives three years: five years on only the time-stamp proves when the head was sealed.
        CheckpointVerdict later = seal.auditVerifier().verify(stored);
        assertThat(later.isUsed()).isTrue();
        CheckpointVerdict fiveYearsOn = cn.gov.jieyang.talent.signing.AuditExportVerifier.builder()
                .trustAnchor(seal.trustAnchor()).validationTime(Instant.now().plus(Duration.ofDays(5 * 365))).build()
                .verify(stored);
        assertThat(fiveYearsOn.status()).as(fiveYearsOn.signature().problems().toString())
                .isEqualTo(CheckpointVerdict.Status.USED);
        assertThat(fiveYearsOn.signature().proofOfExistence()).isPresent();
    }

    @Test
    void keepsTheCheckpointUnstampedAndSaysWhyWhenTheTsaIsDown() {
        AuditEvent head = record("tsa down");
        TestTsa tsa = TestTsa.start(TestTsa.devTsaKey(sealProperties.dir()));
        tsa.stop();

        SealedCheckpoint sealed = withTsa(TimeStampSource.http(tsa.url(), Duration.ofSeconds(2))).checkpoint().orElseThrow();

        assertThat(sealed.isTimeStamped()).isFalse();
        assertThat(sealed.timeStampProblem()).contains(tsa.url().getHost());
        SealedCheckpoint stored = checkpoints.newest().orElseThrow();
        assertThat(stored.checkpoint().seq()).isEqualTo(head.seq());
        assertThat(stored.timeStampProblem()).isEqualTo(sealed.timeStampProblem());
        assertThat(seal.auditVerifier().verify(stored).isUsed()).as("sealed all the same").isTrue();
    }

    @Test
    void makesACheckpointOnGracefulShutdown() {
        CheckpointOnShutdown lifecycle = new CheckpointOnShutdown(checkpoints, true);
        lifecycle.start();
        AuditEvent last = record("just before the shutdown");

        lifecycle.stop();

        assertThat(checkpoints.newest()).get().satisfies(c -> {
            assertThat(c.checkpoint().seq()).isEqualTo(last.seq());
            assertThat(c.checkpoint().headHash()).isEqualTo(last.hash());
        });
        assertThat(lifecycle.isRunning()).isFalse();
    }
}

package cn.gov.jieyang.talent.mockyxq.callback;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.mockyxq.ExampleProperties;
import cn.gov.jieyang.talent.mockyxq.callback.VerificationResult.Outcome;
import cn.gov.jieyang.talent.mockyxq.keys.SigningKeysTestAccess;
import cn.gov.jieyang.talent.mockyxq.keys.SigningKeys;
import cn.gov.jieyang.talent.mockyxq.person.Person;
import cn.gov.jieyang.talent.mockyxq.testcontrol.CallbackMode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Person PERSON = new Person("p1", "张三", Person.RESIDENT_ID, "44520119900307123X");

    @TempDir
    Path dataDir;

    private SigningKeys keys;
    private CallbackTokens tokens;

    @BeforeEach
    void setUp() {
        keys = SigningKeysTestAccess.create(dataDir);
        tokens = new CallbackTokens(keys, "http://127.0.0.1:9100", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static VerificationResult result(Outcome outcome) {
        return new VerificationResult(ExampleProperties.app(), "txn-0123456789abcdef", "nonce-0123456789abcdef", outcome,
                PERSON, NOW.minusSeconds(2));
    }

    @Test
    void verifiedCallbackCarriesEveryClaimOfTheProtocol() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.NORMAL));

        assertThat(jwt.verify(new ECDSAVerifier(keys.signingKey().toECPublicKey()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.signingKey().getKeyID());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("yxq-callback+jwt");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:9100");
        assertThat(claims.getAudience()).containsExactly("jieyang-hrss");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(120)));
        assertThat(claims.getStringClaim("outcome")).isEqualTo("verified");
        assertThat(claims.getStringClaim("name")).isEqualTo("张三");
        assertThat(claims.getStringClaim("id_type")).isEqualTo("resident_id");
        assertThat(claims.getStringClaim("id_number")).isEqualTo("44520119900307123X");
        assertThat(claims.getLongClaim("verified_at")).isEqualTo(NOW.minusSeconds(2).getEpochSecond());
        assertThat(claims.getStringClaim("trust_level")).isEqualTo("L4");
    }

    @Test
    void audienceIsASingleStringOnTheWire() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.NORMAL));

        assertThat(jwt.getPayload().toString()).contains("\"aud\":\"jieyang-hrss\"");
    }

    @Test
    void failedCallbackCarriesNoIdentity() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.sign(result(Outcome.FAILED), CallbackMode.NORMAL)).getJWTClaimsSet();

        assertThat(claims.getStringClaim("outcome")).isEqualTo("failed");
        assertThat(claims.getClaims()).doesNotContainKeys("name", "id_type", "id_number")
                .containsKeys("txn", "nonce", "verified_at", "trust_level", "jti");
    }

    @Test
    void everyCallbackHasItsOwnJti() throws Exception {
        String a = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.NORMAL)).getJWTClaimsSet().getJWTID();
        String b = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.NORMAL)).getJWTClaimsSet().getJWTID();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void lateTokenExpiredMinutesBeforeItIsSent() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.LATE)).getJWTClaimsSet();

        assertThat(claims.getExpirationTime()).isBefore(Date.from(NOW.minusSeconds(300)));
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(120_000);
    }

    @Test
    void wrongKeyTokenIsSignedByTheForeignKeyUnderItsOwnKid() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.WRONG_KEY));

        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.foreignKey().getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(keys.signingKey().toECPublicKey()))).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(keys.foreignKey().toECPublicKey()))).isTrue();
    }

    @Test
    void wrongAudienceTokenIsForSomeOtherApp() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.sign(result(Outcome.VERIFIED), CallbackMode.WRONG_AUDIENCE))
                .getJWTClaimsSet();

        assertThat(claims.getAudience()).containsExactly("some-other-app");
    }
}

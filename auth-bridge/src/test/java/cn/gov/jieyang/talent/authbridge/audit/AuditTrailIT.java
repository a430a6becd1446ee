package cn.gov.jieyang.talent.authbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.FakeYuexinqian;
import cn.gov.jieyang.talent.testsupport.http.Browser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bridge's own audit trail, as stored: a refused callback and a face login each leave an event
 * naming what happened by reason code and opaque identifiers only.
 *
 * <p>Measured on main: after a forged callback was refused, the bridge's database had no record of
 * it at all (no audit table).
 */
class AuditTrailIT extends BridgeWithFakeYuexinqian {

    @Autowired
    JdbcClient jdbc;

    /** One stored event, as its columns hold it. */
    record Row(long seq, String actor, String role, String type, String detail) {
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }

    private List<Row> eventsAfter(long seq) {
        return jdbc.sql("select seq, actor_subject, actor_role, event_type, detail from audit_event where seq > ? order by seq")
                .param(seq).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    @Test
    void aRefusedForgedCallbackLeavesAnEventWithItsReasonCodeOnly() throws Exception {
        long before = lastSeq();
        Map<String, String> txn = openFaceTransaction(Browser.phone());
        ECKey forger = new ECKeyGenerator(Curve.P_256).keyID(YXQ.key().getKeyID()).generate();
        String forged = FakeYuexinqian.sign(YXQ.verifiedClaims(txn.get("txn"), txn.get("nonce")).build(), forger, h -> { });

        assertThat(FakeYuexinqian.deliver(BRIDGE, forged).statusCode()).isEqualTo(400);

        assertThat(eventsAfter(before)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("CallbackRefused");
            assertThat(e.actor()).isEqualTo("yuexinqian");
            assertThat(e.detail()).contains("error=invalid_signature", "reason=bad_signature");
        });
        assertNoSecretsIn(eventsAfter(before), forged, txn);
    }

    @Test
    void aRefusedCallbackOfAnUnknownKeyIsNamedAsSuch() throws Exception {
        long before = lastSeq();
        Map<String, String> txn = openFaceTransaction(Browser.phone());
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("not-published-audit").generate();

        FakeYuexinqian.deliver(BRIDGE, FakeYuexinqian.sign(YXQ.verifiedClaims(txn.get("txn"), txn.get("nonce")).build(),
                stranger, h -> { }));

        assertThat(eventsAfter(before)).extracting(Row::detail).anyMatch(d -> d.contains("reason=unknown_key"));
    }

    @Test
    void aReplayedCallbackIsNamedAsSuch() {
        Browser phone = Browser.phone();
        Map<String, String> txn = openFaceTransaction(phone);
        String jws = YXQ.sign(YXQ.verifiedClaims(txn.get("txn"), txn.get("nonce")).build());
        assertThat(FakeYuexinqian.deliver(BRIDGE, jws).statusCode()).isEqualTo(204);
        long before = lastSeq();

        assertThat(FakeYuexinqian.deliver(BRIDGE, jws).statusCode()).isEqualTo(400);

        assertThat(eventsAfter(before)).extracting(Row::type, Row::detail)
                .anyMatch(t -> t.toList().equals(List.of("CallbackRefused", "error=replayed reason=replayed_jti")));
    }

    @Test
    void aFaceLoginLeavesTheCallbackAndTheLoginUnderThePersonsOpaqueSubject() {
        long before = lastSeq();
        Browser phone = Browser.phone();
        Map<String, String> txn = openFaceTransaction(phone);
        String jws = YXQ.sign(YXQ.verifiedClaims(txn.get("txn"), txn.get("nonce")).build());
        assertThat(FakeYuexinqian.deliver(BRIDGE, jws).statusCode()).isEqualTo(204);
        Browser.Page back = phone.get(BRIDGE + "/login/yuexinqian/return?state=" + txn.get("state") + "&txn=" + txn.get("txn"));
        assertThat(back.setCookies()).anyMatch(c -> c.startsWith("JYB_SESSION="));
        String sessionCookie = phone.cookie("JYB_SESSION");

        List<Row> events = eventsAfter(before);
        assertThat(events).extracting(Row::type).containsSubsequence("CallbackAccepted", "LoginSucceeded");
        Row login = events.stream().filter(e -> e.type().equals("LoginSucceeded")).findFirst().orElseThrow();
        assertThat(login.actor()).matches("p-[0-9a-f]+");
        assertThat(login.role()).isEqualTo("person");
        assertThat(login.detail()).contains("door=face", "acr=urn:gd:trust:L4", "sid=");
        assertNoSecretsIn(events, jws, txn);
        assertThat(events).extracting(Row::detail).noneMatch(d -> d.contains(sessionCookie));
    }

    /** What the password door sees of a failed Keycloak round trip: an OAuth2 error code. */
    @Test
    void aKeycloakAnswerTheBridgeRefusesLeavesAFailedPasswordLogin() {
        long before = lastSeq();

        Browser.Page p = Browser.phone().get(BRIDGE + "/login/oauth2/code/keycloak?error=access_denied&state=made-up");

        assertThat(p.status()).isEqualTo(302);
        assertThat(p.location()).endsWith("/login?error=password");
        assertThat(eventsAfter(before)).extracting(Row::actor, Row::type, Row::detail)
                .anyMatch(t -> t.toList().equals(List.of("anonymous", "LoginFailed",
                        "door=password reason=authorization_request_not_found")));
    }

    /** No ID number, no token, no transaction secret: not in any column of any event. */
    private void assertNoSecretsIn(List<Row> events, String jws, Map<String, String> txn) {
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.actor() + " " + e.detail())
                .doesNotContain(FakeYuexinqian.ID_NUMBER).doesNotContain(jws).doesNotContain(jws.split("\\.")[1])
                .doesNotContain(txn.get("txn")).doesNotContain(txn.get("state")).doesNotContain(txn.get("nonce"))
                .doesNotContainPattern("\\d{15,}"));
    }
}

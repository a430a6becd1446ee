package cn.gov.jieyang.talent.authbridge.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jieyang.talent.testsupport.http.Browser;
import cn.gov.jieyang.talent.authbridge.testing.BridgeWithFakeYuexinqian;
import cn.gov.jieyang.talent.authbridge.testing.RelyingParty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Authorizations whose code and tokens expired a day ago are deleted; current ones stay. */
class ExpiredAuthorizationCleanupIT extends BridgeWithFakeYuexinqian {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpiredAuthorizationCleanup authorizations;

    @Test
    void deletesAuthorizationsWhoseTokensExpiredADayAgo() throws Exception {
        RelyingParty.Request request = RP.newRequest("openid");
        String code = RP.codeFrom(faceLogin(Browser.phone(), request.authorizeUrl()), request);
        RP.exchange(code, request);
        RelyingParty.Request fresh = RP.newRequest("openid");
        String freshCode = RP.codeFrom(faceLogin(Browser.phone(), fresh.authorizeUrl()), fresh);
        jdbc.sql("""
                update oauth2_authorization set authorization_code_expires_at = now() - interval '2 days',
                  access_token_expires_at = now() - interval '2 days', oidc_id_token_expires_at = now() - interval '2 days'
                where authorization_code_value = :code""").param("code", code).update();

        authorizations.run();

        assertThat(count("oauth2_authorization", "authorization_code_value", code)).isZero();
        assertThat(count("oauth2_authorization", "authorization_code_value", freshCode)).isOne();
    }

    private int count(String table, String column, String value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :v").param("v", value)
                .query(Integer.class).single();
    }
}

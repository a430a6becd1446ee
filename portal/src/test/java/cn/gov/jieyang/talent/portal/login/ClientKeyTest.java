package cn.gov.jieyang.talent.portal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import cn.gov.jieyang.talent.portal.PortalTest;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue 11, item 1: the portal authenticates to the bridge with {@code private_key_jwt}, not a shared
 * secret. Its ES256 key lives in its database, the private half sealed, one key for every instance;
 * the public half is published at {@code GET /oauth2/jwks} for the bridge. On main that address was
 * behind the login (302) and the portal had a client secret in its configuration.
 */
@PortalTest
class ClientKeyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Sealer sealer;
    @Autowired
    ClientKey key;
    @Autowired
    ClientRegistrationRepository clients;

    @Test
    void publishesOnlyThePublicKeyWithoutALoginCachedFiveMinutes() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/oauth2/jwks")).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/jwk-set+json");
        assertThat(r.getHeader("Cache-Control")).contains("max-age=300");
        JWKSet jwks = JWKSet.parse(r.getContentAsString());
        assertThat(jwks.getKeys()).hasSize(1);
        ECKey key = jwks.getKeys().get(0).toECKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(r.getContentAsString()).doesNotContain("\"d\"");
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
        // kid = RFC 7638 thumbprint: the same key always has the same id, on every instance.
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void thePrivateKeyIsStoredOnlySealed() throws Exception {
        ECKey published = publishedKey();
        String sealed = jdbc.sql("select sealed_jwk from client_key").query(String.class).single();

        ECKey opened = ECKey.parse(sealer.openText(Purpose.of("portal.client-key"), sealed));
        assertThat(opened.isPrivate()).isTrue();
        assertThat(sealed).doesNotContain(opened.getD().toString()).doesNotContain("\"d\"");
        assertThat(opened.toPublicJWK()).isEqualTo(published);
    }

    /**
     * Instances starting at once on an empty table: each makes a key, one insert wins, all use the
     * stored one. (The table is put back afterwards: this context's portal keeps its key.)
     */
    @Test
    void instancesStartingTogetherAllUseTheOneStoredKey() throws Exception {
        Map<String, Object> original = jdbc.sql("select * from client_key").query().singleRow();
        jdbc.sql("delete from client_key").update();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ECKey>> starts = IntStream.range(0, 8)
                    .<Callable<ECKey>>mapToObj(i -> () -> ClientKey.loadOrCreate(jdbc, sealer)).toList();
            List<JWK> keys = pool.invokeAll(starts).stream().map(ClientKeyTest::result).map(JWK::toPublicJWK).toList();

            String kid = jdbc.sql("select kid from client_key").query(String.class).single();
            assertThat(keys).hasSize(8).allMatch(k -> k.getKeyID().equals(kid)).containsOnly(keys.get(0));
        } finally {
            pool.shutdownNow();
            jdbc.sql("delete from client_key").update();
            jdbc.sql("insert into client_key (name, kid, sealed_jwk, created_at) values (:name, :kid, :sealed, :at)")
                    .param("name", original.get("name")).param("kid", original.get("kid"))
                    .param("sealed", original.get("sealed_jwk")).param("at", original.get("created_at")).update();
        }
    }

    /**
     * The token request the portal sends the bridge: no Authorization header and no secret, but an
     * RFC 7523 assertion signed with the published key, for the token endpoint, short-lived and unique.
     */
    @Test
    void theTokenRequestCarriesAnAssertionSignedWithThePublishedKeyAndNoSecret() throws Exception {
        ClientRegistration bridge = clients.findByRegistrationId(LoginConfig.REGISTRATION_ID);
        RestClientAuthorizationCodeTokenResponseClient tokens = LoginConfig.tokenResponseClient(key);
        RestClient.Builder rest = RestClient.builder().configureMessageConverters(c -> c
                .addCustomConverter(new FormHttpMessageConverter())
                .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()));
        MockRestServiceServer server = MockRestServiceServer.bindTo(rest).build();
        AtomicReference<String> form = new AtomicReference<>();
        server.expect(requestTo(bridge.getProviderDetails().getTokenUri()))
                .andExpect(method(HttpMethod.POST))
                .andExpect(headerDoesNotExist("Authorization"))
                .andExpect(request -> form.set(((MockClientHttpRequest) request).getBodyAsString()))
                .andRespond(withSuccess("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60}",
                        MediaType.APPLICATION_JSON));
        tokens.setRestClient(rest.build());

        tokens.getTokenResponse(codeGrant(bridge));

        server.verify();
        Map<String, String> sent = UriComponentsBuilder.newInstance().query(form.get()).build().getQueryParams()
                .toSingleValueMap();
        assertThat(sent).containsEntry("client_id", "portal")
                .containsEntry("client_assertion_type", "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
                .doesNotContainKey("client_secret");
        SignedJWT assertion = SignedJWT.parse(sent.get("client_assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(assertion.getHeader().getKeyID()).isEqualTo(publishedKey().getKeyID());
        assertThat(assertion.verify(new ECDSAVerifier(publishedKey()))).isTrue();
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("portal");
        assertThat(claims.getSubject()).isEqualTo("portal");
        assertThat(claims.getAudience()).containsExactly(bridge.getProviderDetails().getTokenUri());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plusSeconds(120));
    }

    private static OAuth2AuthorizationCodeGrantRequest codeGrant(ClientRegistration bridge) {
        String redirect = "http://localhost/login/oauth2/code/" + LoginConfig.REGISTRATION_ID;
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(bridge.getProviderDetails().getAuthorizationUri()).clientId(bridge.getClientId())
                .redirectUri(redirect).state("state").build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("the-code").redirectUri(redirect)
                .state("state").build();
        return new OAuth2AuthorizationCodeGrantRequest(bridge, new OAuth2AuthorizationExchange(request, response));
    }

    private ECKey publishedKey() throws Exception {
        return JWKSet.parse(mvc.perform(get("/oauth2/jwks")).andReturn().getResponse().getContentAsString())
                .getKeys().get(0).toECKey();
    }

    private static ECKey result(Future<ECKey> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

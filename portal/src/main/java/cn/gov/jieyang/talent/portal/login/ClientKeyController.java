package cn.gov.jieyang.talent.portal.login;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth2/jwks}: the public key of {@link ClientKey}, where the auth-bridge (its registered
 * {@code jwk-set-uri}) reads it to verify the portal's client assertions. Public by nature; cacheable
 * for five minutes, as long as the bridge caches it.
 */
@RestController
class ClientKeyController {

    static final String PATH = "/oauth2/jwks";
    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final ClientKey key;

    ClientKeyController(ClientKey key) {
        this.key = key;
    }

    @GetMapping(PATH)
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(JWK_SET).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(key.publicJwks());
    }
}

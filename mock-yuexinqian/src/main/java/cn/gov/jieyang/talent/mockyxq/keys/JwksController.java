package cn.gov.jieyang.talent.mockyxq.keys;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /jwks}: the key set relying apps verify callbacks with. The {@code jwks=error} switch
 * and the delay are applied in front of this controller by the testcontrol package.
 */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    String jwks() {
        // toString(true): public parameters only, whatever the set holds.
        return keys.publicJwkSet().toString(true);
    }
}

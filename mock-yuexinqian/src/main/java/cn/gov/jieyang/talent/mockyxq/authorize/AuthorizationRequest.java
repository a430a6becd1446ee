package cn.gov.jieyang.talent.mockyxq.authorize;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties.App;
import cn.gov.jieyang.talent.mockyxq.web.ErrorPageException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** A checked {@code GET /authorize} request (docs/yuexinqian-protocol.md section 1). */
record AuthorizationRequest(App app, String redirectUri, String state, String nonce, String txn) {

    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    /**
     * Checks in the order that decides whether a redirect would even be safe: the app and its
     * redirect URI first. Every refusal is a 400 page and never a redirect, because an unchecked
     * redirect_uri would make this an open redirector, and sending an error to a checked one would
     * hand a page of the relying app an error it never asked for.
     */
    static AuthorizationRequest from(MultiValueMap<String, String> params, MockYuexinqianProperties properties) {
        App app = properties.app(single(params, "app_id", "error.authorize.unknownApp"))
                .orElseThrow(() -> new ErrorPageException(HttpStatus.BAD_REQUEST, "error.authorize.unknownApp"));
        String redirectUri = single(params, "redirect_uri", "error.authorize.redirectUri");
        if (!app.allowsRedirectTo(redirectUri)) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.authorize.redirectUri");
        }
        return new AuthorizationRequest(app, redirectUri, opaque(params, "state"), opaque(params, "nonce"),
                opaque(params, "txn"));
    }

    /** Where the browser goes back to; {@code error} is null on a pass. */
    String returnUri(String error) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam("state", state)
                .queryParam("txn", txn);
        if (error != null) {
            uri.queryParam("error", error);
        }
        // state and txn are [A-Za-z0-9_-] by construction: nothing to encode.
        return uri.build().toUriString();
    }

    private static String opaque(MultiValueMap<String, String> params, String name) {
        String value = single(params, name, "error.authorize.parameter");
        if (!OPAQUE.matcher(value).matches()) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, "error.authorize.parameter", name);
        }
        return value;
    }

    /** Exactly one value: a repeated parameter is as suspicious as a missing one. */
    private static String single(MultiValueMap<String, String> params, String name, String errorKey) {
        List<String> values = params.get(name);
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            throw new ErrorPageException(HttpStatus.BAD_REQUEST, errorKey, name);
        }
        return values.get(0);
    }
}

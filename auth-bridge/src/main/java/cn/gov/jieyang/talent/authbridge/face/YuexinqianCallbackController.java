package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.audit.AuditEntry;
import cn.gov.jieyang.talent.authbridge.audit.AuditTrail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /callbacks/yuexinqian}: 粤信签's server-to-server callback. 204 when accepted, 400 with
 * a protocol error code when refused (final), 503 when 粤信签's own keys cannot be fetched (retry).
 * The body is bounded before it is read whole; the JWS itself is never logged. Every refusal is an
 * audit event (its codes only), recorded after the callback's own transaction rolled back.
 */
@RestController
class YuexinqianCallbackController {

    private static final Logger log = LoggerFactory.getLogger(YuexinqianCallbackController.class);
    private static final int MAX_BODY = 16 * 1024;

    private final CallbackVerifier verifier;
    private final FaceLoginService service;
    private final AuditTrail audit;

    YuexinqianCallbackController(CallbackVerifier verifier, FaceLoginService service, AuditTrail audit) {
        this.verifier = verifier;
        this.service = service;
        this.audit = audit;
    }

    @PostMapping("/callbacks/yuexinqian")
    ResponseEntity<Void> callback(HttpServletRequest request) throws IOException {
        String jws;
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new CallbackRejected("invalid_signature", "body_too_large", "the callback body is too large");
            }
            jws = new String(body, StandardCharsets.US_ASCII);
        }
        service.acceptCallback(verifier.verify(jws));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(CallbackRejected.class)
    ResponseEntity<Map<String, String>> rejected(CallbackRejected e) {
        log.warn("粤信签 callback refused: {} ({})", e.code(), e.getMessage());
        audit.record(AuditEntry.callbackRefused(e.code(), e.reason()));
        return ResponseEntity.badRequest().body(Map.of("error", e.code(), "error_description", e.getMessage()));
    }

    @ExceptionHandler(UpstreamUnavailable.class)
    ResponseEntity<Map<String, String>> unavailable(UpstreamUnavailable e) {
        log.warn("粤信签 callback not checked, upstream unavailable: {}", e.getMessage());
        audit.record(AuditEntry.callbackRefused("temporarily_unavailable", "keys_unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "temporarily_unavailable", "error_description", e.getMessage()));
    }
}

package cn.gov.jieyang.talent.mockyxq.testcontrol;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties;
import cn.gov.jieyang.talent.mockyxq.web.ErrorPageException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code PUT|DELETE /test-control/mode} (and {@code GET}, to look). A PUT replaces the whole mode:
 * fields left out fall back to their normal value. Answers 404 when
 * {@code mock.yuexinqian.test-control-enabled} is false, as if the endpoint did not exist.
 */
@RestController
@RequestMapping("/test-control/mode")
class TestControlController {

    private static final Logger log = LoggerFactory.getLogger(TestControlController.class);
    private static final Set<String> FIELDS = Set.of("callback", "jwks", "delayMillis");

    private final FailureSwitches switches;
    private final JsonMapper json;
    private final boolean enabled;

    TestControlController(FailureSwitches switches, JsonMapper json, MockYuexinqianProperties properties) {
        this.switches = switches;
        this.json = json;
        this.enabled = properties.testControlEnabled();
    }

    @GetMapping
    Map<String, Object> current() {
        requireEnabled();
        return switches.current().toJson();
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> set(@RequestBody(required = false) String body) {
        requireEnabled();
        TestMode mode;
        try {
            mode = parse(body);
        } catch (IllegalArgumentException e) {
            // Messages here are ours and name only fields and allowed values: safe to echo.
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "invalid_request", "error_description", e.getMessage()));
        }
        switches.set(mode);
        log.info("Failure switches set: {}", mode);
        return ResponseEntity.ok(mode.toJson());
    }

    @DeleteMapping
    ResponseEntity<Void> reset() {
        requireEnabled();
        switches.reset();
        log.info("Failure switches reset: {}", TestMode.NORMAL);
        return ResponseEntity.noContent().build();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ErrorPageException(HttpStatus.NOT_FOUND, "error.notFound");
        }
    }

    private TestMode parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object {callback, jwks, delayMillis}");
        }
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; known: callback, jwks, delayMillis");
            }
        }
        CallbackMode callback = CallbackMode.NORMAL;
        if (root.has("callback")) {
            callback = CallbackMode.fromWireName(textOf(root.get("callback"), "callback")).orElseThrow(() ->
                    new IllegalArgumentException("callback must be one of normal, never, twice, late, wrong_key, wrong_audience"));
        }
        JwksMode jwks = JwksMode.NORMAL;
        if (root.has("jwks")) {
            jwks = JwksMode.fromWireName(textOf(root.get("jwks"), "jwks")).orElseThrow(() ->
                    new IllegalArgumentException("jwks must be one of normal, error"));
        }
        int delay = 0;
        if (root.has("delayMillis")) {
            JsonNode node = root.get("delayMillis");
            if (!node.isIntegralNumber() || !node.canConvertToInt()
                    || node.intValue() < 0 || node.intValue() > TestMode.MAX_DELAY_MILLIS) {
                throw new IllegalArgumentException("delayMillis must be an integer 0-" + TestMode.MAX_DELAY_MILLIS);
            }
            delay = node.intValue();
        }
        return new TestMode(callback, jwks, delay);
    }

    private static String textOf(JsonNode node, String field) {
        if (!node.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.asString();
    }
}

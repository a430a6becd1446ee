package cn.gov.jieyang.talent.testsupport.keycloak;

import cn.gov.jieyang.talent.keycloakcaptcha.Captchas;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The captcha on realm {@code jieyang}'s login form (module {@code keycloak-captcha}), for tests: they
 * answer it as the holder of the flow's answer key does (keycloak/README.md says why that is no back
 * door), or by proof of work as a person's browser does.
 */
public final class KeycloakCaptcha {

    /** The realm's browser flow (keycloak/realm/jieyang-realm.json). */
    public static final String BROWSER_FLOW = "jieyang-browser";
    /** The captcha authenticator's provider id. */
    public static final String PROVIDER = "jieyang-captcha-password-form";
    /** Config key of the answer key. */
    public static final String ANSWER_KEY = "captcha.answerKey";
    /** Config key of the expiry in seconds. */
    public static final String EXPIRY_SECONDS = "captcha.expirySeconds";

    private static final Pattern CAPTCHA_ID = Pattern.compile("name=\"captcha_id\"\\s+value=\"([^\"]+)\"");
    private static final Pattern POW = Pattern.compile("data-pow=\"([^\"]+)\"\\s+data-pow-difficulty=\"(\\d+)\"");
    private static final Pattern LENGTH = Pattern.compile("data-captcha-length=\"(\\d+)\"");

    private final KeycloakAdmin admin;
    private final String adminPassword;
    private String answerKey;

    KeycloakCaptcha(KeycloakAdmin admin, String adminPassword) {
        this.admin = admin;
        this.adminPassword = adminPassword;
    }

    /**
     * The answer key, set in the flow's captcha config on first use. Derived from this build's random
     * admin password, so every test JVM of the build sets the same one.
     *
     * @return the key
     */
    public synchronized String answerKey() {
        if (answerKey == null) {
            String key = hmacHex(adminPassword, "jieyang captcha answer key");
            answerKey = key;
            update(Map.of(ANSWER_KEY, key));
        }
        return answerKey;
    }

    /**
     * The characters in the image of a login page.
     *
     * @param html the page
     * @return the answer
     */
    public String answer(String html) {
        return answer(id(html).orElseThrow(() -> new IllegalStateException("no captcha on the page:\n" + html)),
                length(html));
    }

    /**
     * The characters in the image of challenge {@code id} (e.g. read from a real browser's form).
     *
     * @param id     the form's {@code captcha_id}
     * @param length the form's {@code data-captcha-length}
     * @return the answer
     */
    public String answer(String id, int length) {
        return Captchas.answer(answerKey(), id, length);
    }

    /**
     * The fields a person sends who types the right characters: {@code captcha_id} and {@code captcha}.
     *
     * @param html the login page
     * @return the two fields
     */
    public Map<String, String> solvedFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("captcha_id", id(html).orElseThrow(() -> new IllegalStateException("no captcha on the page:\n" + html)));
        fields.put("captcha", answer(html));
        return fields;
    }

    /**
     * Changes settings of the flow's captcha, keeping the others and the answer key. A test that changes
     * one puts it back afterwards: the realm is shared by the whole build.
     *
     * @param changes config keys and values
     * @return the settings before (without the answer key), for putting back
     */
    public synchronized Map<String, String> update(Map<String, String> changes) {
        String flows = "/admin/realms/" + KeycloakServer.REALM + "/authentication";
        String configId = null;
        for (JsonNode execution : admin.send("GET", flows + "/flows/" + BROWSER_FLOW + "/executions", null, 200)) {
            if (PROVIDER.equals(execution.path("providerId").asString(""))) {
                configId = execution.path("authenticationConfig").asString(null);
            }
        }
        if (configId == null) {
            throw new IllegalStateException("flow " + BROWSER_FLOW + " has no configured " + PROVIDER);
        }
        ObjectNode config = (ObjectNode) admin.send("GET", flows + "/config/" + configId, null, 200);
        ObjectNode values = config.withObjectProperty("config");
        Map<String, String> before = new LinkedHashMap<>();
        values.properties().forEach(e -> before.put(e.getKey(), e.getValue().asString()));
        before.remove(ANSWER_KEY);
        changes.forEach(values::put);
        if (answerKey != null) {
            values.put(ANSWER_KEY, answerKey);   // the GET may answer with a masked value
        }
        admin.send("PUT", flows + "/config/" + configId, config, 204);
        return before;
    }

    /**
     * The challenge id a login page carries.
     *
     * @param html the page
     * @return its {@code captcha_id}, if it shows a captcha
     */
    public static Optional<String> id(String html) {
        Matcher m = CAPTCHA_ID.matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * A proof of work for the page's puzzle, as the theme's script computes it.
     *
     * @param html the login page
     * @return the nonce for field {@code captcha_pow}
     */
    public static String proofOfWork(String html) {
        Matcher m = POW.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no proof-of-work puzzle on the page:\n" + html);
        }
        return Captchas.proofOfWork(m.group(1), Integer.parseInt(m.group(2)));
    }

    private static int length(String html) {
        Matcher m = LENGTH.matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 5;
    }

    private static String hmacHex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.gov.jieyang.talent.keycloakcaptcha;

import cn.gov.jieyang.talent.keycloakcaptcha.internal.CaptchaImage;
import cn.gov.jieyang.talent.keycloakcaptcha.internal.CaptchaSettings;
import cn.gov.jieyang.talent.keycloakcaptcha.internal.Challenge;
import cn.gov.jieyang.talent.keycloakcaptcha.internal.ChallengeStore;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's username-and-password form with a captcha in front of it: every rendering of the form
 * carries a new challenge, and a submission is judged on the captcha FIRST. A missing, wrong, reused or
 * expired captcha sends the form back with a message, the password unread and no login failure counted
 * against the account (so a stranger cannot lock anyone out without solving a captcha per attempt).
 * Everything else (user lookup, password check, brute-force detection, passkeys) is Keycloak's own
 * {@link UsernamePasswordForm}.
 */
public class CaptchaUsernamePasswordForm extends UsernamePasswordForm {

    /** Form field: the characters read from the image. */
    public static final String FIELD_CAPTCHA = "captcha";
    /** Form field: the challenge the page was rendered with. */
    public static final String FIELD_CAPTCHA_ID = "captcha_id";
    /** Form field: a proof-of-work nonce (the path that needs no reading). */
    public static final String FIELD_CAPTCHA_POW = "captcha_pow";
    /** Form field (a submit button): "换一张", a new challenge. */
    public static final String FIELD_CAPTCHA_REFRESH = "captcha_refresh";

    /** The error of the login event a refused captcha sends (detail {@code captcha}: missing, expired, wrong). */
    public static final String EVENT_ERROR = "invalid_captcha";

    private static final Logger LOG = Logger.getLogger(CaptchaUsernamePasswordForm.class);

    /** The flow context of this request; Keycloak creates one authenticator per request. */
    private AuthenticationFlowContext current;

    /**
     * As Keycloak's own form (passkeys conditional UI included).
     *
     * @param session the request's session
     */
    public CaptchaUsernamePasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        current = context;
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        current = context;
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(FIELD_CAPTCHA_REFRESH)) {
            // The old challenge is replaced while the form is rendered again; the user name stays.
            context.forceChallenge(challenge(context, (String) null, null));
            return;
        }
        super.action(context);
    }

    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        ChallengeStore.Outcome outcome = ChallengeStore.take(context.getAuthenticationSession(), settings(context),
                formData.getFirst(FIELD_CAPTCHA_ID), formData.getFirst(FIELD_CAPTCHA),
                formData.getFirst(FIELD_CAPTCHA_POW), Time.currentTimeMillis());
        if (outcome != ChallengeStore.Outcome.SOLVED) {
            // A LOGIN_ERROR event for the operators (no user: the account was not even looked up), then
            // forceChallenge, not failureChallenge: nothing is counted against the account.
            context.getEvent().detail("captcha", outcome.name().toLowerCase(Locale.ROOT)).error(EVENT_ERROR);
            context.forceChallenge(challenge(context, message(outcome), FIELD_CAPTCHA));
            return false;
        }
        return super.validateForm(context, formData);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        current = context;
        LoginFormsProvider form = context.form();
        if (!formData.isEmpty()) {
            form.setFormData(formData);
        }
        return createLoginForm(form);
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        if (current != null) {
            CaptchaSettings settings = settings(current);
            Challenge challenge = ChallengeStore.issue(current.getAuthenticationSession(), settings, Time.currentTimeMillis());
            Map<String, Object> captcha = new LinkedHashMap<>();
            captcha.put("id", challenge.id());
            captcha.put("pow", challenge.pow());
            captcha.put("powDifficulty", settings.powDifficulty());
            captcha.put("length", settings.length());
            captcha.put("expirySeconds", settings.expiry().toSeconds());
            try {
                captcha.put("image", CaptchaImage.dataUri(challenge.answer()));
            } catch (RuntimeException | Error e) {
                // No usable font in this JVM: the proof-of-work path still lets everyone in.
                LOG.warnf("captcha image could not be drawn (%s); only the proof-of-work path is offered", e.toString());
            }
            form.setAttribute("captcha", captcha);
        }
        return super.createLoginForm(form);
    }

    private static String message(ChallengeStore.Outcome outcome) {
        return switch (outcome) {
            case MISSING -> "captchaMissing";
            case EXPIRED -> "captchaExpired";
            default -> "captchaWrong";
        };
    }

    private static CaptchaSettings settings(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return CaptchaSettings.from(config == null ? null : config.getConfig());
    }
}

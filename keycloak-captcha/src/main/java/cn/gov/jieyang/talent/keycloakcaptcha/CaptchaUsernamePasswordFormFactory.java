package cn.gov.jieyang.talent.keycloakcaptcha;

import cn.gov.jieyang.talent.keycloakcaptcha.internal.CaptchaSettings;
import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers {@link CaptchaUsernamePasswordForm} as authenticator {@value #PROVIDER_ID}, configurable per
 * flow execution (length, expiry, proof-of-work difficulty, answer key). Everything else is inherited
 * from Keycloak's username-password form factory.
 */
public class CaptchaUsernamePasswordFormFactory extends UsernamePasswordFormFactory {

    /** The id a flow (and the realm JSON) names. */
    public static final String PROVIDER_ID = "jieyang-captcha-password-form";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(CaptchaSettings.LENGTH).type(ProviderConfigProperty.STRING_TYPE)
            .label("Captcha length").helpText("Characters in the image: 5 or 6.").defaultValue("5").add()
            .property().name(CaptchaSettings.EXPIRY_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Captcha expiry (seconds)").helpText("How long one challenge may be answered (1-600).")
            .defaultValue("120").add()
            .property().name(CaptchaSettings.POW_DIFFICULTY).type(ProviderConfigProperty.STRING_TYPE)
            .label("Proof-of-work difficulty (bits)")
            .helpText("Leading zero bits of SHA-256 the no-reading path asks the browser for (8-28).")
            .defaultValue("16").add()
            .property().name(CaptchaSettings.ANSWER_KEY).type(ProviderConfigProperty.PASSWORD)
            .label("Answer key (optional)").secret(true)
            .helpText("Empty (the default): answers are random. Set: answers are HMAC-SHA256(key, challenge id), "
                    + "so whoever holds the key (a monitoring probe, the project's tests) can answer. Never "
                    + "give it to anyone who would not be trusted with the admin console.")
            .add()
            .build();

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CaptchaUsernamePasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getDisplayType() {
        return "Username Password Form with captcha (jieyang)";
    }

    @Override
    public String getHelpText() {
        return "Username and password with a self-hosted image captcha (or proof of work), checked before the password.";
    }
}

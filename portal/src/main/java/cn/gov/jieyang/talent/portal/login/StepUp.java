package cn.gov.jieyang.talent.portal.login;

import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Component;

/**
 * Step-up before signing (DESIGN: a password individual is sent through the face check before the
 * portal lets them sign and submit). The portal asks the bridge with {@code acr_values=urn:gd:trust:L4};
 * the bridge completes it only for the account's own person and keeps the account's subject, so the
 * applications stay where they are. Checked where the action happens, not only on the page.
 */
@Component
@EnableConfigurationProperties(StepUpProperties.class)
public class StepUp {

    /** Where a step-up starts: the portal's login, asking for face verification. */
    public static final String START = "/oauth2/authorization/" + LoginConfig.REGISTRATION_ID + "?step_up=1";
    /** HttpSessionRequestCache's attribute: the login's success handler returns there. */
    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    private final StepUpProperties properties;

    StepUp(StepUpProperties properties) {
        this.properties = properties;
    }

    /**
     * Whether this person must be face-verified to submit these services.
     *
     * @param me           the person
     * @param serviceCodes the services of the application
     * @return true when a step-up is needed first
     */
    public boolean required(CurrentUser me, Collection<String> serviceCodes) {
        return properties.individuals() && me.subjectType() == SubjectType.INDIVIDUAL && !me.faceVerified()
                && serviceCodes.stream().anyMatch(code -> !properties.exemptServices().contains(code));
    }

    /**
     * Throws {@link StepUpRequired} when {@link #required} says so.
     *
     * @param me           the person
     * @param serviceCodes the services
     * @param returnTo     the page to come back to
     */
    public void require(CurrentUser me, Collection<String> serviceCodes, String returnTo) {
        if (required(me, serviceCodes)) {
            throw new StepUpRequired(returnTo);
        }
    }

    /**
     * Remembers where to come back and answers where to send the browser.
     *
     * @param request  the request
     * @param returnTo a portal path
     * @return the redirect target
     */
    public String begin(HttpServletRequest request, String returnTo) {
        if (!returnTo.startsWith("/") || returnTo.startsWith("//")) {
            throw new IllegalArgumentException("returnTo must be a path of the portal");
        }
        request.getSession().setAttribute(SAVED_REQUEST, new SimpleSavedRequest(returnTo));
        return START;
    }
}

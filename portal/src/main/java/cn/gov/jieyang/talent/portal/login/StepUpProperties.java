package cn.gov.jieyang.talent.portal.login;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the portal asks the bridge for face verification (step-up, acr L4) before an individual who
 * signed in with a password signs and submits.
 *
 * @param individuals    whether individuals must be face-verified to submit or resubmit (default on)
 * @param exemptServices codes of services for which a password session may submit (default none)
 */
@ConfigurationProperties("portal.step-up")
public record StepUpProperties(@DefaultValue("true") boolean individuals, @DefaultValue List<String> exemptServices) {

    /**
     * Copies the list.
     *
     * @param individuals    on for individuals
     * @param exemptServices exempt service codes
     */
    public StepUpProperties {
        exemptServices = List.copyOf(exemptServices);
    }
}

package cn.gov.jieyang.talent.authbridge.config;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSecretsException} into Spring Boot's "APPLICATION FAILED TO START" report, one line a variable. */
final class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretsException cause) {
        String list = cause.variables().stream().map(name -> "    " + name).collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The auth-bridge refuses to start without its secrets. These environment variables are not set:\n"
                        + list,
                "Set each of them from your secret store: the two keys to the base64 of 32 random bytes "
                        + "(openssl rand -base64 32, the same value on every bridge instance), the client secrets to "
                        + "the values registered in Keycloak and at the portal. On a developer machine, start with "
                        + "SPRING_PROFILES_ACTIVE=dev instead (./run does): its values are public and for development "
                        + "only.",
                cause);
    }
}

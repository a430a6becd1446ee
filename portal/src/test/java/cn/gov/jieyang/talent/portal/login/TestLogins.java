package cn.gov.jieyang.talent.portal.login;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/**
 * Logged-in principals for MockMvc tests, shaped like the auth-bridge's ID tokens (claims sub,
 * subject_type, acr, name, roles, usci) and with the authorities {@link LoginConfig} derives from them.
 * The real login is covered by PortalLoginIT against the real bridge.
 */
public final class TestLogins {

    private TestLogins() {
    }

    /**
     * A person logged in by 粤信签 face verification (acr L4).
     *
     * @param subject the bridge subject
     * @param name    the verified name
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor faceVerified(String subject, String name) {
        return login(subject, "individual", CurrentUser.FACE_VERIFIED_ACR, name, null, "individual");
    }

    /**
     * A person logged in with account and password (acr L2).
     *
     * @param subject the bridge subject
     * @param name    the account's name
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor passwordIndividual(String subject, String name) {
        return login(subject, "individual", "urn:gd:trust:L2", name, null, "individual");
    }

    /**
     * An enterprise account (password login).
     *
     * @param subject the bridge subject
     * @param name    the enterprise's name
     * @param usci    its unified social credit code
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor enterprise(String subject, String name, String usci) {
        return login(subject, "enterprise", "urn:gd:trust:L2", name, usci, "enterprise");
    }

    /**
     * A bureau reviewer of every service group (password login): reviews all nine services.
     *
     * @param subject the bridge subject
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor reviewer(String subject) {
        return reviewerOf(subject, "reviewer-talent", "reviewer-titles", "reviewer-funding");
    }

    /**
     * A bureau reviewer of some service groups only (V15's review_scope).
     *
     * @param subject the bridge subject
     * @param groups  the group roles, e.g. {@code reviewer-talent}; none for a reviewer who reviews nothing
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor reviewerOf(String subject, String... groups) {
        List<String> roles = new ArrayList<>(List.of("reviewer"));
        roles.addAll(List.of(groups));
        return login(subject, "individual", "urn:gd:trust:L2", "李审核", null, roles);
    }

    /**
     * A supervisor of the reviewers: the realm's composite role gives reviewer too.
     *
     * @param subject the bridge subject
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor supervisor(String subject) {
        return login(subject, "individual", "urn:gd:trust:L2", "陈主管", null, List.of("reviewer", "supervisor"));
    }

    /**
     * An auditor (password login).
     *
     * @param subject the bridge subject
     * @return the principal
     */
    public static OidcLoginRequestPostProcessor auditor(String subject) {
        return login(subject, "individual", "urn:gd:trust:L2", "王审计", null, "auditor");
    }

    private static OidcLoginRequestPostProcessor login(String subject, String subjectType, String acr, String name,
            String usci, String role) {
        return login(subject, subjectType, acr, name, usci, List.of(role));
    }

    private static OidcLoginRequestPostProcessor login(String subject, String subjectType, String acr, String name,
            String usci, List<String> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("OIDC_USER"));
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
        return oidcLogin()
                .idToken(t -> {
                    t.subject(subject).claim("subject_type", subjectType).claim("acr", acr).claim("name", name)
                            .claim("roles", List.copyOf(roles));
                    if (usci != null) {
                        t.claim("usci", usci);
                    }
                })
                .authorities(authorities);
    }
}

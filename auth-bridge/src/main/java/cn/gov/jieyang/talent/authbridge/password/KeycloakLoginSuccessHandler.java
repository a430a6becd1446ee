package cn.gov.jieyang.talent.authbridge.password;

import cn.gov.jieyang.talent.authbridge.audit.AuditEntry;
import cn.gov.jieyang.talent.authbridge.audit.AuditTrail;
import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.RequestedClient;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import cn.gov.jieyang.talent.authbridge.session.BridgeSession;
import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import cn.gov.jieyang.talent.authbridge.session.NewSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.authbridge.session.SubjectType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Turns a Keycloak login into a bridge session: the account becomes a stable pseudonymous subject,
 * the realm roles decide individual or enterprise, and an enterprise's USCI comes along. Keycloak's
 * own tokens go no further than this class; the HTTP session Spring used for the round trip is
 * dropped.
 */
@Component
class KeycloakLoginSuccessHandler implements AuthenticationSuccessHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KeycloakLoginSuccessHandler.class);

    private final Sessions sessions;
    private final DataProtector protector;
    private final CookieRequestCache requestCache = new CookieRequestCache();

    private final LocaleResolver locales;
    private final OAuth2AuthorizedClientRepository keycloakTokens;
    private final AuditTrail audit;
    private final RegisteredClientRepository clients;

    KeycloakLoginSuccessHandler(Sessions sessions, DataProtector protector, LocaleResolver locales,
                                OAuth2AuthorizedClientRepository keycloakTokens, AuditTrail audit,
                                RegisteredClientRepository clients) {
        this.audit = audit;
        this.clients = clients;
        this.keycloakTokens = keycloakTokens;
        this.sessions = sessions;
        this.protector = protector;
        this.locales = locales;
    }

    /** Chinese names are family name first, without a space (张三); others given name first. */
    static String displayName(OidcUser user) {
        String given = user.getGivenName() == null ? "" : user.getGivenName().strip();
        String family = user.getFamilyName() == null ? "" : user.getFamilyName().strip();
        if (given.isEmpty() && family.isEmpty()) {
            return user.getPreferredUsername();
        }
        boolean cjk = (given + family).codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        return cjk ? family + given : (given + " " + family).strip();
    }

    /**
     * The resident ID number on record for an individual's account (Keycloak attribute
     * {@code id_number}, an ID-token claim for this client only), kept sealed in the session so that
     * a step-up can check the face belongs to the account's person. Not verified: never shown.
     */
    private static IdNumber numberOnRecord(OidcUser user, String subject) {
        String raw = user.getClaimAsString("id_number");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return IdNumber.residentId(raw);
        } catch (InvalidIdentityException e) {
            // Only the rule's code: the value is (nearly) a real person's ID number.
            log.warn("account {} has an unusable id_number on record: {}", subject, e.code());
            return null;
        }
    }

    /** Keycloak's refresh token for this login, to end Keycloak's session when the bridge's ends. */
    private String refreshToken(Authentication authentication, HttpServletRequest request) {
        OAuth2AuthorizedClient client = keycloakTokens.loadAuthorizedClient(KeycloakClientConfig.REGISTRATION_ID,
                authentication, request);
        if (client == null || client.getRefreshToken() == null) {
            log.warn("keycloak issued no refresh token: its session will outlive the bridge's logout");
            return null;
        }
        return client.getRefreshToken().getTokenValue();
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OidcUser user = (OidcUser) authentication.getPrincipal();
        List<String> roles = user.getClaimAsStringList("roles") == null ? List.of() : user.getClaimAsStringList("roles");
        SubjectType type = roles.contains("enterprise") ? SubjectType.ENTERPRISE : SubjectType.INDIVIDUAL;
        // Enterprise accounts carry the company's name as their first name (keycloak/README.md).
        String name = type == SubjectType.ENTERPRISE && user.getGivenName() != null ? user.getGivenName()
                : displayName(user);
        String subject = protector.subjectFor(type == SubjectType.ENTERPRISE ? "e" : "u", "keycloak:" + user.getSubject());
        BridgeSession session = sessions.start(new NewSession(subject, type, Acr.PASSWORD, List.of("pwd"), name,
                type == SubjectType.INDIVIDUAL ? numberOnRecord(user, subject) : null,
                type == SubjectType.ENTERPRISE ? user.getClaimAsString("usci") : null, roles,
                Sessions.languageTag(locales.resolveLocale(request))), refreshToken(authentication, request));
        sessions.establish(session, response);
        SecurityContextHolder.clearContext();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        audit.record(AuditEntry.loginSucceeded(AuditEntry.Door.PASSWORD, session.subject(), session.sid(),
                session.acr(), RequestedClient.idOf(saved, clients)));
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/");
    }
}

package cn.gov.jieyang.talent.authbridge.session;

import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.identity.IdNumber;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Service;

/**
 * Starting, finding and ending bridge sessions; the one place the session cookie is written.
 * Login doors call {@link #start} then {@link #establish}; everything else reads {@link #current}.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Purpose ID_NUMBER = Purpose.of("bridge-session.id-number");
    private static final Purpose UPSTREAM = Purpose.of("bridge-session.upstream-refresh-token");

    private final SessionStore store;
    private final SessionTokens tokens;
    private final SessionProperties properties;
    private final DataProtector protector;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Sessions(SessionStore store, SessionTokens tokens, SessionProperties properties, DataProtector protector,
             Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.tokens = tokens;
        this.properties = properties;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Records a new session.
     *
     * @param n what the login door established
     * @return the session
     */
    public BridgeSession start(NewSession n) {
        return start(n, null);
    }

    /**
     * Records a new session that an upstream identity provider's session stands behind.
     *
     * @param n                    what the login door established
     * @param upstreamRefreshToken Keycloak's refresh token for the login, kept sealed so the bridge's
     *                             logout can end Keycloak's session too; or null
     * @return the session
     */
    public BridgeSession start(NewSession n, String upstreamRefreshToken) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // A password session may carry the number on record for its account (for step-up by the same
        // person); only a face-verified one shows it, even masked: on record is not verified.
        boolean shown = n.idNumber() != null && Acr.FACE_VERIFIED.equals(n.acr());
        BridgeSession s = new BridgeSession(randomId(), n.subject(), n.subjectType(), n.acr(), n.amr(), n.name(),
                shown ? n.idNumber().masked() : null, n.usci(), n.roles(), now,
                now.plus(properties.lifetime()), n.locale());
        store.insert(s, n.idNumber() == null ? null : protector.seal(n.idNumber(), ID_NUMBER),
                upstreamRefreshToken == null ? null : protector.seal(upstreamRefreshToken, UPSTREAM));
        log.info("session started: sid={} subject={} acr={} type={}", s.sid(), s.subject(), s.acr(),
                s.subjectType().claim());
        return s;
    }

    /**
     * Sets the session cookie on the response.
     *
     * @param session  the session
     * @param response the response
     */
    public void establish(BridgeSession session, HttpServletResponse response) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).getSeconds());
        response.addHeader("Set-Cookie", cookie(tokens.issue(session), maxAge).toString());
    }

    /**
     * The live session the request's cookie names, if any.
     *
     * @param request the request
     * @return the session
     */
    public Optional<BridgeSession> current(HttpServletRequest request) {
        return cookieValue(request).flatMap(tokens::verify).flatMap(store::findLive);
    }

    /**
     * A live session by id.
     *
     * @param sid the session id
     * @return the session
     */
    public Optional<BridgeSession> find(String sid) {
        return store.findLive(sid);
    }

    /**
     * The verified ID number of a face session, opened; for the userinfo endpoint only.
     *
     * @param sid the session id
     * @return the number
     */
    public Optional<IdNumber> verifiedIdNumber(String sid) {
        return find(sid).filter(BridgeSession::isFaceVerified).flatMap(s -> idNumberOnRecord(sid));
    }

    /**
     * The ID number a session holds, verified or not: for a password session, the one on record for
     * its account (Keycloak's {@code id_number}); compared, never shown, when the person steps up.
     *
     * @param sid the session id
     * @return the number
     */
    public Optional<IdNumber> idNumberOnRecord(String sid) {
        return store.idNumberEncrypted(sid).map(b -> protector.openResidentId(b, ID_NUMBER));
    }

    /**
     * Ends a session everywhere because the person logged out, and clears the cookie.
     *
     * @param sid      the session id
     * @param response the response
     */
    public void logOut(String sid, HttpServletResponse response) {
        end(sid, SessionEnded.Why.LOGGED_OUT);
        response.addHeader("Set-Cookie", cookie("", 0).toString());
    }

    /**
     * Ends a session everywhere, leaving the cookies of the browser at hand alone (the session may
     * belong to another browser: a face login stopped because its 粤信签 link was carried elsewhere).
     * Publishes {@link SessionEnded}, synchronously: by the time this returns, the session's tokens
     * are revoked.
     *
     * @param sid the session id
     * @param why why it ends
     */
    public void end(String sid, SessionEnded.Why why) {
        store.end(sid).ifPresent(subject -> {
            log.info("session ended: sid={} why={}", sid, why);
            events.publishEvent(new SessionEnded(sid, subject, why));
        });
    }

    /**
     * Keycloak's refresh token of a (usually just ended) session, opened; handed out once, then erased.
     *
     * @param sid the session id
     * @return the token
     */
    public Optional<String> takeUpstreamRefreshToken(String sid) {
        return store.takeUpstreamRefreshToken(sid).map(sealed -> protector.open(sealed, UPSTREAM));
    }

    Optional<String> cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (properties.cookieName().equals(c.getName())) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    private ResponseCookie cookie(String value, long maxAgeSeconds) {
        // HttpOnly: scripts never see it. SameSite=Lax: sent on the top-level redirects of a login,
        // not on cross-site sub-requests.
        return ResponseCookie.from(properties.cookieName(), value).httpOnly(true).secure(properties.secureCookie())
                .sameSite("Lax").path("/").maxAge(maxAgeSeconds).build();
    }

    /**
     * The language tag a session records for a resolved locale: {@code en} or {@code zh-CN}, the two
     * languages of the sign-in pages.
     *
     * @param locale the locale
     * @return the tag
     */
    public static String languageTag(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    static String randomId() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

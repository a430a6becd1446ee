package cn.gov.jieyang.talent.authbridge.session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A login session of the bridge: who, how strongly proven, when. Tokens for relying parties are
 * minted from it. It never holds a full ID number (only the masked form); the full number stays
 * encrypted in the session store for the userinfo endpoint.
 *
 * @param sid            the session id (opaque, random)
 * @param subject        the stable subject identifier of the person or enterprise
 * @param subjectType    individual or enterprise
 * @param acr            {@link Acr#FACE_VERIFIED} or {@link Acr#PASSWORD}
 * @param amr            methods used, RFC 8176 values ({@code face}, {@code pwd})
 * @param name           display or verified name
 * @param idNumberMasked masked ID number (face logins), or null
 * @param usci           the enterprise's unified social credit code, or null
 * @param roles          roles (individual, enterprise, reviewer, auditor)
 * @param authTime       when the person authenticated
 * @param expiresAt      when the session ends at the latest
 * @param locale         the language the person used while signing in ({@code zh-CN} or {@code en}), or null;
 *                       the ID token's {@code locale} claim, so a relying party opens in the same language
 */
public record BridgeSession(String sid, String subject, SubjectType subjectType, String acr, List<String> amr,
                            String name, String idNumberMasked, String usci, List<String> roles, Instant authTime,
                            Instant expiresAt, String locale) {

    /**
     * Checks and copies.
     *
     * @param sid            sid
     * @param subject        subject
     * @param subjectType    subject type
     * @param acr            acr
     * @param amr            amr
     * @param name           name
     * @param idNumberMasked masked ID number
     * @param usci           USCI
     * @param roles          roles
     * @param authTime       auth time
     * @param expiresAt      expiry
     * @param locale         language tag or null
     */
    public BridgeSession {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(acr, "acr");
        amr = List.copyOf(amr);
        roles = List.copyOf(roles);
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return true when the person was face-verified */
    public boolean isFaceVerified() {
        return Acr.FACE_VERIFIED.equals(acr);
    }

    /** @return the identity claims tokens carry (no sid, iss, aud or times) */
    public Map<String, Object> identityClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("acr", acr);
        // Mutable copies: Spring Authorization Server stores token claims with Jackson, whose type
        // allow-list accepts ArrayList but not the JDK's immutable list classes.
        c.put("amr", new java.util.ArrayList<>(amr));
        c.put("subject_type", subjectType.claim());
        c.put("auth_time", authTime.getEpochSecond());
        if (name != null) {
            c.put("name", name);
        }
        if (idNumberMasked != null) {
            c.put("id_number_masked", idNumberMasked);
        }
        if (usci != null) {
            c.put("usci", usci);
        }
        if (locale != null) {
            c.put("locale", locale);
        }
        if (!roles.isEmpty()) {
            c.put("roles", new java.util.ArrayList<>(roles));
        }
        return c;
    }
}

package cn.gov.jieyang.talent.portal.login;

import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is logged in, as the auth-bridge's ID token says: a controller declares a {@code CurrentUser}
 * parameter and gets it (see {@link CurrentUserArgumentResolver}). Everything here comes from a token
 * whose ES256 signature, issuer, audience and expiry Spring Security has checked.
 *
 * @param subject      the bridge's {@code sub}: the stable key of every record this person owns
 * @param subjectType  individual or enterprise
 * @param faceVerified whether this session was verified by 粤信签 face recognition (acr L4)
 * @param name         display name (a person's or an enterprise's)
 * @param usci         the enterprise's unified social credit code, or null for individuals
 * @param roles        the bridge's roles, lower case (individual, enterprise, reviewer, reviewer-&lt;group&gt;,
 *                     supervisor, auditor)
 */
public record CurrentUser(String subject, SubjectType subjectType, boolean faceVerified, String name, String usci,
        Set<String> roles) {

    /** The acr of a face-verified session. */
    public static final String FACE_VERIFIED_ACR = "urn:gd:trust:L4";

    /** The bridge's roles of bureau staff, who have no real-name record and never use the applicant's pages. */
    public static final Set<String> STAFF_ROLES = Set.of("reviewer", "supervisor", "auditor");

    /**
     * The userinfo claim in which the login keeps a face-verified person's ID number, sealed
     * ({@code IdNumberProtector.seal}); the principal never holds it in clear.
     */
    public static final String SEALED_ID_NUMBER_CLAIM = "id_number_sealed";

    /**
     * Checks the parts and copies the roles.
     *
     * @param subject      subject
     * @param subjectType  type
     * @param faceVerified face-verified or not
     * @param name         name
     * @param usci         USCI or null
     * @param roles        roles
     */
    public CurrentUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectType, "subjectType");
        roles = Set.copyOf(roles);
    }

    /**
     * Reads the user from the verified OIDC principal.
     *
     * @param user the principal
     * @return the current user
     */
    public static CurrentUser of(OidcUser user) {
        String type = user.getClaimAsString("subject_type");
        SubjectType subjectType = "enterprise".equals(type) ? SubjectType.ENTERPRISE : SubjectType.INDIVIDUAL;
        List<String> roles = user.getClaimAsStringList("roles");
        String name = user.getFullName() != null ? user.getFullName() : user.getClaimAsString("name");
        return new CurrentUser(user.getSubject(), subjectType, FACE_VERIFIED_ACR.equals(user.getClaimAsString("acr")),
                name, user.getClaimAsString("usci"),
                roles == null ? Set.of() : roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    /**
     * Whether this is bureau staff who review cases.
     *
     * @return true for the reviewer role
     */
    public boolean isReviewer() {
        return roles.contains("reviewer");
    }

    /**
     * Whether this is a supervisor of the reviewers: sees every service's cases and (re)assigns them. In the
     * realm the role is a composite of {@code reviewer}, so a supervisor is a reviewer too.
     *
     * @return true for the supervisor role
     */
    public boolean isSupervisor() {
        return roles.contains("supervisor");
    }

    /**
     * Whether this is an auditor.
     *
     * @return true for the auditor role
     */
    public boolean isAuditor() {
        return roles.contains("auditor");
    }

    /**
     * Whether this is bureau staff (any of {@link #STAFF_ROLES}) rather than an applicant.
     *
     * @return true for staff
     */
    public boolean isStaff() {
        return roles.stream().anyMatch(STAFF_ROLES::contains);
    }

    @Override
    public String toString() {
        // Names are personal data: keep them out of logs that print this record.
        return "CurrentUser[" + subject + ", " + subjectType + ", faceVerified=" + faceVerified + ", roles=" + roles + "]";
    }
}

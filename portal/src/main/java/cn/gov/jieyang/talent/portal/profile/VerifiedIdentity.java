package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.dataprotection.DataProtectionException;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The name and ID number 粤信签 verified, as the auth-bridge gave them: {@code name} in the signed ID
 * token, {@code id_type} and {@code id_number} from userinfo under scope {@code realname}, which the
 * login sealed into {@code id_number_sealed} so that the session never holds it in clear.
 * They are read from the principal on every request and never from a form, so a forged POST cannot
 * change them.
 */
record VerifiedIdentity(String name, IdNumber idNumber) {

    private static final Logger log = LoggerFactory.getLogger(VerifiedIdentity.class);

    /**
     * Reads the verified identity of a face-verified login.
     *
     * @throws PortalProblem {@code profile.verified-identity-missing} (502) if the bridge sent no usable
     *                       name or ID number: the person must log in again rather than type them
     */
    static VerifiedIdentity of(OidcUser user, IdNumberProtector protector) {
        String name = user.getFullName() != null ? user.getFullName() : user.getClaimAsString("name");
        IdType type = switch (String.valueOf(user.getClaimAsString("id_type"))) {
            case "resident_id" -> IdType.RESIDENT_ID;
            case "passport" -> IdType.PASSPORT;
            default -> null;
        };
        if (name == null || name.isBlank() || type == null) {
            log.warn("face-verified login of {} without a verified name or ID number", user.getSubject());
            throw missing();
        }
        try {
            String sealed = user.getClaimAsString(CurrentUser.SEALED_ID_NUMBER_CLAIM);
            if (sealed == null) {
                log.warn("face-verified login of {} without a sealed ID number", user.getSubject());
                throw missing();
            }
            return new VerifiedIdentity(name.strip(), protector.open(sealed, type));
        } catch (DataProtectionException e) {
            // Not sealed, or does not open under our keys: treated like a missing number.
            log.warn("face-verified login of {} with an unreadable sealed ID number", user.getSubject());
            throw missing();
        } catch (InvalidIdentityException e) {
            // Only the rule's code: the rejected value is a (nearly) real ID number.
            log.warn("face-verified login of {} with an ID number refused: {}", user.getSubject(), e.code());
            throw missing();
        }
    }

    private static PortalProblem missing() {
        return new PortalProblem("profile.verified-identity-missing", HttpStatus.BAD_GATEWAY);
    }

    @Override
    public String toString() {
        return "VerifiedIdentity[" + idNumber.masked() + "]";
    }
}

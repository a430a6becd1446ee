package cn.gov.jieyang.talent.portal.login;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.IdType;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Loads the logged-in user as Spring's {@link OidcUserService} does (ID token + the bridge's userinfo),
 * then replaces the verified ID number that userinfo carries under scope {@code realname} by its
 * sealed form ({@value CurrentUser#SEALED_ID_NUMBER_CLAIM}, {@link IdNumberProtector#seal}).
 *
 * <p>Why: the principal is serialised into the server-side session (Spring Session JDBC), i.e. into
 * PostgreSQL. An ID number must never be stored in clear, so the principal never holds it in clear; the
 * real-name record opens it once, when it is created.
 */
class SealingOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(SealingOidcUserService.class);

    private final OidcUserService delegate = new OidcUserService();
    private final IdNumberProtector protector;

    SealingOidcUserService(IdNumberProtector protector) {
        this.protector = protector;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        if (user.getUserInfo() == null || user.getUserInfo().getClaims().get("id_number") == null) {
            return user;
        }
        Map<String, Object> claims = new LinkedHashMap<>(user.getUserInfo().getClaims());
        Object number = claims.remove("id_number");
        IdType type = "passport".equals(claims.get("id_type")) ? IdType.PASSPORT : IdType.RESIDENT_ID;
        try {
            claims.put(CurrentUser.SEALED_ID_NUMBER_CLAIM, protector.seal(IdNumber.of(type, String.valueOf(number))));
        } catch (InvalidIdentityException e) {
            // Dropped, never logged: the real-name page then asks the person to log in again.
            log.warn("the bridge sent an ID number that fails validation ({}) for subject {}", e.code(),
                    user.getSubject());
        }
        OidcUserInfo userInfo = new OidcUserInfo(claims);
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (GrantedAuthority authority : user.getAuthorities()) {
            // The default authority keeps its own copy of userinfo: replace it too.
            authorities.add(authority instanceof OidcUserAuthority oidc
                    ? new OidcUserAuthority(oidc.getAuthority(), oidc.getIdToken(), userInfo)
                    : authority);
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), userInfo, IdTokenClaimNames.SUB);
    }
}

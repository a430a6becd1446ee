package cn.gov.jieyang.talent.authbridge.session;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bridge_session table: the authority behind every session cookie and every token. */
@Repository
class SessionStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(BridgeSession s, byte[] idNumberEncrypted, String upstreamRefreshTokenSealed) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(s.identityClaims());
        claims.put("sub", s.subject());
        jdbc.sql("""
                insert into bridge_session (sid, subject, acr, claims, created_at, expires_at, id_number_encrypted,
                    upstream_refresh_token)
                values (:sid, :subject, :acr, :claims, :created, :expires, :id, :upstream)""")
                .param("sid", s.sid()).param("subject", s.subject()).param("acr", s.acr())
                .param("claims", JSONObjectUtils.toJSONString(claims))
                .param("created", Timestamp.from(s.authTime())).param("expires", Timestamp.from(s.expiresAt()))
                .param("id", idNumberEncrypted).param("upstream", upstreamRefreshTokenSealed)
                .update();
    }

    /** A session that exists, has not ended and has not expired. */
    Optional<BridgeSession> findLive(String sid) {
        return jdbc.sql("""
                select sid, claims, expires_at from bridge_session
                where sid = :sid and ended_at is null and expires_at > :now""")
                .param("sid", sid).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> fromRow(rs.getString("sid"), rs.getString("claims"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    Optional<byte[]> idNumberEncrypted(String sid) {
        return jdbc.sql("select id_number_encrypted from bridge_session where sid = :sid and ended_at is null")
                .param("sid", sid).query((rs, n) -> rs.getBytes(1)).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** Ends a live session; its subject, or empty when it had ended already (or never existed). */
    Optional<String> end(String sid) {
        return jdbc.sql("""
                update bridge_session set ended_at = :now where sid = :sid and ended_at is null
                returning subject""")
                .param("now", Timestamp.from(clock.instant())).param("sid", sid)
                .query((rs, n) -> rs.getString(1)).optional();
    }

    /** The sealed upstream refresh token of a session, ended or not; handed out once, then erased. */
    Optional<String> takeUpstreamRefreshToken(String sid) {
        return jdbc.sql("""
                with old as (select sid, upstream_refresh_token as token from bridge_session
                             where sid = :sid and upstream_refresh_token is not null for update)
                update bridge_session b set upstream_refresh_token = null from old where b.sid = old.sid
                returning old.token""")
                .param("sid", sid).query((rs, n) -> rs.getString(1)).optional();
    }

    @SuppressWarnings("unchecked")
    private static BridgeSession fromRow(String sid, String json, Instant expiresAt) {
        try {
            Map<String, Object> c = JSONObjectUtils.parse(json);
            return new BridgeSession(sid, (String) c.get("sub"),
                    SubjectType.valueOf(((String) c.get("subject_type")).toUpperCase(java.util.Locale.ROOT)),
                    (String) c.get("acr"), (List<String>) c.getOrDefault("amr", List.of()), (String) c.get("name"),
                    (String) c.get("id_number_masked"), (String) c.get("usci"),
                    (List<String>) c.getOrDefault("roles", List.of()),
                    Instant.ofEpochSecond(((Number) c.get("auth_time")).longValue()), expiresAt,
                    (String) c.get("locale"));
        } catch (ParseException e) {
            throw new IllegalStateException("corrupt session claims for a session", e);
        }
    }
}

package cn.gov.jieyang.talent.authbridge.face;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The face_login_transaction and accepted_callback tables. */
@Repository
class FaceTransactions {

    private final JdbcClient jdbc;

    FaceTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(String id, String state, String nonce, byte[] bindingHash, Instant now, Instant expiresAt,
              FaceTransaction.Channel channel, Integer matchNumber, String requestedBy, String device) {
        jdbc.sql("""
                insert into face_login_transaction (id, state, nonce, browser_binding_hash, status, created_at,
                  expires_at, channel, match_number, requested_by, device)
                values (:id, :state, :nonce, :binding, 'open', :now, :expires, :channel, :number, :by, :device)""")
                .param("id", id).param("state", state).param("nonce", nonce).param("binding", bindingHash)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .param("channel", channel.name().toLowerCase(Locale.ROOT)).param("number", matchNumber)
                .param("by", requestedBy).param("device", device)
                .update();
    }

    /** A desktop's number was picked on a phone: open → matched, once, binding that phone. */
    boolean match(String id, byte[] phoneBindingHash) {
        return jdbc.sql("""
                update face_login_transaction set status = 'matched', phone_binding_hash = :phone
                where id = :id and status = 'open' and channel = 'cross_device'""")
                .param("phone", phoneBindingHash).param("id", id).update() == 1;
    }

    /**
     * Ends a transaction that has not become a session yet ({@code mismatched}, {@code cancelled},
     * {@code stopped}); false if it had already moved on.
     */
    boolean end(String id, FaceTransaction.Status to) {
        return jdbc.sql("""
                update face_login_transaction set status = :to
                where id = :id and status in ('open', 'matched', 'verified')""")
                .param("to", to.name().toLowerCase(Locale.ROOT)).param("id", id).update() == 1;
    }

    /** Stops a completed transaction and answers the session it became, so that it can be ended. */
    Optional<String> stopCompleted(String id) {
        return jdbc.sql("""
                update face_login_transaction set status = 'stopped'
                where id = :id and status = 'completed' returning session_id""")
                .param("id", id).query(String.class).optional();
    }

    void recordSession(String id, String sessionId) {
        jdbc.sql("update face_login_transaction set session_id = :sid where id = :id")
                .param("sid", sessionId).param("id", id).update();
    }

    Optional<FaceTransaction> find(String id) {
        return jdbc.sql("select * from face_login_transaction where id = :id").param("id", id)
                .query(FaceTransactions::row).optional();
    }

    /** Locks the row for the rest of the transaction, so two callbacks cannot both verify it. */
    Optional<FaceTransaction> lock(String id) {
        return jdbc.sql("select * from face_login_transaction where id = :id for update").param("id", id)
                .query(FaceTransactions::row).optional();
    }

    boolean jtiSeen(String jti) {
        return jdbc.sql("select count(*) from accepted_callback where jti = :jti").param("jti", jti)
                .query(Integer.class).single() > 0;
    }

    /** Records a callback's jti; false if it was recorded before (a replay that raced the check). */
    boolean recordJti(String jti, String txn, Instant now, Instant expiresAt) {
        try {
            jdbc.sql("insert into accepted_callback (jti, transaction_id, accepted_at, expires_at) "
                            + "values (:jti, :txn, :now, :exp)")
                    .param("jti", jti).param("txn", txn).param("now", Timestamp.from(now))
                    .param("exp", Timestamp.from(expiresAt)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void markVerified(String id, Instant verifiedAt, String subject, String name, String idType,
                      byte[] idNumberEncrypted, String idNumberMasked, String trustLevel) {
        jdbc.sql("""
                update face_login_transaction set status = 'verified', verified_at = :at, subject = :subject,
                  person_name = :name, id_type = :idType, id_number_encrypted = :idNumber,
                  id_number_masked = :masked, trust_level = :trust
                where id = :id and status in ('open', 'matched')""")
                .param("at", Timestamp.from(verifiedAt)).param("subject", subject).param("name", name)
                .param("idType", idType).param("idNumber", idNumberEncrypted).param("masked", idNumberMasked)
                .param("trust", trustLevel).param("id", id)
                .update();
    }

    void markFailed(String id) {
        jdbc.sql("update face_login_transaction set status = 'failed' where id = :id and status in ('open', 'matched')")
                .param("id", id).update();
    }

    /** Moves verified → completed exactly once; false if another request completed it first. */
    boolean complete(String id) {
        return jdbc.sql("update face_login_transaction set status = 'completed' where id = :id and status = 'verified'")
                .param("id", id).update() == 1;
    }

    Optional<byte[]> idNumberEncrypted(String id) {
        return jdbc.sql("select id_number_encrypted from face_login_transaction where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    void deleteExpiredBefore(Instant cutoff) {
        jdbc.sql("delete from face_login_transaction where expires_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
        jdbc.sql("delete from accepted_callback where expires_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private static FaceTransaction row(ResultSet rs, int n) throws SQLException {
        return new FaceTransaction(rs.getString("id"), rs.getString("state"), rs.getString("nonce"),
                rs.getBytes("browser_binding_hash"),
                FaceTransaction.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getString("subject"), rs.getString("person_name"), rs.getString("id_number_masked"),
                FaceTransaction.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                rs.getObject("match_number", Integer.class), rs.getBytes("phone_binding_hash"),
                rs.getString("requested_by"), rs.getString("device"), rs.getString("session_id"));
    }
}

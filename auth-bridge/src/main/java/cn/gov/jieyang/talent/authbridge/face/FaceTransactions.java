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

    void open(String id, String state, String nonce, byte[] bindingHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into face_login_transaction (id, state, nonce, browser_binding_hash, status, created_at, expires_at)
                values (:id, :state, :nonce, :binding, 'open', :now, :expires)""")
                .param("id", id).param("state", state).param("nonce", nonce).param("binding", bindingHash)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
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
                where id = :id and status = 'open'""")
                .param("at", Timestamp.from(verifiedAt)).param("subject", subject).param("name", name)
                .param("idType", idType).param("idNumber", idNumberEncrypted).param("masked", idNumberMasked)
                .param("trust", trustLevel).param("id", id)
                .update();
    }

    void markFailed(String id) {
        jdbc.sql("update face_login_transaction set status = 'failed' where id = :id and status = 'open'")
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
                rs.getTimestamp("expires_at").toInstant(), rs.getString("subject"), rs.getString("person_name"),
                rs.getString("id_number_masked"));
    }
}

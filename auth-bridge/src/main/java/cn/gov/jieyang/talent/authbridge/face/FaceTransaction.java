package cn.gov.jieyang.talent.authbridge.face;

import java.time.Instant;

/** A 粤信签 login transaction as stored; the ID number stays encrypted in the row. */
record FaceTransaction(String id, String state, String nonce, byte[] browserBindingHash, Status status,
                       Instant expiresAt, String subject, String name, String idNumberMasked) {

    enum Status { OPEN, VERIFIED, FAILED, COMPLETED }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

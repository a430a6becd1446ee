package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.audit.AuditEntry;
import cn.gov.jieyang.talent.authbridge.audit.AuditTrail;
import cn.gov.jieyang.talent.authbridge.face.FaceTransaction.Channel;
import cn.gov.jieyang.talent.authbridge.face.FaceTransaction.Status;
import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.BridgeSession;
import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import cn.gov.jieyang.talent.authbridge.session.NewSession;
import cn.gov.jieyang.talent.authbridge.session.SessionEnded;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.authbridge.session.SubjectType;
import cn.gov.jieyang.talent.identity.IdNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A browser came back from 粤信签 ({@code redirect_uri?state&txn[&error]}). Who it is decides what
 * happens: the browser that opened the transaction gets its session; the phone that picked a desktop's
 * number gets the truth about the login it approved; any other browser is evidence that 粤信签's link
 * was carried away from the device the bridge sent it to, and stops the transaction.
 */
@Service
class FaceReturns {

    private static final Logger log = LoggerFactory.getLogger(FaceReturns.class);

    private final FaceTransactions transactions;
    private final DataProtector protector;
    private final Sessions sessions;
    private final PersonLinks links;
    private final Clock clock;
    private final AuditTrail audit;

    FaceReturns(FaceTransactions transactions, DataProtector protector, Sessions sessions, PersonLinks links,
                Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.transactions = transactions;
        this.protector = protector;
        this.sessions = sessions;
        this.links = links;
        this.clock = clock;
    }

    /** What the returning browser is told. */
    enum Outcome {
        /** The opener's session exists. */
        COMPLETED,
        /** No result from 粤信签 yet. */
        PENDING,
        /** The face check did not pass. */
        FAILED,
        /** The person cancelled at 粤信签. */
        CANCELLED,
        /** The transaction was ended on the phone (wrong number, "not me", or stopped). */
        ENDED,
        /** The phone of a desktop login: the desktop may now continue. */
        PHONE_APPROVED,
        /** A browser that holds neither binding: the transaction is stopped. */
        STOPPED_ELSEWHERE,
        /** Step-up of a password session by a face that is not the account's person: nothing changed. */
        STEP_UP_REFUSED,
        /** Unknown, expired, already used, or the state does not match. */
        INVALID
    }

    /**
     * The outcome, the new session (for {@code COMPLETED}), the transaction (for the pages), and
     * whether the browser is the phone of a desktop login rather than the browser that opened it.
     */
    record Returned(Outcome outcome, BridgeSession session, FaceTransaction transaction, boolean phone) {
    }

    /**
     * The return, for a browser holding these cookies and (when it has one) this live session.
     * A browser with a password session is stepping up: see {@link #stepUp}. {@code clientId} is the
     * relying party the login is for (or null), for the audit trail.
     */
    @Transactional
    Returned complete(String txnId, String state, String error, String browserBinding, String phoneBinding,
                      BridgeSession current, String languageTag, String clientId) {
        FaceTransaction txn = txnId == null ? null : transactions.lock(txnId).orElse(null);
        if (txn == null || state == null || !MessageDigest.isEqual(txn.state().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            return new Returned(Outcome.INVALID, null, null, false);
        }
        boolean opener = holds(txn.browserBindingHash(), browserBinding);
        boolean phone = txn.channel() == Channel.CROSS_DEVICE && holds(txn.phoneBindingHash(), phoneBinding);
        if (!opener && !phone) {
            return stopCarriedAway(txn);
        }
        if (txn.isExpired(clock.instant())) {
            return new Returned(Outcome.INVALID, null, txn, phone);
        }
        if ("cancelled".equals(error) && transactions.end(txn.id(), Status.CANCELLED)) {
            log.info("face login cancelled at 粤信签: txn={}", txn.id());
            audit.record(AuditEntry.loginFailed(AuditEntry.Door.FACE, "cancelled", clientId));
            return new Returned(Outcome.CANCELLED, null, txn, phone);
        }
        Outcome told = switch (txn.status()) {
            case OPEN, MATCHED -> Outcome.PENDING;
            case FAILED -> Outcome.FAILED;
            case CANCELLED -> Outcome.CANCELLED;
            case MISMATCHED, STOPPED -> Outcome.ENDED;
            case VERIFIED, COMPLETED -> phone ? Outcome.PHONE_APPROVED
                    : txn.status() == Status.VERIFIED ? Outcome.COMPLETED : Outcome.INVALID;
        };
        if (told != Outcome.COMPLETED) {
            return new Returned(told, null, txn, phone);
        }
        if (!transactions.complete(txn.id())) {
            return new Returned(Outcome.INVALID, null, txn, phone);
        }
        IdNumber idNumber = protector.openResidentId(transactions.idNumberEncrypted(txn.id()).orElseThrow(),
                FaceLoginService.ID_NUMBER);
        BridgeSession session;
        if (current != null && !current.isFaceVerified()) {
            session = stepUp(current, txn, idNumber, languageTag);
            if (session == null) {
                return new Returned(Outcome.STEP_UP_REFUSED, null, txn, phone);
            }
        } else {
            // A person who once proved an account is theirs continues as that account (one set of records).
            String subject = links.accountOf(txn.subject()).orElse(txn.subject());
            session = sessions.start(new NewSession(subject, SubjectType.INDIVIDUAL,
                    Acr.FACE_VERIFIED, List.of("face"), txn.name(), idNumber, null, List.of("individual"),
                    languageTag));
        }
        transactions.recordSession(txn.id(), session.sid());
        audit.record(AuditEntry.loginSucceeded(AuditEntry.Door.FACE, session.subject(), session.sid(), session.acr(),
                clientId));
        return new Returned(Outcome.COMPLETED, session, txn, phone);
    }

    /**
     * Step-up by the same person. The browser holds a password session; the face check verified
     * someone. Only when that is the person on record for the account (the same ID number) does the
     * account's session become face-verified — under the account's subject, so the relying party sees
     * one person with one set of records. Otherwise nothing changes: the password session stays as it
     * was and no face session is made, or whoever stands before the camera would become the account
     * (or the account would silently become someone else).
     *
     * @return the new session, or null when refused
     */
    private BridgeSession stepUp(BridgeSession account, FaceTransaction txn, IdNumber verified, String languageTag) {
        boolean samePerson = sessions.idNumberOnRecord(account.sid()).filter(verified::equals).isPresent();
        if (!samePerson) {
            log.warn("step-up refused: the face-verified person is not the one on record for the account; "
                    + "sid={} subject={} txn={}", account.sid(), account.subject(), txn.id());
            audit.record(AuditEntry.stepUpRefused(account.subject(), account.sid()));
            return null;
        }
        List<String> amr = new java.util.ArrayList<>(account.amr());
        amr.add("face");
        BridgeSession stepped = sessions.start(new NewSession(account.subject(), account.subjectType(),
                Acr.FACE_VERIFIED, amr, txn.name(), verified, account.usci(), account.roles(), languageTag),
                // Keycloak's session stands behind the stepped-up one too: a logout must still end it.
                sessions.takeUpstreamRefreshToken(account.sid()).orElse(null));
        sessions.end(account.sid(), SessionEnded.Why.STEPPED_UP);
        links.link(txn.subject(), account.subject(), clock.instant());
        log.info("step-up: sid={} became sid={} for subject={}", account.sid(), stepped.sid(), account.subject());
        audit.record(AuditEntry.stepUpSucceeded(account.subject(), account.sid(), stepped.sid()));
        return stepped;
    }

    /**
     * 粤信签 sent the person back to a browser that neither opened the transaction nor picked its
     * number: its link was forwarded — the phishing pattern of a stolen login link. Nobody may finish
     * this login; if the opener finished it already (it raced the victim's return), its session ends.
     */
    private Returned stopCarriedAway(FaceTransaction txn) {
        if (transactions.end(txn.id(), Status.STOPPED)) {
            log.warn("face login stopped: 粤信签 returned to another browser than the one it was sent from; txn={}",
                    txn.id());
            audit.record(AuditEntry.loginStopped("returned_to_another_browser"));
        } else {
            transactions.stopCompleted(txn.id()).ifPresent(sid -> {
                audit.record(AuditEntry.loginStopped("returned_to_another_browser"));
                sessions.end(sid, SessionEnded.Why.STOPPED);
                log.warn("face login stopped after completion: 粤信签 returned to another browser; txn={} sid={} ended",
                        txn.id(), sid);
            });
        }
        return new Returned(Outcome.STOPPED_ELSEWHERE, null, txn, false);
    }

    private static boolean holds(byte[] storedHash, String cookie) {
        return storedHash != null && cookie != null && MessageDigest.isEqual(storedHash, FaceLoginService.sha256(cookie));
    }
}

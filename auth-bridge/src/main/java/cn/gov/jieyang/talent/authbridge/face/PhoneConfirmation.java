package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.audit.AuditEntry;
import cn.gov.jieyang.talent.authbridge.audit.AuditTrail;
import cn.gov.jieyang.talent.authbridge.face.FaceTransaction.Channel;
import cn.gov.jieyang.talent.authbridge.face.FaceTransaction.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Number matching for a desktop's QR login. The phone that scans the code lands on the bridge (not
 * on 粤信签), is told which site asks, when and from what device, and must pick the number the
 * desktop shows among three. One try: a wrong pick ends the transaction, so a person who was sent the
 * link by someone else — and cannot see that person's screen — cannot approve their login, not even
 * by a lucky second guess. Only a correct pick sends the phone on to 粤信签.
 */
@Service
class PhoneConfirmation {

    private static final Logger log = LoggerFactory.getLogger(PhoneConfirmation.class);

    private final FaceTransactions transactions;
    private final FaceLoginService faceLogin;
    private final Clock clock;
    private final AuditTrail audit;

    PhoneConfirmation(FaceTransactions transactions, FaceLoginService faceLogin, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.transactions = transactions;
        this.faceLogin = faceLogin;
        this.clock = clock;
    }

    /** A desktop transaction still inside its lifetime, whatever its status. */
    Optional<FaceTransaction> find(String txnId) {
        return txnId == null ? Optional.empty() : transactions.find(txnId)
                .filter(t -> t.channel() == Channel.CROSS_DEVICE && !t.isExpired(clock.instant()));
    }

    /**
     * The three numbers offered, the desktop's among them. Derived from the transaction's secret
     * state, not drawn per request: if a reload changed the decoys, the one number common to every
     * reload would give the answer away.
     */
    List<Integer> choices(FaceTransaction txn) {
        byte[] h = FaceLoginService.sha256("number-matching-decoys:" + txn.state());
        List<Integer> numbers = new ArrayList<>(List.of(txn.matchNumber()));
        for (int i = 0; numbers.size() < 3; i++) {
            int candidate = 10 + Math.floorMod(h[i % h.length] * 31 + i, 90);
            if (!numbers.contains(candidate)) {
                numbers.add(candidate);
            }
        }
        int rotate = Math.floorMod(h[h.length - 1], 3);
        List<Integer> shown = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            shown.add(numbers.get((i + rotate) % 3));
        }
        return shown;
    }

    /** What a pick did. */
    enum Picked { MATCHED, MISMATCHED, GONE }

    /** One pick, binding the phone (by the hash of its new cookie) when it is right. */
    @Transactional
    Picked pick(String txnId, int number, String phoneBinding) {
        FaceTransaction txn = transactions.lock(txnId)
                .filter(t -> t.channel() == Channel.CROSS_DEVICE && t.status() == Status.OPEN
                        && !t.isExpired(clock.instant()))
                .orElse(null);
        if (txn == null) {
            return Picked.GONE;
        }
        if (txn.matchNumber() == number) {
            transactions.match(txnId, FaceLoginService.sha256(phoneBinding));
            return Picked.MATCHED;
        }
        transactions.end(txnId, Status.MISMATCHED);
        log.warn("face login stopped: the phone picked another number than the desktop shows; txn={}", txnId);
        audit.record(AuditEntry.loginStopped("wrong_number"));
        return Picked.MISMATCHED;
    }

    /** "This was not me": the person stops a login they did not start. */
    boolean refuse(String txnId) {
        boolean stopped = find(txnId).isPresent() && transactions.end(txnId, Status.STOPPED);
        if (stopped) {
            log.warn("face login stopped on the phone: the person says they did not start it; txn={}", txnId);
            audit.record(AuditEntry.loginStopped("not_me"));
        }
        return stopped;
    }

    /** Where a phone that matched goes (again, after a reload): 粤信签's authorize address. */
    String authorizeUrl(FaceTransaction txn) {
        return faceLogin.authorizeUrl(txn.id(), txn.state(), txn.nonce());
    }

    /** Whether this phone is the one that picked the number. */
    static boolean isThePhone(FaceTransaction txn, String phoneBinding) {
        return txn.phoneBindingHash() != null && phoneBinding != null && java.security.MessageDigest.isEqual(
                txn.phoneBindingHash(), FaceLoginService.sha256(phoneBinding));
    }

    static String newBinding() {
        return FaceLoginService.random();
    }
}

package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.session.Acr;
import cn.gov.jieyang.talent.authbridge.session.BridgeSession;
import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import cn.gov.jieyang.talent.authbridge.session.NewSession;
import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.authbridge.session.SubjectType;
import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The face door's rules. A transaction is opened for one browser (a random binding secret in a
 * cookie; only its hash is stored), verified only by a signed callback that names it with the right
 * nonce and an unused jti, and completed only by the browser that opened it, once.
 */
@Service
class FaceLoginService {

    private static final Logger log = LoggerFactory.getLogger(FaceLoginService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Purpose ID_NUMBER = Purpose.of("face-login-transaction.id-number");

    private final FaceTransactions transactions;
    private final YuexinqianProperties yxq;
    private final SessionProperties bridge;
    private final DataProtector protector;
    private final Sessions sessions;
    private final Clock clock;

    FaceLoginService(FaceTransactions transactions, YuexinqianProperties yxq, SessionProperties bridge,
                     DataProtector protector, Sessions sessions, Clock clock) {
        this.transactions = transactions;
        this.yxq = yxq;
        this.bridge = bridge;
        this.protector = protector;
        this.sessions = sessions;
        this.clock = clock;
    }

    record Opened(String txn, String browserBinding, String authorizeUrl) {
    }

    enum ReturnOutcome { COMPLETED, NOT_VERIFIED_YET, FAILED, OTHER_BROWSER, INVALID }

    record Returned(ReturnOutcome outcome, BridgeSession session) {
    }

    Opened open() {
        String txn = random(), state = random(), nonce = random(), binding = random();
        Instant now = clock.instant();
        transactions.open(txn, state, nonce, sha256(binding), now, now.plus(yxq.transactionLifetime()));
        String url = UriComponentsBuilder.fromUriString(yxq.baseUrl() + "/authorize")
                .queryParam("app_id", yxq.appId()).queryParam("redirect_uri", returnUrl())
                .queryParam("state", state).queryParam("nonce", nonce).queryParam("txn", txn)
                .encode().build().toUriString();
        return new Opened(txn, binding, url);
    }

    String returnUrl() {
        return bridge.issuer() + "/login/yuexinqian/return";
    }

    @Transactional
    void acceptCallback(JWTClaimsSet claims) {
        String jti = claims.getJWTID();
        String txnId = string(claims, "txn");
        if (transactions.jtiSeen(jti)) {
            throw new CallbackRejected("replayed", "this callback was accepted before");
        }
        Instant now = clock.instant();
        FaceTransaction txn = transactions.lock(txnId)
                .filter(t -> t.status() == FaceTransaction.Status.OPEN && !t.isExpired(now))
                .orElseThrow(() -> new CallbackRejected("unknown_transaction", "no open transaction " + txnId));
        if (!MessageDigest.isEqual(txn.nonce().getBytes(StandardCharsets.UTF_8),
                string(claims, "nonce").getBytes(StandardCharsets.UTF_8))) {
            throw new CallbackRejected("nonce_mismatch", "the nonce does not match the transaction");
        }
        if (!transactions.recordJti(jti, txnId, now, claims.getExpirationTime().toInstant().plusSeconds(3600))) {
            throw new CallbackRejected("replayed", "this callback was accepted before");
        }
        if ("verified".equals(string(claims, "outcome"))) {
            String name = string(claims, "name");
            String idType = string(claims, "id_type");
            if (!"resident_id".equals(idType) || name.isBlank() || name.length() > 50) {
                throw new CallbackRejected("invalid_claims", "the verified identity is malformed");
            }
            IdNumber idNumber = residentId(string(claims, "id_number"));
            transactions.markVerified(txnId, Instant.ofEpochSecond(number(claims, "verified_at")),
                    protector.subjectFor("p", idType + ":" + idNumber.value()), name, idType,
                    protector.seal(idNumber, ID_NUMBER), idNumber.masked(), string(claims, "trust_level"));
            log.info("face callback accepted: txn={} outcome=verified person={}", txnId, idNumber);
        } else {
            transactions.markFailed(txnId);
            log.info("face callback accepted: txn={} outcome=failed", txnId);
        }
    }

    /** The browser came back from 粤信签. Only the browser that opened the transaction completes it. */
    @Transactional
    Returned completeReturn(String txnId, String state, String browserBinding) {
        FaceTransaction txn = txnId == null ? null : transactions.find(txnId).orElse(null);
        if (txn == null || state == null || txn.isExpired(clock.instant()) || !MessageDigest.isEqual(
                txn.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            return new Returned(ReturnOutcome.INVALID, null);
        }
        if (browserBinding == null || !MessageDigest.isEqual(txn.browserBindingHash(), sha256(browserBinding))) {
            return new Returned(ReturnOutcome.OTHER_BROWSER, null);
        }
        switch (txn.status()) {
            case OPEN -> {
                return new Returned(ReturnOutcome.NOT_VERIFIED_YET, null);
            }
            case FAILED -> {
                return new Returned(ReturnOutcome.FAILED, null);
            }
            case COMPLETED -> {
                return new Returned(ReturnOutcome.INVALID, null);
            }
            default -> { }
        }
        if (!transactions.complete(txnId)) {
            return new Returned(ReturnOutcome.INVALID, null);
        }
        IdNumber idNumber = protector.openResidentId(transactions.idNumberEncrypted(txnId).orElseThrow(), ID_NUMBER);
        BridgeSession session = sessions.start(new NewSession(txn.subject(), SubjectType.INDIVIDUAL,
                Acr.FACE_VERIFIED, List.of("face"), txn.name(), idNumber, null, List.of("individual")));
        return new Returned(ReturnOutcome.COMPLETED, session);
    }

    /** Status for the desktop page that waits for the phone; only its own browser may ask. */
    FaceTransaction.Status status(String txnId, String browserBinding) {
        return transactions.find(txnId)
                .filter(t -> browserBinding != null && MessageDigest.isEqual(t.browserBindingHash(), sha256(browserBinding)))
                .map(t -> t.isExpired(clock.instant()) && t.status() == FaceTransaction.Status.OPEN
                        ? FaceTransaction.Status.FAILED : t.status())
                .orElse(null);
    }

    String stateOf(String txnId) {
        return transactions.find(txnId).map(FaceTransaction::state).orElse(null);
    }

    /**
     * The same rule as the portal's (the identity-numbers module): a number the portal would refuse
     * must not become a session here, or the person lands on the portal's error page.
     */
    private IdNumber residentId(String raw) {
        try {
            return IdNumber.residentId(raw, clock);
        } catch (InvalidIdentityException e) {
            // Only the rule's code: the value is (nearly) a real person's ID number.
            throw new CallbackRejected("invalid_claims", "the verified ID number is refused: " + e.code());
        }
    }

    private static String string(JWTClaimsSet c, String name) {
        try {
            String v = c.getStringClaim(name);
            if (v == null) {
                throw new CallbackRejected("invalid_claims", "claim " + name + " is missing");
            }
            return v;
        } catch (ParseException e) {
            throw new CallbackRejected("invalid_claims", "claim " + name + " is not a string");
        }
    }

    private static long number(JWTClaimsSet c, String name) {
        Object v = c.getClaim(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new CallbackRejected("invalid_claims", "claim " + name + " is not a number");
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

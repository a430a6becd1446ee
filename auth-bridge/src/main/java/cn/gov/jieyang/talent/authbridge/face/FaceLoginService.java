package cn.gov.jieyang.talent.authbridge.face;

import cn.gov.jieyang.talent.authbridge.audit.AuditEntry;
import cn.gov.jieyang.talent.authbridge.audit.AuditTrail;
import cn.gov.jieyang.talent.authbridge.session.DataProtector;
import cn.gov.jieyang.talent.authbridge.session.SessionProperties;
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
    private final Clock clock;
    private final AuditTrail audit;

    FaceLoginService(FaceTransactions transactions, YuexinqianProperties yxq, SessionProperties bridge,
                     DataProtector protector, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.transactions = transactions;
        this.yxq = yxq;
        this.bridge = bridge;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * A transaction just opened.
     *
     * @param authorizeUrl where a same-device browser goes now (null for a desktop)
     * @param phoneUrl     the bridge's phone page a desktop's QR code encodes (null on a phone)
     * @param matchNumber  the number the desktop shows for the phone to pick (null on a phone)
     */
    record Opened(String txn, String browserBinding, String authorizeUrl, String phoneUrl, Integer matchNumber) {
    }

    /**
     * Opens a transaction. A desktop's transaction is never sent to 粤信签 from here: only a phone
     * that picked its number is (see {@link PhoneConfirmation}), so the link behind its QR code is
     * worth nothing to a person who cannot see the desktop's screen.
     */
    Opened open(FaceTransaction.Channel channel, DeviceDescription device, String requestedBy) {
        String txn = random(), state = random(), nonce = random(), binding = random();
        Instant now = clock.instant();
        boolean desktop = channel == FaceTransaction.Channel.CROSS_DEVICE;
        Integer number = desktop ? 10 + RANDOM.nextInt(90) : null;
        transactions.open(txn, state, nonce, sha256(binding), now, now.plus(yxq.transactionLifetime()),
                channel, number, requestedBy, device.code());
        if (desktop) {
            String phoneUrl = UriComponentsBuilder.fromUriString(bridge.issuer() + "/login/yuexinqian/phone")
                    .queryParam("txn", txn).encode().build().toUriString();
            return new Opened(txn, binding, null, phoneUrl, number);
        }
        return new Opened(txn, binding, authorizeUrl(txn, state, nonce), null, null);
    }

    /** 粤信签's authorize address for a transaction. */
    String authorizeUrl(String txn, String state, String nonce) {
        return UriComponentsBuilder.fromUriString(yxq.baseUrl() + "/authorize")
                .queryParam("app_id", yxq.appId()).queryParam("redirect_uri", returnUrl())
                .queryParam("state", state).queryParam("nonce", nonce).queryParam("txn", txn)
                .encode().build().toUriString();
    }

    String returnUrl() {
        return bridge.issuer() + "/login/yuexinqian/return";
    }

    @Transactional
    void acceptCallback(JWTClaimsSet claims) {
        String jti = claims.getJWTID();
        String txnId = string(claims, "txn");
        if (transactions.jtiSeen(jti)) {
            throw new CallbackRejected("replayed", "replayed_jti", "this callback was accepted before");
        }
        Instant now = clock.instant();
        FaceTransaction txn = transactions.lock(txnId).filter(t -> !t.isExpired(now))
                .orElseThrow(() -> new CallbackRejected("unknown_transaction", "unknown_transaction", "no open transaction " + txnId));
        if (!txn.awaitsCallback()) {
            // A desktop's transaction whose number no phone picked was never sent to 粤信签 by us:
            // a callback for it means its 粤信签 link was made up or carried elsewhere.
            throw txn.channel() == FaceTransaction.Channel.CROSS_DEVICE && txn.status() == FaceTransaction.Status.OPEN
                    ? new CallbackRejected("not_matched", "not_matched", "the desktop's number was not matched on a phone")
                    : new CallbackRejected("unknown_transaction", "unknown_transaction", "no open transaction " + txnId);
        }
        if (!MessageDigest.isEqual(txn.nonce().getBytes(StandardCharsets.UTF_8),
                string(claims, "nonce").getBytes(StandardCharsets.UTF_8))) {
            throw new CallbackRejected("nonce_mismatch", "nonce_mismatch", "the nonce does not match the transaction");
        }
        if (!transactions.recordJti(jti, txnId, now, claims.getExpirationTime().toInstant().plusSeconds(3600))) {
            throw new CallbackRejected("replayed", "replayed_jti", "this callback was accepted before");
        }
        TrustLevel level = TrustLevel.named(string(claims, "trust_level"))
                .orElseThrow(() -> new CallbackRejected("invalid_claims", "trust_level_unknown", "trust_level is not one the protocol names"));
        if ("verified".equals(string(claims, "outcome")) && !level.makesSession()) {
            // Only L4 is a face check; a lower level vouches for less than a face session claims.
            transactions.markFailed(txnId);
            log.warn("face callback accepted as failed: txn={} trust_level={} is below L4", txnId, level);
            audit.record(AuditEntry.callbackAccepted("failed", null, level.name()));
            audit.record(AuditEntry.loginFailed(AuditEntry.Door.FACE, "trust_level_below_l4", null));
        } else if ("verified".equals(string(claims, "outcome"))) {
            String name = string(claims, "name");
            String idType = string(claims, "id_type");
            if (!"resident_id".equals(idType) || name.isBlank() || name.length() > 50) {
                throw new CallbackRejected("invalid_claims", "identity_malformed", "the verified identity is malformed");
            }
            IdNumber idNumber = residentId(string(claims, "id_number"));
            String subject = protector.subjectFor("p", idType + ":" + idNumber.value());
            transactions.markVerified(txnId, Instant.ofEpochSecond(number(claims, "verified_at")),
                    subject, name, idType, protector.seal(idNumber, ID_NUMBER), idNumber.masked(), level.name());
            log.info("face callback accepted: txn={} outcome=verified person={}", txnId, idNumber);
            audit.record(AuditEntry.callbackAccepted("verified", subject, level.name()));
        } else {
            transactions.markFailed(txnId);
            log.info("face callback accepted: txn={} outcome=failed", txnId);
            audit.record(AuditEntry.callbackAccepted("failed", null, level.name()));
            audit.record(AuditEntry.loginFailed(AuditEntry.Door.FACE, "face_check_failed", null));
        }
    }

    /**
     * Status for the desktop page that waits for the phone; only its own browser may ask. One of the
     * {@link FaceTransaction.Status} names in lower case, or {@code expired}; null for no such transaction.
     */
    String status(String txnId, String browserBinding) {
        return transactions.find(txnId)
                .filter(t -> browserBinding != null && MessageDigest.isEqual(t.browserBindingHash(), sha256(browserBinding)))
                .map(t -> t.isExpired(clock.instant()) && (t.status() == FaceTransaction.Status.OPEN
                        || t.status() == FaceTransaction.Status.MATCHED) ? "expired"
                        : t.status().name().toLowerCase(java.util.Locale.ROOT))
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
            throw new CallbackRejected("invalid_claims", "id_number_refused", "the verified ID number is refused: " + e.code());
        }
    }

    private static String string(JWTClaimsSet c, String name) {
        try {
            String v = c.getStringClaim(name);
            if (v == null) {
                throw new CallbackRejected("invalid_claims", "claim_missing", "claim " + name + " is missing");
            }
            return v;
        } catch (ParseException e) {
            throw new CallbackRejected("invalid_claims", "claim_malformed", "claim " + name + " is not a string");
        }
    }

    private static long number(JWTClaimsSet c, String name) {
        Object v = c.getClaim(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new CallbackRejected("invalid_claims", "claim_malformed", "claim " + name + " is not a number");
    }

    static String random() {
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

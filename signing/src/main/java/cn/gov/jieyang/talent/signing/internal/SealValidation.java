package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.ChainStatus;
import cn.gov.jieyang.talent.signing.SubIndication;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Judges the seal's chain as ETSI EN 319 102-1 does with proof of existence (POE), where the only
 * POE this package can carry is a valid signature time-stamp:
 * <ul>
 *   <li>with a POE, the chain and revocation are judged at the POE (the time-stamp's genTime): a
 *       seal that has expired since, or was revoked after the POE, does not matter;</li>
 *   <li>without one, the signing time is only the signer's claim: the chain is judged at it, but once
 *       the seal has expired at the validation time the answer is INDETERMINATE / OUT_OF_BOUNDS_NO_POE
 *       (the signature could have been made at any time), and a revocation before the validation time
 *       is INDETERMINATE / REVOKED_NO_POE;</li>
 *   <li>either way, a claimed signing time on or after the revocation is TOTAL_FAILED / REVOKED: the
 *       signature itself says it was made with a revoked key.</li>
 *   <li>a seal that does not chain to a trust anchor is, whatever the time, INDETERMINATE /
 *       NO_CERTIFICATE_CHAIN_FOUND.</li>
 * </ul>
 */
final class SealValidation {

    /** The chain's status, the problem to report (or null when it passes) and the chain. */
    record Outcome(ChainStatus status, SubIndication problem, String message, List<String> chain) {
    }

    private SealValidation() {
    }

    static Outcome judge(X509Certificate seal, Collection<X509Certificate> pool, Collection<X509CRL> crls,
                         VerifyContext context, Instant claimed, Instant poe) {
        Instant validation = context.validationTime();
        if (poe == null && !ChainValidator.validAt(seal, validation)) {
            // Out of bounds only says "could have been made at any time" of a seal the auditor trusts.
            // A seal of a CA nobody trusts is refused whatever the time (EN 319 102-1 builds the chain
            // first): otherwise a forger's not-yet-valid certificate would pass as a harmless old one.
            Instant inBounds = claimed != null && ChainValidator.validAt(seal, claimed)
                    ? claimed : seal.getNotBefore().toInstant();
            ChainValidator.Result anchored = ChainValidator.validate(seal, pool, crls, context.anchors(), inBounds);
            if (anchored.status() == ChainStatus.NO_TRUST_ANCHOR || anchored.status() == ChainStatus.UNTRUSTED) {
                return new Outcome(anchored.status(), SubIndication.NO_CERTIFICATE_CHAIN_FOUND, anchored.message(),
                        List.of());
            }
            boolean expired = seal.getNotAfter().toInstant().isBefore(validation);
            return new Outcome(ChainStatus.EXPIRED, SubIndication.OUT_OF_BOUNDS_NO_POE, "the seal certificate "
                    + (expired ? "expired on " + seal.getNotAfter().toInstant() : "is not yet valid")
                    + ", before the validation time " + validation + ", and no valid time-stamp proves the "
                    + "signature existed while it was valid: it could have been made at any time", List.of());
        }
        Instant at = poe != null ? poe : claimed;
        String when = poe != null ? "the time-stamp's time " + poe : "the claimed signing time " + claimed;
        ChainValidator.Result r = ChainValidator.validate(seal, pool, crls, context.anchors(), at);
        SubIndication problem = switch (r.status()) {
            case VALID, NOT_CHECKED, EXPIRED, REVOKED -> null;
            case NOT_ALLOWED_TO_SIGN -> SubIndication.CHAIN_CONSTRAINTS_FAILURE;
            case NOT_VALID_AT_SIGNING_TIME -> SubIndication.OUT_OF_BOUNDS_NO_POE;
            case NO_REVOCATION_INFO -> SubIndication.TRY_LATER;
            case NO_TRUST_ANCHOR, UNTRUSTED -> SubIndication.NO_CERTIFICATE_CHAIN_FOUND;
        };
        if (problem != null) {
            String message = r.status() == ChainStatus.NOT_VALID_AT_SIGNING_TIME
                    ? "the seal certificate was not valid at " + when : r.message();
            return new Outcome(r.status(), problem, message, r.chain());
        }
        for (ChainValidator.Revocation rev : r.revocations()) {
            Instant revokedAt = rev.revokedAt();
            if (revokedAt.isAfter(validation) || (poe != null && poe.isBefore(revokedAt))) {
                continue; // revoked after the validation time, or after what the time-stamp proves
            }
            if (claimed != null && !revokedAt.isAfter(claimed)) {
                return new Outcome(ChainStatus.REVOKED, SubIndication.REVOKED, rev.subject() + " was revoked on "
                        + revokedAt + ", and the signature claims to have been made after that, at " + claimed,
                        r.chain());
            }
            return new Outcome(ChainStatus.REVOKED, rev.position() == 0 ? SubIndication.REVOKED_NO_POE
                    : SubIndication.REVOKED_CA_NO_POE, rev.subject() + " was revoked on " + revokedAt
                    + ", and no valid time-stamp proves the signature existed before that", r.chain());
        }
        return new Outcome(ChainStatus.VALID, null, r.message() + " at " + when, r.chain());
    }
}

package cn.gov.jieyang.talent.portal.sealing;

import cn.gov.jieyang.talent.signing.DetachedSigner;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Seals the bytes of a document the portal issues, such as the auditor's PDF verification report, with
 * the bureau's seal: a detached CAdES signature (the seal CA's CRL embedded) and, when a TSA is
 * configured, its time-stamp. A report is evidence about a package, not the package itself: when the
 * TSA fails it is sealed without the time-stamp and a WARN says so, rather than leaving the auditor
 * with no report at all.
 */
@Service
public class ReportSealer {

    private static final Logger log = LoggerFactory.getLogger(ReportSealer.class);

    private final DetachedSigner stamped;
    private final DetachedSigner unstamped;
    private final SealKey seal;

    /**
     * Creates the sealer.
     *
     * @param seal  the bureau's seal
     * @param tsa   the time-stamping authority, if any
     * @param clock the clock the TSA's time is compared with
     */
    @Autowired
    public ReportSealer(SealKey seal, TimeStampProperties tsa, Clock clock) {
        this(seal, tsa.enabled() ? TimeStampSource.http(tsa.url(), tsa.timeout()) : null, clock);
    }

    /**
     * Creates a sealer with a given TSA (tests: an in-process one).
     *
     * @param seal  the bureau's seal
     * @param tsa   the time-stamping authority, or null for none
     * @param clock the clock
     */
    public ReportSealer(SealKey seal, TimeStampSource tsa, Clock clock) {
        this.seal = seal;
        DetachedSigner.Builder plain = DetachedSigner.builder(seal.signingKey()).clock(clock);
        seal.crl().ifPresent(plain::crl);
        this.unstamped = plain.build();
        if (tsa == null) {
            this.stamped = null;
        } else {
            DetachedSigner.Builder withTsa = DetachedSigner.builder(seal.signingKey()).clock(clock).timeStampSource(tsa);
            seal.crl().ifPresent(withTsa::crl);
            this.stamped = withTsa.build();
        }
    }

    /**
     * Signs a document's bytes.
     *
     * @param content the bytes (for a PDF: its signed byte range)
     * @param at      the signing time
     * @return the DER CMS SignedData
     */
    public byte[] sign(byte[] content, Instant at) {
        if (stamped != null) {
            try {
                return stamped.sign(content, at);
            } catch (SigningException e) {
                if (e.reason() != SigningException.Reason.TIME_STAMP_FAILURE) {
                    throw e;
                }
                log.warn("Report sealed without a time-stamp: the TSA failed ({})", e.getMessage());
            }
        }
        return unstamped.sign(content, at);
    }

    /** @return the seal's subject, as the PDF signature's name */
    public String signerName() {
        return seal.subject();
    }
}

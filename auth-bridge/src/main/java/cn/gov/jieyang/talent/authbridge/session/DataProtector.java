package cn.gov.jieyang.talent.authbridge.session;

import cn.gov.jieyang.talent.dataprotection.DataKey;
import cn.gov.jieyang.talent.dataprotection.KeyRing;
import cn.gov.jieyang.talent.dataprotection.KeyedHash;
import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import cn.gov.jieyang.talent.identity.IdNumber;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The bridge's personal data at rest, through the {@code data-protection} library: verified ID numbers
 * sealed (one purpose per table, so a value copied between tables does not open), and a keyed hash that
 * turns an identity into a stable subject without revealing it.
 *
 * <p>The sealing keys are {@code bridge.session.data-key} and, for values sealed before a rotation,
 * {@code bridge.session.previous-data-keys}. Subjects are hashed under {@code bridge.session.subject-key},
 * by default the data key: a subject must never change (the portal keys its records by it), so rotating
 * the data key first pins the subject key to the old value.
 */
@Component
public class DataProtector {

    private static final Purpose SUBJECT = Purpose.of("bridge.subject");
    /** Bytes of the hash in a subject (32 hex digits): 128 bits, no collision among any number of people. */
    private static final int SUBJECT_BYTES = 16;

    private final Sealer sealer;
    private final KeyedHash subjects;

    DataProtector(SessionProperties properties) {
        KeyRing ring = KeyRing.fromBase64(properties.dataKey(), "bridge.session.data-key (BRIDGE_SESSION_DATA_KEY)",
                properties.previousDataKeys(),
                "bridge.session.previous-data-keys (BRIDGE_SESSION_PREVIOUS_DATA_KEYS)");
        this.sealer = new Sealer(ring);
        this.subjects = new KeyedHash(properties.subjectKey() == null || properties.subjectKey().isBlank()
                ? ring.current()
                : DataKey.fromBase64(properties.subjectKey(), "bridge.session.subject-key (BRIDGE_SESSION_SUBJECT_KEY)"));
    }

    /**
     * Seals a verified ID number for storage in a {@code bytea} column.
     *
     * @param idNumber the number
     * @param purpose  where it is stored, e.g. {@code bridge-session.id-number}
     * @return the sealed value's ASCII bytes
     */
    public byte[] seal(IdNumber idNumber, Purpose purpose) {
        return sealer.sealText(purpose, idNumber.value()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Opens what {@link #seal} stored for the same purpose. The bridge only ever stores face-verified
     * resident ID numbers.
     *
     * @param sealed  the stored bytes
     * @param purpose the purpose they were sealed for
     * @return the number
     * @throws cn.gov.jieyang.talent.dataprotection.DataProtectionException if they do not open
     */
    public IdNumber openResidentId(byte[] sealed, Purpose purpose) {
        return IdNumber.residentId(sealer.openText(purpose, new String(sealed, StandardCharsets.US_ASCII)));
    }

    /**
     * Seals a secret text (an upstream token) for a {@code text} column.
     *
     * @param text    the text
     * @param purpose where it is stored
     * @return the sealed value
     */
    public String seal(String text, Purpose purpose) {
        return sealer.sealText(purpose, text);
    }

    /**
     * Opens what {@link #seal(String, Purpose)} stored for the same purpose.
     *
     * @param sealed  the stored value
     * @param purpose the purpose it was sealed for
     * @return the text
     * @throws cn.gov.jieyang.talent.dataprotection.DataProtectionException if it does not open
     */
    public String open(String sealed, Purpose purpose) {
        return sealer.openText(purpose, sealed);
    }

    /**
     * A stable pseudonymous subject for an identity: the same input always gives the same subject,
     * and the subject reveals nothing of the input without the key.
     *
     * @param prefix   a short type prefix, e.g. "p" (person) or "e" (enterprise)
     * @param identity the identity, e.g. "resident_id:445202199001011234"
     * @return e.g. {@code p-3f2a...} (32 hex digits after the prefix)
     */
    public String subjectFor(String prefix, String identity) {
        return prefix + "-" + HexFormat.of().formatHex(subjects.hash(SUBJECT, identity), 0, SUBJECT_BYTES);
    }
}

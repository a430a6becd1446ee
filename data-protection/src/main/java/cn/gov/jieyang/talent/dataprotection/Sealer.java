package cn.gov.jieyang.talent.dataprotection;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Seals data at rest, the one way this project does: a compact JWE (RFC 7516) made and read by Nimbus
 * JOSE+JWT, with
 * <pre>
 * {"alg":"dir","enc":"A256GCM","typ":"sealed-v1+jwe","kid":"&lt;key id&gt;","purpose":"&lt;purpose&gt;","crit":["purpose"]}
 * </pre>
 * <ul>
 * <li>{@code typ} names the format version: a later format gets another {@code typ}, and this one is
 *     refused rather than guessed at;</li>
 * <li>{@code kid} names the key of the {@link KeyRing} that sealed it, so keys can rotate and older
 *     values still open;</li>
 * <li>{@code purpose} is bound as authenticated data: JWE authenticates the whole protected header (it
 *     is A256GCM's associated data), so a value cannot be opened for another purpose, nor its header
 *     edited to claim one. {@code crit} makes any other JOSE library that does not check the purpose
 *     refuse the value instead of ignoring the parameter.</li>
 * </ul>
 * A256GCM takes a fresh random 96-bit IV per value (Nimbus draws it from {@code SecureRandom}): safe for
 * about 2^32 values per key (NIST SP 800-38D), far more than one key seals between rotations here.
 *
 * <p>Immutable and thread-safe. No method logs, and no exception message contains a plaintext or a key.
 */
public final class Sealer {

    /** The {@code typ} of format version 1. */
    public static final String FORMAT = "sealed-v1+jwe";
    /** The protected header parameter carrying the purpose. */
    public static final String PURPOSE_HEADER = "purpose";

    private static final JOSEObjectType FORMAT_TYPE = new JOSEObjectType(FORMAT);
    private static final Set<String> CRITICAL = Set.of(PURPOSE_HEADER);
    /** Our kids are 12 base64url characters; anything else is not echoed into a message. */
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,43}");

    private final KeyRing ring;

    /**
     * A sealer over a key ring.
     *
     * @param ring the keys: the current one seals, all of them open
     */
    public Sealer(KeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /**
     * Seals bytes under the current key. Sealing the same bytes twice gives different text (random IV).
     *
     * @param purpose   what the value is for; the same purpose must be given to {@link #open}
     * @param plaintext the bytes
     * @return the compact JWE: ASCII, URL-safe
     */
    public String seal(Purpose purpose, byte[] plaintext) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(plaintext, "plaintext");
        DataKey key = ring.current();
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .type(FORMAT_TYPE).keyID(key.kid())
                .customParam(PURPOSE_HEADER, purpose.name()).criticalParams(CRITICAL)
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(plaintext));
        try {
            jwe.encrypt(new DirectEncrypter(key.encryptionKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("A256GCM encryption failed", e);
        }
        return jwe.serialize();
    }

    /**
     * Seals text (UTF-8) under the current key.
     *
     * @param purpose   what the value is for
     * @param plaintext the text
     * @return the compact JWE
     */
    public String sealText(Purpose purpose, String plaintext) {
        return seal(purpose, Objects.requireNonNull(plaintext, "plaintext").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens what {@link #seal} made for the same purpose, under whichever key of the ring its kid names.
     *
     * @param purpose what the value must have been sealed for
     * @param sealed  the compact JWE
     * @return the bytes
     * @throws DataProtectionException {@code NOT_SEALED}, {@code UNSUPPORTED_FORMAT},
     *                                 {@code WRONG_PURPOSE}, {@code UNKNOWN_KEY} or {@code NOT_AUTHENTIC}
     */
    public byte[] open(Purpose purpose, String sealed) {
        Objects.requireNonNull(purpose, "purpose");
        JWEObject jwe = parse(purpose, sealed);
        JWEHeader header = jwe.getHeader();
        // Cheap checks first and with clear messages; the decryption below authenticates all of them.
        if (!JWEAlgorithm.DIR.equals(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                || !FORMAT_TYPE.equals(header.getType()) || header.getCompressionAlgorithm() != null
                || !CRITICAL.equals(header.getCriticalParams())) {
            throw new DataProtectionException(DataProtectionException.Reason.UNSUPPORTED_FORMAT, "a value for "
                    + purpose + " is not of the format " + FORMAT + " (dir, A256GCM, crit purpose)");
        }
        if (!purpose.name().equals(header.getCustomParam(PURPOSE_HEADER))) {
            throw new DataProtectionException(DataProtectionException.Reason.WRONG_PURPOSE,
                    "the value was sealed for another purpose than " + purpose);
        }
        String kid = header.getKeyID();
        DataKey key = ring.find(kid).orElseThrow(() -> new DataProtectionException(
                DataProtectionException.Reason.UNKNOWN_KEY, "a value for " + purpose + " was sealed under "
                + (kid != null && KID.matcher(kid).matches() ? "key id " + kid : "an unnamed key")
                + ", which is not among the configured keys " + ring.kids() + ": " + ring.howToAddAnOlderKey()));
        try {
            jwe.decrypt(new DirectDecrypter(key.encryptionKey(), CRITICAL));
        } catch (JOSEException e) {
            // Not chained: nothing in the cause helps, and a tag mismatch is all there is to say.
            throw new DataProtectionException(DataProtectionException.Reason.NOT_AUTHENTIC, "a value for " + purpose
                    + " does not authenticate under key id " + kid + ": it was altered after sealing");
        }
        return jwe.getPayload().toBytes();
    }

    /**
     * Opens sealed text (UTF-8).
     *
     * @param purpose what the value must have been sealed for
     * @param sealed  the compact JWE
     * @return the text
     * @throws DataProtectionException as {@link #open}
     */
    public String openText(Purpose purpose, String sealed) {
        return new String(open(purpose, sealed), StandardCharsets.UTF_8);
    }

    private static JWEObject parse(Purpose purpose, String sealed) {
        if (sealed == null) {
            throw notSealed(purpose);
        }
        try {
            return JWEObject.parse(sealed);
        } catch (ParseException e) {
            throw notSealed(purpose);
        }
    }

    private static DataProtectionException notSealed(Purpose purpose) {
        return new DataProtectionException(DataProtectionException.Reason.NOT_SEALED,
                "a value for " + purpose + " is not a sealed value (a compact JWE of format " + FORMAT + ")");
    }
}

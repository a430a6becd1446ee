package cn.gov.jieyang.talent.dataprotection;

import cn.gov.jieyang.talent.dataprotection.internal.Derivation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A keyed hash, HMAC-SHA256 under a key derived from a {@link DataKey} separately from its encryption
 * key: deterministic, so it can back a unique index or a stable pseudonym, and without the key it cannot
 * be recomputed. Needed because identity numbers have so little entropy (a region, a birth date, three
 * digits) that a plain SHA-256 of one could be reversed by trying every plausible number.
 *
 * <p>The input is the purpose's name, a zero byte (which no purpose name contains), then the value in
 * UTF-8: a hash made for one purpose says nothing about the same value under another.
 *
 * <p>A keyed hash does not rotate with the sealing keys: a new key gives every value a new hash, so
 * whoever stores hashes must keep the key they were made with (the applications configure it apart
 * from their sealing key ring for that reason). Immutable and thread-safe.
 */
public final class KeyedHash {

    /** Bytes in a hash. */
    public static final int LENGTH = 32;

    private final DataKey key;

    /**
     * A keyed hash under a key.
     *
     * @param key the key; only its derived hash key is used
     */
    public KeyedHash(DataKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Hashes a value for a purpose.
     *
     * @param purpose what the hash is for
     * @param value   the value, e.g. {@code RESIDENT_ID:44520219851231123X}
     * @return 32 bytes
     */
    public byte[] hash(Purpose purpose, String value) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(value, "value");
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(purpose.name().getBytes(StandardCharsets.US_ASCII));
        input.write(0);
        input.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        return Derivation.hmac(key.hashKey(), input.toByteArray());
    }

    /** @return the key's kid only */
    @Override
    public String toString() {
        return "KeyedHash[kid=" + key.kid() + "]";
    }
}

package cn.gov.jieyang.talent.dataprotection;

import java.util.Objects;

/**
 * A key was refused, or a sealed value could not be opened. The one exception of this library.
 *
 * <p>{@link #reason()} is stable. The message names the setting or purpose concerned and what to do, and
 * <em>never</em> contains a key, a derived key or a plaintext: exceptions are logged.
 */
public final class DataProtectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No key was configured (null or blank). */
        KEY_MISSING,
        /** The configured key is not base64. */
        KEY_NOT_BASE64,
        /** The configured key does not decode to exactly 32 bytes. */
        KEY_WRONG_LENGTH,
        /** The configured key is obviously not random (all bytes equal): a placeholder. */
        KEY_WEAK,
        /** A purpose name is empty, too long or has characters outside {@code A-Z a-z 0-9 . _ : / -}. */
        INVALID_PURPOSE,
        /** The text is not a compact JWE at all. */
        NOT_SEALED,
        /** A JWE, but not of the sealed format this version writes (typ, alg, enc, crit). */
        UNSUPPORTED_FORMAT,
        /** Sealed for another purpose than the one it is being opened for. */
        WRONG_PURPOSE,
        /** Sealed under a key id that is not in the key ring. */
        UNKNOWN_KEY,
        /** Does not authenticate under the key its kid names: altered after sealing. */
        NOT_AUTHENTIC
    }

    private final Reason reason;

    /**
     * Package-private: only this package decides what is refused.
     *
     * @param reason  why
     * @param message what failed and what to do, never a key or a plaintext
     */
    DataProtectionException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns the stable reason.
     *
     * @return why the key or value was refused
     */
    public Reason reason() {
        return reason;
    }
}

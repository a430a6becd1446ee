package cn.gov.jieyang.talent.keycloakcaptcha.internal;

/**
 * The accessible path: SHA-256(puzzle + ":" + nonce) must start with {@code difficulty} zero bits. The
 * person's browser finds the nonce (theme script {@code js/captcha-pow.js}); nothing to read, type,
 * remember or solve.
 */
public final class ProofOfWork {

    private static final int MAX_NONCE_LENGTH = 32;

    private ProofOfWork() {
    }

    /**
     * Checks a nonce.
     *
     * @param puzzle     the challenge's puzzle
     * @param nonce      what the browser sent (decimal digits)
     * @param difficulty leading zero bits required
     * @return true when the hash has enough leading zero bits
     */
    public static boolean verify(String puzzle, String nonce, int difficulty) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH || !nonce.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return leadingZeroBits(Challenge.sha256(puzzle + ":" + nonce)) >= difficulty;
    }

    /**
     * Finds a nonce, as the browser does (tests, and a person's own tools).
     *
     * @param puzzle     the puzzle
     * @param difficulty leading zero bits
     * @return the first nonce that works
     */
    public static String solve(String puzzle, int difficulty) {
        for (long nonce = 0; ; nonce++) {
            if (leadingZeroBits(Challenge.sha256(puzzle + ":" + nonce)) >= difficulty) {
                return Long.toString(nonce);
            }
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }
}

package cn.gov.jieyang.talent.authbridge.face;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels 粤信签 names in a callback's {@code trust_level}, and what each is worth here. The table
 * is the whole policy (docs/yuexinqian-protocol.md repeats it): only a face check consistent with
 * name and ID number (L4) makes a face session, and its {@code acr} says exactly that. A verified
 * callback at a lower level is recorded as a failed check rather than refused, so that both devices
 * are told the truth and 粤信签 does not retry; a level the protocol does not name is refused.
 */
enum TrustLevel {

    /** Self-declared; vouches for nobody. */
    L1(null),
    /** Checked against a register by name and number only. */
    L2(null),
    /** A document check without the face. */
    L3(null),
    /** A real person whose face is consistent with the registered name and ID number. */
    L4(cn.gov.jieyang.talent.authbridge.session.Acr.FACE_VERIFIED);

    private final String acr;

    TrustLevel(String acr) {
        this.acr = acr;
    }

    /** @return the level named exactly (case matters, as in the protocol), if the protocol names it */
    static Optional<TrustLevel> named(String value) {
        return Arrays.stream(values()).filter(l -> l.name().equals(value)).findFirst();
    }

    /** @return whether a verified callback at this level makes a session */
    boolean makesSession() {
        return acr != null;
    }

    /** @return the session's {@code acr}; only for a level that {@linkplain #makesSession() makes one} */
    String acr() {
        if (acr == null) {
            throw new IllegalStateException(name() + " makes no session");
        }
        return acr;
    }
}

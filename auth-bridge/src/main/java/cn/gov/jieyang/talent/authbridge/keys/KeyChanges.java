package cn.gov.jieyang.talent.authbridge.keys;

/**
 * Told of every change to the signing keys, inside the transaction that makes it (so the record of a
 * rotation exists exactly when the rotation does). The audit trail implements it; the keys know
 * nothing of it.
 */
public interface KeyChanges {

    /** Nobody listens (the keys' own tests). */
    KeyChanges NONE = (how, activeKid, nextKid) -> { };

    /**
     * The keys changed.
     *
     * @param how       {@code created} (a missing active or next key was made) or {@code rotated}
     * @param activeKid the key that signs now
     * @param nextKid   the key published to become active next
     */
    void changed(String how, String activeKid, String nextKid);
}

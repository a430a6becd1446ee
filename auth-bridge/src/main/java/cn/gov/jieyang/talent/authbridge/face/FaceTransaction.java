package cn.gov.jieyang.talent.authbridge.face;

import java.time.Instant;

/**
 * A 粤信签 login transaction as stored; the ID number stays encrypted in the row.
 *
 * @param channel          same device (a phone that goes to 粤信签 itself) or cross device (a desktop QR)
 * @param matchNumber      the number the desktop shows and the phone must pick (cross device only)
 * @param phoneBindingHash SHA-256 of the cookie given to the phone that picked the number
 * @param requestedBy      the name of the relying party the person is signing in to
 * @param device           what opened the transaction, as {@link DeviceDescription} codes
 * @param sessionId        the bridge session the transaction became, once completed
 */
record FaceTransaction(String id, String state, String nonce, byte[] browserBindingHash, Status status,
                       Instant createdAt, Instant expiresAt, String subject, String name, String idNumberMasked,
                       Channel channel, Integer matchNumber, byte[] phoneBindingHash, String requestedBy,
                       String device, String sessionId) {

    /**
     * Where a transaction is. {@code MATCHED}: the phone picked the desktop's number and went on to
     * 粤信签. {@code MISMATCHED}: it picked another (one try only). {@code STOPPED}: the person said it
     * was not them, or the return from 粤信签 landed in a browser that holds neither binding.
     */
    enum Status { OPEN, MATCHED, VERIFIED, FAILED, CANCELLED, MISMATCHED, STOPPED, COMPLETED }

    /** Whether the browser that opened the transaction also goes to 粤信签. */
    enum Channel { SAME_DEVICE, CROSS_DEVICE }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Open to a 粤信签 callback: a desktop's transaction only once its number was matched. */
    boolean awaitsCallback() {
        return channel == Channel.CROSS_DEVICE ? status == Status.MATCHED : status == Status.OPEN;
    }
}

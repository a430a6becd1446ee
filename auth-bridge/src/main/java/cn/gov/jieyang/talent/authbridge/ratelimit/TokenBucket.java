package cn.gov.jieyang.talent.authbridge.ratelimit;

/** A token bucket: {@code burst} tokens, refilled at {@code perSecond}; one token per request. */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /**
     * @param now {@link System#nanoTime()}
     * @return 0 when the request may go on, else the nanoseconds until it could
     */
    synchronized long take(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}

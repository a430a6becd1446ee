/**
 * Rate limits on the endpoints anyone can call: a token bucket per client on the token endpoints, per
 * address on the 粤信签 callback and the login pages; an exhausted bucket answers 429 with
 * {@code Retry-After} before any other work is done.
 */
package cn.gov.jieyang.talent.authbridge.ratelimit;

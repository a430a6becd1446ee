package cn.gov.jieyang.talent.mockyxq.callback;

import cn.gov.jieyang.talent.mockyxq.MockYuexinqianProperties.App;
import cn.gov.jieyang.talent.mockyxq.person.Person;
import java.time.Instant;

/**
 * The outcome of one face check, to be told to the app that asked for it.
 *
 * @param person     who was checked; their identity goes into the callback only when verified
 * @param verifiedAt when the face check happened
 */
public record VerificationResult(App app, String txn, String nonce, Outcome outcome, Person person, Instant verifiedAt) {

    public enum Outcome {
        VERIFIED("verified"),
        FAILED("failed");

        private final String claim;

        Outcome(String claim) {
            this.claim = claim;
        }

        /** The value of the {@code outcome} claim. */
        public String claim() {
            return claim;
        }
    }

    /** No nonce and no full ID number in logs. */
    @Override
    public String toString() {
        return "VerificationResult[app=" + app.appId() + ", txn=" + txn + ", outcome=" + outcome.claim()
                + ", person=" + person.maskedIdNumber() + "]";
    }
}

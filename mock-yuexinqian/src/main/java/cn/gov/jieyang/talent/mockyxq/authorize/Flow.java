package cn.gov.jieyang.talent.mockyxq.authorize;

import java.time.Instant;

/**
 * One person's way through the pages for one authorization request. Immutable: the store swaps
 * whole values, so two clicks racing on one flow cannot both win.
 *
 * @param personId set once the person is known (cookie or first-time form)
 */
record Flow(String id, AuthorizationRequest request, Step step, String personId, Instant expiresAt) {

    enum Step {
        /** The consent page is showing. */
        CONSENT,
        /** The first-time form is showing. */
        IDENTIFY,
        /** The face check is showing; {@code personId} is set. */
        FACE
    }

    Flow at(Step next, String nextPersonId) {
        return new Flow(id, request, next, nextPersonId, expiresAt);
    }
}

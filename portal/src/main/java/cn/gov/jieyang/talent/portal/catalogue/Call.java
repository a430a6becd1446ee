package cn.gov.jieyang.talent.portal.catalogue;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One year's call (申报通知) of a service whose time limit is "per that year's call"
 * (以当年申报通知为准): when applications are taken, the notice that says so, and the time limit the notice
 * sets for handling an accepted case. Stored in {@code catalogue_call} (migration V11).
 *
 * @param opensOn      the first day applications are taken (China time)
 * @param closesOn     the last day applications are taken, or null while the bureau has not closed it
 * @param noticeTitle  the notice's title, or null
 * @param noticeUrl    where the notice is published (http or https), or null
 * @param workingDays  the handling limit the notice sets, in working days from acceptance, or null when it
 *                     sets none
 */
public record Call(LocalDate opensOn, LocalDate closesOn, String noticeTitle, URI noticeUrl, Integer workingDays) {

    /**
     * Checks the parts.
     *
     * @param opensOn     first day
     * @param closesOn    last day, not before the first, or null
     * @param noticeTitle not blank, or null
     * @param noticeUrl   absolute http(s), or null
     * @param workingDays positive, or null
     * @throws IllegalArgumentException if a part is malformed
     */
    public Call {
        Objects.requireNonNull(opensOn, "opensOn");
        if (closesOn != null && closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("a call closes before it opens: " + opensOn + " to " + closesOn);
        }
        if (noticeTitle != null) {
            Codes.text("notice title", noticeTitle);
        }
        if (noticeUrl != null && !"http".equals(noticeUrl.getScheme()) && !"https".equals(noticeUrl.getScheme())) {
            throw new IllegalArgumentException("a notice link must be http(s): " + noticeUrl);
        }
        if (workingDays != null && workingDays <= 0) {
            throw new IllegalArgumentException("working days must be positive: " + workingDays);
        }
    }

    /**
     * A call open from a day until the bureau closes it, with no notice on record.
     *
     * @param opensOn the first day
     * @return the call
     */
    public static Call openFrom(LocalDate opensOn) {
        return new Call(opensOn, null, null, null, null);
    }

    /**
     * Whether applications are taken on a day: from the opening day to the closing day, both included.
     *
     * @param day a day in China
     * @return true inside the window
     */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && (closesOn == null || !day.isAfter(closesOn));
    }

    /**
     * Whether the call had closed by a day (so "closed on …" can be said).
     *
     * @param day a day in China
     * @return true after the closing day
     */
    public boolean closedBy(LocalDate day) {
        return closesOn != null && day.isAfter(closesOn);
    }
}

package cn.gov.jieyang.talent.portal.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The portal's one time zone. Jieyang keeps China Standard Time: every date and time shown to people,
 * every reference's date, every deadline's working day and every "today" is taken in this zone,
 * whatever zone the server runs in; instants are stored in UTC.
 */
public final class ChinaTime {

    /** Asia/Shanghai (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    /**
     * The wall-clock time in China at an instant, for display.
     *
     * @param at the instant, or null
     * @return the local date and time in {@link #ZONE}, or null for null (e.g. not yet submitted)
     */
    public static LocalDateTime localDateTime(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZONE);
    }
}

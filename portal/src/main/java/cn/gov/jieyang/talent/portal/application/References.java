package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Makes application references such as {@code JYRC-20261125-4F7K2Q}: the day in China and six random
 * base32 characters (30 bits), unguessable enough that a reference read aloud reveals nothing else.
 */
final class References {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    static String next(Clock clock) {
        StringBuilder ref = new StringBuilder("JYRC-").append(LocalDate.now(clock.withZone(ChinaTime.ZONE)).format(DAY))
                .append('-');
        for (int i = 0; i < 6; i++) {
            ref.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return ref.toString();
    }
}

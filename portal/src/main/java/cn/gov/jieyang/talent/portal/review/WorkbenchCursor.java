package cn.gov.jieyang.talent.portal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a page of the workbench ended: the last case's place in the list's order (due day, cases without
 * one last; since when in its state; id). The next page starts after it, through the index (keyset paging,
 * V14), however deep the list goes. Written into links as {@code <due day or ->~<epoch micros>~<id>}.
 *
 * @param dueOn  the last case's due day, or null (none)
 * @param since  when it entered its state (microseconds, as stored)
 * @param caseId its id
 */
record WorkbenchCursor(LocalDate dueOn, Instant since, UUID caseId) {

    private static final Pattern FORM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}|-)~(-?\\d{1,19})~([0-9a-f-]{36})");

    static WorkbenchCursor parse(String raw) {
        if (raw == null || raw.length() > 80 || !FORM.matcher(raw).matches()) {
            return null;
        }
        String[] parts = raw.split("~");
        try {
            long micros = Long.parseLong(parts[1]);
            return new WorkbenchCursor("-".equals(parts[0]) ? null : LocalDate.parse(parts[0]),
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        long micros = Math.multiplyExact(since.getEpochSecond(), 1_000_000L) + since.getNano() / 1000;
        return (dueOn == null ? "-" : dueOn.toString()) + "~" + micros + "~" + caseId;
    }
}

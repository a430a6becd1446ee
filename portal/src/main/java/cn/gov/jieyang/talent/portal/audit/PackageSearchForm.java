package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.audit.PackagesOnRecord.PackageQuery;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The auditor's package search as typed, checked into a {@link PackageQuery} or into the list of what is
 * wrong with it (message keys, each for one field). Every field is bounded before it reaches SQL.
 *
 * <p>One "applicant" box takes a name, a resident ID, a passport number or a USCI, told apart by shape:
 * 18 digits (or 17 and X) is a resident ID and must be a valid one, rather than silently searching for
 * a name; 18 letters and digits is a credit code; letters with digits is a passport number; anything
 * else is a name. An ID number is matched through the keyed lookup hash only.
 *
 * @param reference the application reference
 * @param service   the service code
 * @param from      first submission day (China time), yyyy-MM-dd
 * @param to        last submission day, inclusive
 * @param applicant name, ID number or USCI
 * @param after     the paging key of the last package shown
 */
record PackageSearchForm(String reference, String service, String from, String to, String applicant, String after) {

    static final int PAGE = 50;
    /**
     * An ID-number search lists one person's packages on one page (no paging link would carry the number);
     * nobody has this many package versions.
     */
    static final int ONE_PERSON = 200;
    private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9Xx]");
    private static final Pattern USCI = Pattern.compile("[0-9A-Za-z]{18}");
    private static final Pattern PASSPORT = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9]{5,17}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,32}");

    /** Blank fields as null, the rest trimmed. */
    PackageSearchForm {
        reference = clean(reference);
        service = clean(service);
        from = clean(from);
        to = clean(to);
        applicant = clean(applicant);
        after = clean(after);
    }

    /** Whether anything at all was asked (the page then lists the newest packages). */
    boolean isEmpty() {
        return reference == null && service == null && from == null && to == null && applicant == null;
    }

    /**
     * The query, or the errors.
     *
     * @param services the service codes that exist
     * @param errors   receives one message key per field that is wrong
     * @return the query, or null when there are errors
     */
    PackageQuery toQuery(Set<String> services, List<String> errors) {
        if (reference != null && !REFERENCE.matcher(reference).matches()) {
            errors.add("audit.packages.error.reference");
        }
        if (service != null && !services.contains(service)) {
            errors.add("audit.packages.error.service");
        }
        LocalDate fromDay = day(from, "audit.packages.error.from", errors);
        LocalDate toDay = day(to, "audit.packages.error.to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add("audit.packages.error.range");
        }
        UUID afterId = null;
        if (after != null) {
            try {
                afterId = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                errors.add("audit.packages.error.page");
            }
        }
        IdNumber id = null;
        String usci = null;
        String name = null;
        if (applicant != null) {
            try {
                if (RESIDENT_ID.matcher(applicant).matches()) {
                    id = IdNumber.residentId(applicant);
                } else if (USCI.matcher(applicant).matches()) {
                    usci = Usci.of(applicant).value();
                } else if (PASSPORT.matcher(applicant).matches()) {
                    id = IdNumber.passport(applicant);
                } else if (applicant.length() <= 100) {
                    name = applicant;
                } else {
                    errors.add("audit.packages.error.applicant");
                }
            } catch (InvalidIdentityException e) {
                errors.add("audit.packages.error.applicant");
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new PackageQuery(reference == null ? null : reference.toUpperCase(java.util.Locale.ROOT), service,
                fromDay == null ? null : fromDay.atStartOfDay(ChinaTime.ZONE).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant(),
                id, usci, name, afterId, id == null ? PAGE : ONE_PERSON);
    }

    /**
     * Whether the applicant box holds something shaped like an ID number (valid or not): such a value is
     * never echoed into the page or put into a link, and travels only in a POST body.
     */
    boolean applicantIsIdNumber() {
        return applicant != null && (RESIDENT_ID.matcher(applicant).matches()
                || (PASSPORT.matcher(applicant).matches() && !USCI.matcher(applicant).matches()));
    }

    /** The same search with the applicant box empty (what the page echoes after an ID-number search). */
    PackageSearchForm withoutApplicant() {
        return new PackageSearchForm(reference, service, from, to, null, after);
    }

    /** The same search, one page further. */
    PackageSearchForm next(UUID lastShown) {
        return new PackageSearchForm(reference, service, from, to, applicant, lastShown.toString());
    }

    private static LocalDate day(String value, String error, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(error);
            return null;
        }
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        return s.length() > 200 ? s.substring(0, 200) + "\u2026" : s;   // bounded; then refused by its rule
    }
}

package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.InvalidIdentityException;
import cn.gov.jieyang.talent.identity.Usci;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a reviewer searched for, told apart by its form: an application reference (JYRC-…), a credit code
 * (GB 32100, checked), an ID number (a resident ID card by GB 11643, or a passport number with a digit in
 * it) or else the start of the applicant's name. An ID number is never looked for in clear: it becomes its
 * keyed lookup hash ({@link IdNumberProtector#lookupHash}), which the profile's index holds, and only the
 * hash and the mask travel in links; no row is decrypted.
 *
 * @param kind   what is searched
 * @param value  the reference, credit code or name prefix; the mask for an ID number
 * @param idHash the ID number's lookup hash, for {@link Kind#ID_NUMBER} only
 */
record WorkbenchSearch(Kind kind, String value, byte[] idHash) {

    /** Longest search text read. */
    static final int MAX_LENGTH = 100;

    private static final Pattern REFERENCE = Pattern.compile("JYRC-\\d{8}-[0-9A-Z]{1,16}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MASK = Pattern.compile("[0-9A-Z*]{1,32}");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

    /** What is searched. */
    public enum Kind {
        /** An application reference. */
        REFERENCE,
        /** A unified social credit code. */
        USCI,
        /** An ID number, by its lookup hash. */
        ID_NUMBER,
        /** The start of a name. */
        NAME;

        /**
         * The message key suffix.
         *
         * @return e.g. {@code id-number}
         */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Classifies what was typed.
     *
     * @param typed     the search box, possibly null
     * @param idNumbers the lookup hash of ID numbers
     * @return the search, or null when nothing was typed
     */
    static WorkbenchSearch parse(String typed, IdNumberProtector idNumbers) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String q = typed.strip();
        q = q.substring(0, Math.min(q.length(), MAX_LENGTH));
        String upper = q.toUpperCase(Locale.ROOT);
        if (REFERENCE.matcher(upper).matches()) {
            return new WorkbenchSearch(Kind.REFERENCE, upper, null);
        }
        try {
            return new WorkbenchSearch(Kind.USCI, Usci.of(q).value(), null);
        } catch (InvalidIdentityException notACreditCode) {
            // then perhaps an ID number
        }
        IdNumber id = idNumber(q);
        if (id != null) {
            return new WorkbenchSearch(Kind.ID_NUMBER, id.masked(), idNumbers.lookupHash(id));
        }
        return new WorkbenchSearch(Kind.NAME, q, null);
    }

    /**
     * An ID-number search carried by a link: its lookup hash and mask, never the number.
     *
     * @param hashHex the hash, 64 hex digits
     * @param mask    the mask to show
     * @return the search, or null when the hash does not read
     */
    static WorkbenchSearch ofHash(String hashHex, String mask) {
        if (hashHex == null || !HASH.matcher(hashHex).matches()) {
            return null;
        }
        return new WorkbenchSearch(Kind.ID_NUMBER, mask != null && MASK.matcher(mask).matches() ? mask : "***",
                HexFormat.of().parseHex(hashHex));
    }

    private static IdNumber idNumber(String q) {
        try {
            return IdNumber.residentId(q);
        } catch (InvalidIdentityException notAResidentId) {
            // a passport then, if it has a digit (a name in Latin letters has none)
        }
        if (!HAS_DIGIT.matcher(q).matches()) {
            return null;
        }
        try {
            return IdNumber.passport(q);
        } catch (InvalidIdentityException notAPassport) {
            return null;
        }
    }

    /** The query parameters that repeat this search: an ID number only as its hash and mask. */
    Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (kind == Kind.ID_NUMBER) {
            p.put("idh", HexFormat.of().formatHex(idHash));
            p.put("idm", value);
        } else {
            p.put("q", value);
        }
        return p;
    }

    /** The name prefix as a LIKE pattern, its wildcards escaped. */
    String namePattern() {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public String toString() {
        return "WorkbenchSearch[" + kind + "]";
    }
}

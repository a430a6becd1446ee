package cn.gov.jieyang.talent.portal.profile;

/** How the name and ID number of a real-name record were established. */
public enum Verification {
    /** From a 粤信签 face-verified login: taken from the bridge, shown as is and locked. */
    FACE_VERIFIED("face_verified"),
    /** Typed in by the applicant (password individuals and enterprises): their own declaration. */
    DECLARED("declared");

    private final String column;

    Verification(String column) {
        this.column = column;
    }

    /** @return the value stored in {@code applicant_profile.verification} */
    String column() {
        return column;
    }

    static Verification fromColumn(String column) {
        for (Verification v : values()) {
            if (v.column.equals(column)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verification " + column);
    }
}

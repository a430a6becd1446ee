package cn.gov.jieyang.talent.authbridge.session;

/** Display rules for ID numbers: only ever shown masked, e.g. {@code 4452**********123X}. */
public final class IdNumbers {

    private IdNumbers() {
    }

    /**
     * Masks all but the first four and the last four characters.
     *
     * @param idNumber an ID number
     * @return the masked form
     */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() <= 8) {
            return "********";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}

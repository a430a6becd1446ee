package cn.gov.jieyang.talent.mockyxq.person;

/**
 * A person 粤信签 has met: what the face check vouches for.
 *
 * @param id       random, opaque; the value of the {@code yxq_person} cookie
 * @param idType   always {@link #RESIDENT_ID} for now
 */
public record Person(String id, String name, String idType, String idNumber) {

    /** 居民身份证, the only ID type the protocol defines. */
    public static final String RESIDENT_ID = "resident_id";

    /** Masks the ID number, so that logging a person by accident leaks nothing. */
    @Override
    public String toString() {
        return "Person[id=" + id + ", idType=" + idType + ", idNumber=" + maskedIdNumber() + "]";
    }

    public String maskedIdNumber() {
        return ResidentIdNumbers.mask(idNumber);
    }
}

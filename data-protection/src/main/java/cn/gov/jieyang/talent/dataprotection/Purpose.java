package cn.gov.jieyang.talent.dataprotection;

import java.util.regex.Pattern;

/**
 * What a sealed value or a keyed hash is for, e.g. {@code bridge-session.id-number} or
 * {@code bridge.signing-key:<kid>}. Bound into every sealed value as authenticated data and into every
 * keyed hash as input, so a value sealed (or a hash made) for one purpose is useless for another: a
 * ciphertext copied from one column, row or table into another does not open there.
 *
 * <p>A name is 1–128 characters of {@code A-Z a-z 0-9 . _ : / -}, starting with a letter or digit. It is
 * not secret (it is readable in the sealed value's header) and is part of the stored format: renaming
 * a purpose makes every value sealed for it unopenable.
 */
public final class Purpose {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    private final String name;

    private Purpose(String name) {
        this.name = name;
    }

    /**
     * A purpose by name.
     *
     * @param name the name
     * @return the purpose
     * @throws DataProtectionException {@code INVALID_PURPOSE} if the name breaks the rule above
     */
    public static Purpose of(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DataProtectionException(DataProtectionException.Reason.INVALID_PURPOSE,
                    "a purpose is 1-128 characters of A-Z a-z 0-9 . _ : / -, starting with a letter or digit");
        }
        return new Purpose(name);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** Two purposes are equal when their names are. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Purpose other && name.equals(other.name));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return the name */
    @Override
    public String toString() {
        return name;
    }
}

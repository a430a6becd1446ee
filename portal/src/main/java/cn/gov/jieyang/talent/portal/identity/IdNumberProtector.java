package cn.gov.jieyang.talent.portal.identity;

import cn.gov.jieyang.talent.dataprotection.KeyedHash;
import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.IdType;
import java.util.Objects;

/**
 * The portal's ID numbers at rest, through the {@code data-protection} library: sealed (the real-name
 * record's column and the login principal in the server-side session) and found by a keyed lookup hash,
 * so that an index can find a person by ID number without opening every row.
 *
 * <p>The document type is part of the purpose ({@code portal.id-number:RESIDENT_ID},
 * {@code portal.id-number:PASSPORT}): a passport's sealed number copied into a resident-ID row (or vice
 * versa) does not open instead of yielding a number of the wrong type. The lookup hash covers the type
 * too, so a passport and a resident ID with the same characters never collide.
 *
 * <p>Immutable and thread-safe. No method logs, and no exception message contains an ID number or key.
 */
public final class IdNumberProtector {

    private static final Purpose LOOKUP = Purpose.of("portal.id-number-lookup");

    private final Sealer sealer;
    private final KeyedHash lookup;

    /**
     * A protector over the library's sealer and keyed hash (wired from {@code portal.identity.*}).
     *
     * @param sealer seals and opens, under the ID-number key ring
     * @param lookup the keyed hash for lookups; its key must not change while records exist
     */
    public IdNumberProtector(Sealer sealer, KeyedHash lookup) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * Seals an ID number. Sealing the same number twice gives different text (random IV).
     *
     * @param id the number
     * @return the sealed value (a compact JWE: ASCII, URL-safe)
     */
    public String seal(IdNumber id) {
        Objects.requireNonNull(id, "id");
        return sealer.sealText(purpose(id.type()), id.value());
    }

    /**
     * Opens what {@link #seal} made for a number of this type, and checks the number again.
     *
     * @param sealed the sealed value
     * @param type   the document type stored beside it
     * @return the number
     * @throws cn.gov.jieyang.talent.dataprotection.DataProtectionException if it does not open: altered,
     *         sealed under a key that is not configured, or for another type
     * @throws cn.gov.jieyang.talent.identity.InvalidIdentityException if what it holds is no longer valid
     */
    public IdNumber open(String sealed, IdType type) {
        return IdNumber.of(type, sealer.openText(purpose(Objects.requireNonNull(type, "type")), sealed));
    }

    /**
     * The lookup hash: deterministic, so it can back an index; useless without the key.
     *
     * @param id the number
     * @return 32 bytes
     */
    public byte[] lookupHash(IdNumber id) {
        Objects.requireNonNull(id, "id");
        // ':' occurs in no type name, so (type, value) pairs are unambiguous.
        return lookup.hash(LOOKUP, id.type().name() + ":" + id.value());
    }

    private static Purpose purpose(IdType type) {
        // The constant names are frozen (IdType): renaming one would strand every value sealed for it.
        return Purpose.of("portal.id-number:" + type.name());
    }
}

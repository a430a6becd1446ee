package cn.gov.jieyang.talent.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.jieyang.talent.dataprotection.DataKey;
import cn.gov.jieyang.talent.dataprotection.DataProtectionException;
import cn.gov.jieyang.talent.dataprotection.DataProtectionException.Reason;
import cn.gov.jieyang.talent.dataprotection.KeyRing;
import cn.gov.jieyang.talent.dataprotection.KeyedHash;
import cn.gov.jieyang.talent.dataprotection.Purpose;
import cn.gov.jieyang.talent.dataprotection.Sealer;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.identity.IdType;
import com.nimbusds.jose.JWEObject;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The portal's use of the sealing library: type-bound seals and a type-aware lookup hash. */
class IdNumberProtectorTest {

    private static final DataKey KEY = key(1);
    private static final DataKey OTHER_KEY = key(100);

    private static final IdNumber RESIDENT = IdNumber.residentId("44520219851231123X");
    private static final IdNumber PASSPORT = IdNumber.passport("E12345678");

    private final IdNumberProtector protector = protector(KEY);

    /** A key of 32 distinct bytes starting at {@code first}. */
    private static DataKey key(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + i);
        }
        return DataKey.fromBase64(Base64.getEncoder().encodeToString(b), "test key");
    }

    private static IdNumberProtector protector(DataKey key) {
        return new IdNumberProtector(new Sealer(KeyRing.of(key, List.of())), new KeyedHash(key));
    }

    @Test
    void opensWhatItSealed() {
        assertThat(protector.open(protector.seal(RESIDENT), IdType.RESIDENT_ID)).isEqualTo(RESIDENT);
        assertThat(protector.open(protector.seal(PASSPORT), IdType.PASSPORT)).isEqualTo(PASSPORT);
    }

    @Test
    void sealingIsRandomisedButTheLookupHashIsStable() {
        assertThat(protector.seal(RESIDENT)).isNotEqualTo(protector.seal(RESIDENT));
        assertThat(protector.lookupHash(RESIDENT))
                .hasSize(32)
                .isEqualTo(protector.lookupHash(IdNumber.residentId("44520219851231123x")))
                .isEqualTo(protector(KEY).lookupHash(RESIDENT));
    }

    @Test
    void theSealedValueDoesNotContainTheNumber() {
        assertThat(protector.seal(RESIDENT)).doesNotContain("19851231").doesNotContain("4452");
    }

    @Test
    void aSealedPassportDoesNotOpenAsAResidentId() {
        // The purpose carries the type: the swap is refused before the plaintext is even looked at, not
        // as a resident-ID format error on the opened passport number.
        String passport = protector.seal(PASSPORT);
        assertThat(refused(() -> protector.open(passport, IdType.RESIDENT_ID), Reason.WRONG_PURPOSE))
                .hasMessageNotContaining("E12345678");

        String resident = protector.seal(RESIDENT);
        assertThat(refused(() -> protector.open(resident, IdType.PASSPORT), Reason.WRONG_PURPOSE))
                .hasMessageNotContaining("445202");
    }

    @Test
    void anotherKeyCanNeitherOpenNorFindTheNumber() {
        IdNumberProtector other = protector(OTHER_KEY);
        refused(() -> other.open(protector.seal(RESIDENT), IdType.RESIDENT_ID), Reason.UNKNOWN_KEY);
        assertThat(other.lookupHash(RESIDENT)).isNotEqualTo(protector.lookupHash(RESIDENT));
    }

    @Test
    void lookupHashesOfDifferentNumbersOrTypesDiffer() {
        assertThat(protector.lookupHash(IdNumber.residentId("445202199001010018")))
                .isNotEqualTo(protector.lookupHash(RESIDENT))
                .isNotEqualTo(protector.lookupHash(PASSPORT));
        // The same characters as a passport and as a resident ID (17 characters cannot be both, so
        // compare a passport with a resident ID's first 17): the type is part of the hash input.
        assertThat(protector.lookupHash(IdNumber.passport("44520219851231123")))
                .isNotEqualTo(protector.lookupHash(RESIDENT));
    }

    @Test
    void refusesWhatIsNotASealedValue() {
        refused(() -> protector.open("not sealed", IdType.PASSPORT), Reason.NOT_SEALED);
        refused(() -> protector.open(null, IdType.PASSPORT), Reason.NOT_SEALED);
    }

    /**
     * Pins what is stored: the purposes and the lookup hash's input. Renaming either strands every
     * record written before, so a refactoring must not change them.
     */
    @Test
    void storedFormatIsPinned() throws Exception {
        assertThat(JWEObject.parse(protector.seal(PASSPORT)).getHeader().getCustomParam("purpose"))
                .isEqualTo("portal.id-number:PASSPORT");
        assertThat(JWEObject.parse(protector.seal(RESIDENT)).getHeader().getCustomParam("purpose"))
                .isEqualTo("portal.id-number:RESIDENT_ID");
        assertThat(protector.lookupHash(RESIDENT)).isEqualTo(new KeyedHash(KEY)
                .hash(Purpose.of("portal.id-number-lookup"), "RESIDENT_ID:44520219851231123X"));
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<IdNumber> ids = List.of(RESIDENT, PASSPORT, IdNumber.residentId("445202199001010018"));
        IntStream.range(0, 2_000).parallel().forEach(i -> {
            IdNumber id = ids.get(i % ids.size());
            assertThat(protector.open(protector.seal(id), id.type())).isEqualTo(id);
        });
    }

    private static DataProtectionException refused(ThrowingCallable call, Reason reason) {
        DataProtectionException e = catchThrowableOfType(call, DataProtectionException.class);
        assertThat(e).as("refused as " + reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        return e;
    }
}

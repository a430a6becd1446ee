package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.AsicArchiver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Extends a signed package for long-term validation (LTA): adds an archive time-stamp (ETSI EN 319
 * 162-1 {@code META-INF/ASiCArchiveManifest.xml} and {@code META-INF/timestamp.tst}) over every file,
 * the signature and its time-stamps included. It proves they all existed at its time, so the package
 * still verifies after the first TSA's certificate has expired. Add it before that certificate expires
 * (ADR 005 gives the renewal interval).
 */
public final class PackageExtender {

    private PackageExtender() {
    }

    /**
     * Adds an archive time-stamp. The package is replaced only when the new one is complete.
     *
     * @param asicePackage a signed package without an archive time-stamp
     * @param tsa          the time-stamping authority
     * @return the archive time-stamp's genTime
     * @throws SigningException ({@link SigningException.Reason#TIME_STAMP_FAILURE}) when the TSA fails,
     *                          ({@link SigningException.Reason#INVALID_INPUT}) when the package is not a signed
     *                          package or already has an archive time-stamp (renewal is not supported yet)
     */
    public static Instant addArchiveTimeStamp(Path asicePackage, TimeStampSource tsa) {
        return addArchiveTimeStamp(asicePackage, tsa, Clock.systemUTC());
    }

    /**
     * As {@link #addArchiveTimeStamp(Path, TimeStampSource)}, with the clock the TSA's time is compared with.
     *
     * @param asicePackage the package
     * @param tsa          the TSA
     * @param clock        the local clock
     * @return the archive time-stamp's genTime
     */
    public static Instant addArchiveTimeStamp(Path asicePackage, TimeStampSource tsa, Clock clock) {
        return AsicArchiver.archive(Objects.requireNonNull(asicePackage, "asicePackage"),
                Objects.requireNonNull(tsa, "tsa"), Objects.requireNonNull(clock, "clock"));
    }
}

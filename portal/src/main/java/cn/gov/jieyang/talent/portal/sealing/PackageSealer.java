package cn.gov.jieyang.talent.portal.sealing;

import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.storage.StoredContent;
import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.PackageContents;
import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageSigner;
import cn.gov.jieyang.talent.signing.SignedPackage;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Seals an application: its summary and every material file, streamed from the content store, into a
 * signed ASiC-E package written to a temporary file and then stored in the content store.
 *
 * <p>It writes no row but the store's {@code stored_file}, and holds no lock: callers run it outside
 * their transaction (hashing and signing take milliseconds per megabyte) and record the package in a
 * short transaction afterwards. A package whose recording then fails stays in the store unreferenced:
 * content-addressed, never served (only packages on record are), harmless.
 *
 * <p>With a time-stamping authority configured ({@link TimeStampProperties}) every package is CAdES-T.
 * A TSA that does not answer (or whose answer does not check out) fails the sealing before anything is
 * stored ({@link PackageSealingException.Reason#TIME_STAMP_UNAVAILABLE}), unless the fallback to
 * baseline B was chosen: then the package is sealed without a time-stamp and a WARN names it.
 */
@Service
public class PackageSealer {

    private static final Logger log = LoggerFactory.getLogger(PackageSealer.class);

    private final ContentStore store;
    private final PackageSigner signer;

    /**
     * Creates the sealer.
     *
     * @param store the content store
     * @param seal  the bureau's seal
     * @param tsa   the time-stamping authority, if any
     * @param clock the clock for signing times (the TSA's time must be within 5 minutes of it)
     */
    public PackageSealer(ContentStore store, SealKey seal, TimeStampProperties tsa, Clock clock) {
        this.store = store;
        PackageSigner.Builder builder = PackageSigner.builder(seal.signingKey()).clock(clock);
        seal.crl().ifPresent(builder::crl);
        if (tsa.enabled()) {
            builder.timeStampSource(TimeStampSource.http(tsa.url(), tsa.timeout())).timeStampOptional(tsa.fallbackToB());
            log.info("packages are time-stamped (CAdES-T) by the TSA at {}, timeout {}; if it fails: {}", tsa.url(),
                    tsa.timeout(), tsa.fallbackToB() ? "sealed at baseline B with a warning (fallback-to-b)"
                            : "sealing fails and the applicant is asked to try again");
        } else {
            log.warn("no time-stamping authority configured (portal.sealing.tsa.url): packages are baseline B and "
                    + "verify as INDETERMINATE once the seal's certificate has expired");
        }
        this.signer = builder.build();
    }

    /**
     * Seals and stores a package.
     *
     * @param summary the application summary
     * @param files   the material files, in the order they go into the package
     * @return the stored package
     * @throws PackageSealingException if a file cannot be read or no longer matches its digest, or
     *                                 signing or storing fails
     */
    public SealedPackage seal(PackageSummary summary, List<MaterialFile> files) {
        List<String> names = EntryNames.assign(files);
        PackageContents.Builder contents = PackageContents.builder()
                .summaryJson(SummaryJson.write(summary, files, names));
        for (int i = 0; i < files.size(); i++) {
            MaterialFile f = files.get(i);
            contents.add(PackageEntry.of(names.get(i), f.mediaType(), () -> open(f.sha256())));
        }
        Path target = store.newTempFile();
        try {
            SignedPackage signed = signer.sign(contents.build(), target);
            checkDigests(signed.files(), names, files);
            StoredContent stored = store.storeFile(target, SealedPackage.MEDIA_TYPE);
            // Only the fallback leaves warnings; the reference and digest name the package, never a person.
            signed.warnings().forEach(w -> log.warn("application {} package {}: {}",
                    summary.reference(), stored.sha256(), w));
            return new SealedPackage(stored.sha256(), stored.sizeBytes(), signed.signingTime(), signed.timeStamp(),
                    signed.signer(), names);
        } catch (SigningException e) {
            if (e.reason() == SigningException.Reason.TIME_STAMP_FAILURE) {
                // The library's message says which TSA (never credentials) and what went wrong; no personal data.
                throw new PackageSealingException(PackageSealingException.Reason.TIME_STAMP_UNAVAILABLE,
                        "time-stamping application " + summary.reference() + " failed: " + e.getMessage(), e);
            }
            throw failed(summary, e);
        } catch (UncheckedIOException e) {
            throw failed(summary, e);
        } finally {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless.
            }
        }
    }

    /** Only the failure's type: a message about a material may name the applicant's file. */
    private static PackageSealingException failed(PackageSummary summary, RuntimeException e) {
        return new PackageSealingException("sealing application " + summary.reference() + " failed: "
                + e.getClass().getSimpleName(), e);
    }

    private java.io.InputStream open(String sha256) throws IOException {
        try {
            return store.open(sha256);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The bytes signed must be the bytes the applicant gave: a file changed on disk is not sealed. */
    private static void checkDigests(List<FileDigest> signed, List<String> names, List<MaterialFile> files) {
        for (FileDigest d : signed) {
            int i = names.indexOf(d.name());
            if (i >= 0 && !d.sha256Hex().equals(files.get(i).sha256())) {
                throw new UncheckedIOException(new IOException("stored content does not match its digest"));
            }
        }
    }
}

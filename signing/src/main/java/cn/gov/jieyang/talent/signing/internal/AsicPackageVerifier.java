package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.FileStatus;
import cn.gov.jieyang.talent.signing.FileVerdict;
import cn.gov.jieyang.talent.signing.PackageLimits;
import cn.gov.jieyang.talent.signing.PackageVerifier;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SubIndication;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Verifies a package in a fixed order: container, manifest, signature over the manifest, its
 * time-stamps, the chain (at the time a valid time-stamp proves, else the claimed time), then
 * each file once through SHA-256, then files nobody signed. Every problem is recorded; the first
 * TOTAL_FAILED one (or else the first INDETERMINATE one) becomes the sub-indication.
 */
public final class AsicPackageVerifier implements PackageVerifier {

    private static final Set<String> CONTAINER_FILES =
            Set.of(Asic.MIMETYPE_ENTRY, Asic.MANIFEST_ENTRY, Asic.SIGNATURE_ENTRY);

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;
    private final PackageLimits limits;
    private final Instant validationTime;

    /**
     * @param anchors        trusted certificates
     * @param crls           revocation data beside what the package embeds
     * @param limits         bounds for reading
     * @param validationTime the validation time, or null for the moment each verification starts
     */
    public AsicPackageVerifier(List<X509Certificate> anchors, List<X509CRL> crls, PackageLimits limits,
                               Instant validationTime) {
        this.anchors = List.copyOf(anchors);
        this.crls = List.copyOf(crls);
        this.limits = limits;
        this.validationTime = validationTime;
    }

    @Override
    public VerificationReport verify(Path asicePackage) {
        if (!Files.isRegularFile(asicePackage) || !Files.isReadable(asicePackage)) {
            throw new SigningException(SigningException.Reason.IO_FAILURE,
                    "cannot read " + asicePackage + ": not a readable file");
        }
        VerifyContext context = new VerifyContext(anchors, crls,
                validationTime != null ? validationTime : Instant.now(), null);
        VerificationReport.Builder report = VerificationReport.builder().validationTime(context.validationTime());
        try (AsicReader reader = AsicReader.open(asicePackage, limits)) {
            verifyOpened(reader, context, report);
        } catch (FormatException e) {
            report.problem(SubIndication.FORMAT_FAILURE, e.getMessage());
        } catch (NoSuchFileException e) {
            throw new SigningException(SigningException.Reason.IO_FAILURE, "cannot read " + asicePackage, e);
        } catch (IOException e) {
            // The file was readable a moment ago; a read error now means corrupt content.
            report.problem(SubIndication.FORMAT_FAILURE, "the package cannot be read: " + e.getMessage());
        }
        return report.build();
    }

    private static void verifyOpened(AsicReader reader, VerifyContext context, VerificationReport.Builder report)
            throws IOException {
        if (!reader.has(Asic.MANIFEST_ENTRY)) {
            throw new FormatException("the package has no " + Asic.MANIFEST_ENTRY);
        }
        if (!reader.has(Asic.SIGNATURE_ENTRY)) {
            throw new FormatException("the package has no " + Asic.SIGNATURE_ENTRY);
        }
        byte[] manifestBytes = reader.readSmall(Asic.MANIFEST_ENTRY);
        ManifestXml.Parsed manifest = ManifestXml.parse(manifestBytes);
        if (!Asic.SIGNATURE_ENTRY.equals(manifest.sigReferenceUri())) {
            throw new FormatException("the manifest's SigReference points to " + manifest.sigReferenceUri()
                    + ", not " + Asic.SIGNATURE_ENTRY);
        }
        byte[] signature = reader.readSmall(Asic.SIGNATURE_ENTRY);
        ArchiveVerifier.Result archive = reader.has(Asic.ARCHIVE_MANIFEST_ENTRY)
                ? ArchiveVerifier.verify(reader, signature, context) : null;
        CadesVerifier.verify(signature, manifestBytes, archive == null ? context : context.withArchivePoe(archive.poe()),
                report);
        if (archive != null) {
            report.timeStamp(archive.verdict());
            if (!archive.verdict().isValid()) {
                report.warning("the archive time-stamp is not used as proof of existence: "
                        + String.join("; ", archive.verdict().problems()));
            }
        }
        Set<String> containerFiles = new HashSet<>(CONTAINER_FILES);
        if (archive != null) {
            containerFiles.addAll(List.of(Asic.ARCHIVE_MANIFEST_ENTRY, Asic.ARCHIVE_TIME_STAMP_ENTRY));
        }
        checkFiles(reader, manifest.references(), containerFiles, report);
    }

    private static void checkFiles(AsicReader reader, List<FileDigest> references, Set<String> containerFiles,
                                   VerificationReport.Builder report) throws IOException {
        byte[] buffer = new byte[1 << 20];
        HexFormat hex = HexFormat.of();
        Set<String> covered = new HashSet<>();
        for (FileDigest ref : references) {
            covered.add(ref.name());
            if (containerFiles.contains(ref.name()) || !reader.has(ref.name())) {
                report.file(new FileVerdict(ref.name(), FileStatus.MISSING, ref.mediaType(), ref.sha256Hex(), ""));
                report.problem(SubIndication.SIGNED_DATA_NOT_FOUND, ref.name() + " is signed but missing");
                continue;
            }
            byte[] actual = reader.sha256(ref.name(), buffer);
            boolean same = MessageDigest.isEqual(actual, ref.sha256());
            report.file(new FileVerdict(ref.name(), same ? FileStatus.OK : FileStatus.MODIFIED, ref.mediaType(),
                    ref.sha256Hex(), hex.formatHex(actual)));
            if (!same) {
                report.problem(SubIndication.HASH_FAILURE, ref.name() + " was modified after signing");
            }
        }
        for (String name : reader.names()) {
            if (!covered.contains(name) && !containerFiles.contains(name)) {
                byte[] actual = reader.sha256(name, buffer);
                report.file(new FileVerdict(name, FileStatus.UNEXPECTED, "", "", hex.formatHex(actual)));
                report.problem(SubIndication.FORMAT_FAILURE, name + " is in the package but not covered by the signature");
            }
        }
    }
}

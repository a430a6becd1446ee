package cn.gov.jieyang.talent.signing.internal;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.CERTIFICATE_UNUSABLE;
import static cn.gov.jieyang.talent.signing.SigningException.Reason.IO_FAILURE;
import static cn.gov.jieyang.talent.signing.SigningException.Reason.TIME_STAMP_FAILURE;

import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.MediaTypes;
import cn.gov.jieyang.talent.signing.PackageContents;
import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageSigner;
import cn.gov.jieyang.talent.signing.SignedPackage;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes an ASiC-E container in one pass over every input; with a TSA, the signature is time-stamped
 * (CAdES-T) before it is written, so a TSA failure leaves no package behind.
 *
 * <p>The output is a seekable file, so stored (uncompressed) entries need no second pass to learn
 * their CRC and size: the ZIP writer patches each local header afterwards. Each input is read once;
 * the same buffer feeds the JDK's SHA-256 (CPU intrinsics) and the ZIP writer.
 */
public final class AsicPackageSigner implements PackageSigner {

    private static final int BUFFER = 1 << 20;

    private final SigningKey key;
    private final List<X509CRL> crls;
    private final Clock clock;
    private final TimeStampSource tsa;
    private final boolean tsaOptional;

    /**
     * @param key         the seal
     * @param crls        CRLs to embed
     * @param clock       source of the signing time
     * @param tsa         the time-stamping authority, or null for baseline B
     * @param tsaOptional whether a failing TSA falls back to baseline B (with a warning) instead of failing
     */
    public AsicPackageSigner(SigningKey key, List<X509CRL> crls, Clock clock, TimeStampSource tsa,
                             boolean tsaOptional) {
        this.key = key;
        this.crls = List.copyOf(crls);
        this.clock = clock;
        this.tsa = tsa;
        this.tsaOptional = tsaOptional;
    }

    @Override
    public SignedPackage sign(PackageContents contents, Path target) {
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        checkCertificateValidAt(signingTime);
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            List<FileDigest> digests;
            Instant timeStamp = null;
            List<String> warnings = new ArrayList<>();
            // No TRUNCATE_EXISTING: the temp file is new and empty, and on ext4 truncating on open
            // makes close() flush the whole package to disk (~15% of signing time, bench/README.md).
            try (SeekableByteChannel channel = Files.newByteChannel(temp, StandardOpenOption.WRITE);
                 ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
                zip.setUseZip64(Zip64Mode.AsNeeded);
                zip.setEncoding("UTF-8");
                zip.setUseLanguageEncodingFlag(true);
                writeMimetype(zip, signingTime);
                digests = writeEntries(zip, contents, signingTime);
                byte[] manifest = ManifestXml.write(digests);
                writeSmall(zip, Asic.MANIFEST_ENTRY, manifest, ZipEntry.DEFLATED, signingTime);
                byte[] signature = CadesSigner.sign(key, crls, manifest, signingTime);
                if (tsa != null) {
                    try {
                        SignatureTimeStamper.Stamped stamped = SignatureTimeStamper.stamp(signature, tsa, clock);
                        signature = stamped.signature();
                        timeStamp = stamped.genTime();
                    } catch (SigningException e) {
                        if (!tsaOptional || e.reason() != TIME_STAMP_FAILURE) {
                            throw e;
                        }
                        warnings.add("not time-stamped (baseline B, the signing time is only the signer's claim): "
                                + e.getMessage());
                    }
                }
                writeSmall(zip, Asic.SIGNATURE_ENTRY, signature, ZipEntry.STORED, signingTime);
                zip.finish();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return new SignedPackage(target, digests, signingTime,
                    key.certificate().getSubjectX500Principal().getName(), key.algorithm(), timeStamp, warnings);
        } catch (IOException e) {
            throw new SigningException(IO_FAILURE, "writing package " + target.getFileName() + " failed: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private void checkCertificateValidAt(Instant time) {
        try {
            key.certificate().checkValidity(Date.from(time));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SigningException(CERTIFICATE_UNUSABLE,
                    "the seal certificate is not valid at " + time + ": " + e.getMessage(), e);
        }
    }

    private static void writeMimetype(ZipArchiveOutputStream zip, Instant time) throws IOException {
        // First entry, stored, sizes known up front: no data descriptor and no extra field, so that
        // the first bytes of the file identify it as ASiC-E (EN 319 162-1, A.1).
        ZipArchiveEntry e = new ZipArchiveEntry(Asic.MIMETYPE_ENTRY);
        e.setMethod(ZipEntry.STORED);
        e.setSize(Asic.MIMETYPE_BYTES.length);
        CRC32 crc = new CRC32();
        crc.update(Asic.MIMETYPE_BYTES);
        e.setCrc(crc.getValue());
        e.setTime(time.toEpochMilli());
        zip.putArchiveEntry(e);
        zip.write(Asic.MIMETYPE_BYTES);
        zip.closeArchiveEntry();
    }

    private static List<FileDigest> writeEntries(ZipArchiveOutputStream zip, PackageContents contents,
                                                 Instant time) throws IOException {
        List<FileDigest> digests = new ArrayList<>(contents.entries().size());
        byte[] buffer = new byte[BUFFER];
        for (PackageEntry entry : contents.entries()) {
            ZipArchiveEntry e = new ZipArchiveEntry(entry.name());
            e.setMethod(MediaTypes.isCompressible(entry.mediaType()) ? ZipEntry.DEFLATED : ZipEntry.STORED);
            entry.sizeHint().ifPresent(e::setSize);
            e.setTime(time.toEpochMilli());
            MessageDigest sha256 = sha256();
            long size = 0;
            zip.putArchiveEntry(e);
            try (InputStream in = entry.source().open()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    zip.write(buffer, 0, n);
                    size += n;
                }
            } catch (IOException ex) {
                throw new SigningException(IO_FAILURE, "cannot read " + entry.name() + ": " + ex.getMessage(), ex);
            }
            zip.closeArchiveEntry();
            digests.add(new FileDigest(entry.name(), entry.mediaType(), size, sha256.digest()));
        }
        return digests;
    }

    static void writeSmall(ZipArchiveOutputStream zip, String name, byte[] bytes, int method, Instant time)
            throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setMethod(method);
        e.setSize(bytes.length);
        e.setTime(time.toEpochMilli());
        zip.putArchiveEntry(e);
        zip.write(bytes);
        zip.closeArchiveEntry();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the .part file is hidden and named after the target
            }
        }
    }
}

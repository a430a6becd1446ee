package cn.gov.jieyang.talent.signing.internal;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.INVALID_INPUT;
import static cn.gov.jieyang.talent.signing.SigningException.Reason.IO_FAILURE;

import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.PackageLimits;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Adds the archive time-stamp of ETSI EN 319 162-1 to a package: {@code META-INF/ASiCArchiveManifest.xml}
 * listing every file (the materials, the manifest, the signature with its time-stamps) with its
 * SHA-256, and {@code META-INF/timestamp.tst}, a checked RFC 3161 token over the archive manifest.
 * The existing entries are copied byte for byte (raw, not re-compressed) into a new file that replaces
 * the package only when complete.
 */
public final class AsicArchiver {

    private AsicArchiver() {
    }

    /**
     * @param asicePackage the package, replaced on success
     * @param tsa          the time-stamping authority
     * @param clock        the local clock (to refuse a TSA whose time is far off)
     * @return the archive time-stamp's genTime
     */
    public static Instant archive(Path asicePackage, TimeStampSource tsa, Clock clock) {
        List<FileDigest> digests = new ArrayList<>();
        try (AsicReader reader = AsicReader.open(asicePackage, PackageLimits.DEFAULT)) {
            if (reader.has(Asic.ARCHIVE_MANIFEST_ENTRY) || reader.has(Asic.ARCHIVE_TIME_STAMP_ENTRY)) {
                throw new SigningException(INVALID_INPUT, asicePackage.getFileName() + " already has an archive "
                        + "time-stamp; renewing one is not supported yet");
            }
            if (!reader.has(Asic.MANIFEST_ENTRY) || !reader.has(Asic.SIGNATURE_ENTRY)) {
                throw new SigningException(INVALID_INPUT, asicePackage.getFileName() + " is not a signed package");
            }
            byte[] buffer = new byte[1 << 20];
            List<String> names = new ArrayList<>(reader.names());
            Collections.sort(names);
            for (String name : names) {
                if (!name.equals(Asic.MIMETYPE_ENTRY)) {
                    digests.add(new FileDigest(name, "application/octet-stream", 0, reader.sha256(name, buffer)));
                }
            }
        } catch (FormatException e) {
            throw new SigningException(INVALID_INPUT, asicePackage.getFileName() + " is not a valid package: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new SigningException(IO_FAILURE, "cannot read " + asicePackage.getFileName(), e);
        }
        byte[] manifest = ManifestXml.write(Asic.ARCHIVE_TIME_STAMP_ENTRY, Asic.TIME_STAMP_MEDIA_TYPE, digests);
        TimeStampToken token = TimeStampRequester.request(tsa, manifest, clock);
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        try {
            rewrite(asicePackage, manifest, token.getEncoded(), genTime);
        } catch (IOException e) {
            throw new SigningException(IO_FAILURE, "writing " + asicePackage.getFileName() + " failed: "
                    + e.getMessage(), e);
        }
        return genTime;
    }

    private static void rewrite(Path target, byte[] manifest, byte[] token, Instant time) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
        try {
            try (ZipFile in = ZipFile.builder().setPath(target).get();
                 SeekableByteChannel channel = Files.newByteChannel(temp, StandardOpenOption.WRITE);
                 ZipArchiveOutputStream out = new ZipArchiveOutputStream(channel)) {
                out.setUseZip64(Zip64Mode.AsNeeded);
                out.setEncoding("UTF-8");
                out.setUseLanguageEncodingFlag(true);
                // Entry order kept: `mimetype` stays first and stored.
                for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                    out.addRawArchiveEntry(e, in.getRawInputStream(e));
                }
                AsicPackageSigner.writeSmall(out, Asic.ARCHIVE_MANIFEST_ENTRY, manifest, ZipEntry.DEFLATED, time);
                AsicPackageSigner.writeSmall(out, Asic.ARCHIVE_TIME_STAMP_ENTRY, token, ZipEntry.STORED, time);
                out.finish();
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}

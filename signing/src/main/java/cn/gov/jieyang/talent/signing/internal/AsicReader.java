package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageLimits;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an untrusted ASiC-E container within {@link PackageLimits}: refuses what is not a ZIP, entry
 * names that escape or collide, too many entries, and entries (or a whole) larger than the bounds.
 * Declared sizes over a bound are refused before anything is inflated; since headers can lie, the bytes
 * actually inflated are counted too, and no read asks for more than one byte past what the bounds leave,
 * so a bomb costs at most its bound in inflating and hashing.
 */
final class AsicReader implements Closeable {

    private static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final PackageLimits limits;
    private long totalRead;
    /** Each entry is hashed once, however many manifests (signed, archive) ask for its digest. */
    private final Map<String, byte[]> digests = new java.util.HashMap<>();

    private AsicReader(ZipFile zip, Map<String, ZipEntry> entries, PackageLimits limits) {
        this.zip = zip;
        this.entries = entries;
        this.limits = limits;
    }

    /**
     * Opens a package.
     *
     * @throws IOException     when the file cannot be read at all
     * @throws FormatException when it is not an acceptable container
     */
    static AsicReader open(Path path, PackageLimits limits) throws IOException {
        checkMimetypeFirst(path);
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), ZipFile.OPEN_READ, StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new FormatException("not a ZIP archive: " + e.getMessage());
        }
        try {
            return new AsicReader(zip, index(zip, limits), limits);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static Map<String, ZipEntry> index(ZipFile zip, PackageLimits limits) {
        if (zip.size() > limits.maxEntries()) {
            throw new FormatException("the package has " + zip.size() + " entries; at most "
                    + limits.maxEntries() + " are accepted");
        }
        Map<String, ZipEntry> map = new LinkedHashMap<>();
        Set<String> folded = new HashSet<>();
        long declared = 0;
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (e.isDirectory()) {
                checkDirectoryName(name);
                continue;
            }
            checkFileName(name);
            // Case-folded too: on a case-insensitive disk "A.pdf" and "a.pdf" overwrite each other.
            if (map.containsKey(name) || !folded.add(name.toLowerCase(Locale.ROOT))) {
                throw new FormatException("duplicate entry in the package: " + name);
            }
            if (e.getSize() > limits.maxEntrySize()) {
                throw new FormatException("entry " + name + " declares " + e.getSize() + " bytes; at most "
                        + bytes(limits.maxEntrySize()) + " are read of one entry; it was not checked further");
            }
            declared += Math.max(0, e.getSize());
            if (declared > limits.maxTotalSize()) {
                throw new FormatException("the package declares more than " + bytes(limits.maxTotalSize())
                        + " of content, the most this verifier reads; it was not checked further");
            }
            map.put(name, e);
        }
        return map;
    }

    private static void checkFileName(String name) {
        if (name.equals(Asic.MIMETYPE_ENTRY)) {
            return;
        }
        String candidate = name.startsWith("META-INF/") ? name.substring("META-INF/".length()) : name;
        String problem = PackageEntry.nameProblem(candidate);
        if (problem != null && name.startsWith("META-INF/") && problem.contains("reserved")) {
            problem = null; // META-INF/x is fine; only META-INF/META-INF/... is odd, and harmless
        }
        if (problem != null) {
            throw new FormatException("unsafe entry name in the package: " + problem);
        }
    }

    private static void checkDirectoryName(String name) {
        String trimmed = name.substring(0, name.length() - 1);
        if (trimmed.equals("META-INF")) {
            return;
        }
        String problem = PackageEntry.nameProblem(trimmed);
        if (problem != null && !problem.contains("reserved")) {
            throw new FormatException("unsafe directory name in the package: " + problem);
        }
    }

    /**
     * ASiC requires {@code mimetype} as the first entry, stored, holding the ASiC-E media type; a
     * reader can then identify the container from its first bytes.
     */
    private static void checkMimetypeFirst(Path path) throws IOException {
        byte[] expected = Asic.MIMETYPE_BYTES;
        int headerLength = 30;
        ByteBuffer buf = ByteBuffer.allocate(headerLength + 8 + 64 + expected.length).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(path)) {
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill what the file has
            }
        }
        buf.flip();
        if (buf.remaining() < headerLength || buf.getInt(0) != LOCAL_HEADER_SIGNATURE) {
            throw new FormatException("not a ZIP archive (no local file header at the start)");
        }
        int method = buf.getShort(8) & 0xffff;
        int nameLength = buf.getShort(26) & 0xffff;
        int extraLength = buf.getShort(28) & 0xffff;
        byte[] name = new byte[Math.min(nameLength, 8)];
        if (nameLength != 8 || buf.remaining() < headerLength + 8) {
            throw new FormatException("the first entry of the package is not 'mimetype'");
        }
        buf.position(headerLength);
        buf.get(name);
        if (!Arrays.equals(name, Asic.MIMETYPE_ENTRY.getBytes(StandardCharsets.US_ASCII))) {
            throw new FormatException("the first entry of the package is not 'mimetype'");
        }
        if (method != ZipEntry.STORED) {
            throw new FormatException("the 'mimetype' entry is compressed; ASiC requires it stored");
        }
        int contentAt = headerLength + nameLength + extraLength;
        if (buf.limit() < contentAt + expected.length) {
            throw new FormatException("the 'mimetype' entry is not " + Asic.MIMETYPE);
        }
        byte[] content = new byte[expected.length];
        buf.position(contentAt);
        buf.get(content);
        if (!Arrays.equals(content, expected) || (buf.getInt(18) != expected.length)) {
            throw new FormatException("the 'mimetype' entry is not " + Asic.MIMETYPE);
        }
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    Set<String> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Reads a small entry whole (manifest, signature), bounded by the metadata limit. */
    byte[] readSmall(String name) throws IOException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new FormatException("the package has no " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(limits.maxMetadataSize(), roomLeft()) + 1);
            count(name, bytes.length);
            if (bytes.length > limits.maxMetadataSize()) {
                throw new FormatException(name + " is larger than " + limits.maxMetadataSize() + " bytes");
            }
            digests.put(name, AsicPackageSigner.sha256().digest(bytes));
            return bytes;
        } catch (ZipException ex) {
            throw new FormatException("entry " + name + " is corrupt: " + ex.getMessage());
        }
    }

    /** Streams an entry once through SHA-256, stopping as soon as a bound is crossed. */
    byte[] sha256(String name, byte[] buffer) throws IOException {
        byte[] known = digests.get(name);
        if (known != null) {
            return known.clone();
        }
        MessageDigest md = AsicPackageSigner.sha256();
        long entryRead = 0;
        try (InputStream in = zip.getInputStream(entries.get(name))) {
            // Never ask for more than one byte past the bounds: that byte shows there is more, and a
            // bomb is stopped having inflated (and hashed) no more than the bound allows.
            for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                    Math.min(limits.maxEntrySize() - entryRead, roomLeft()) + 1))) > 0; ) {
                entryRead += n;
                count(name, n);
                if (entryRead > limits.maxEntrySize()) {
                    throw new FormatException("entry " + name + " inflates beyond " + bytes(limits.maxEntrySize())
                            + ", the most this verifier reads of one entry; it was not checked further");
                }
                md.update(buffer, 0, n);
            }
        } catch (ZipException ex) {
            throw new FormatException("entry " + name + " is corrupt: " + ex.getMessage());
        }
        byte[] digest = md.digest();
        digests.put(name, digest.clone());
        return digest;
    }

    /** @return the bytes inflated so far, over all entries */
    long inflatedBytes() {
        return totalRead;
    }

    private long roomLeft() {
        return limits.maxTotalSize() - totalRead;
    }

    private void count(String name, long n) {
        totalRead += n;
        if (totalRead > limits.maxTotalSize()) {
            throw new FormatException("the package inflates beyond " + bytes(limits.maxTotalSize())
                    + ", the most this verifier reads (stopped in " + name + "); it was not checked further");
        }
    }

    /** "104857600 bytes (100 MiB)": exact for whoever compares it with a setting, readable for everyone. */
    private static String bytes(long n) {
        return n + " bytes" + (n >= 1 << 20 && n % (1 << 20) == 0 ? " (" + (n >> 20) + " MiB)" : "");
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}

package cn.gov.jieyang.talent.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Takes test packages apart and puts them back together the way an attacker would. */
public final class Zips {

    private Zips() {
    }

    /** The entries of a (small) package, in order. */
    public static List<Map.Entry<String, byte[]>> read(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<Map.Entry<String, byte[]>> out = new ArrayList<>();
            for (ZipEntry e : Collections.list(z.entries())) {
                try (var in = z.getInputStream(e)) {
                    out.add(new java.util.AbstractMap.SimpleEntry<>(e.getName(), in.readAllBytes()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] get(List<Map.Entry<String, byte[]>> entries, String name) {
        return entries.stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow().getValue();
    }

    public static void put(List<Map.Entry<String, byte[]>> entries, String name, byte[] content) {
        entries.stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow().setValue(content);
    }

    public static void remove(List<Map.Entry<String, byte[]>> entries, String name) {
        if (!entries.removeIf(e -> e.getKey().equals(name))) {
            throw new IllegalArgumentException("no entry " + name);
        }
    }

    public static void add(List<Map.Entry<String, byte[]>> entries, String name, byte[] content) {
        entries.add(new java.util.AbstractMap.SimpleEntry<>(name, content));
    }

    /**
     * Rewrites the uncompressed size that the central directory and the local header declare for an
     * entry, as a ZIP bomb would, so that only counting the bytes actually inflated can catch it.
     */
    public static void declareSize(Path zip, String name, int declaredSize) {
        try {
            byte[] b = Files.readAllBytes(zip);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            boolean central = false;
            for (int i = 0; i + 46 < b.length; i++) {
                if (buf.getInt(i) == 0x04034b50 && (buf.getShort(i + 26) & 0xffff) == wanted.length
                        && java.util.Arrays.equals(b, i + 30, i + 30 + wanted.length, wanted, 0, wanted.length)) {
                    buf.putInt(i + 22, declaredSize);
                } else if (buf.getInt(i) == 0x02014b50 && (buf.getShort(i + 28) & 0xffff) == wanted.length
                        && java.util.Arrays.equals(b, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                    buf.putInt(i + 24, declaredSize);
                    central = true;
                }
            }
            if (!central) {
                throw new IllegalArgumentException("no central directory entry " + name);
            }
            Files.write(zip, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes entries in order; "mimetype" is stored, the rest deflated. Duplicates are written as given. */
    public static Path write(Path target, List<Map.Entry<String, byte[]>> entries) {
        return writeWithZeros(target, entries, null, 0);
    }

    /**
     * Writes entries as {@link #write} does, then (if {@code zerosName} is not null) a deflated entry of
     * {@code zeros} zero bytes, streamed: deflate shrinks zeros about 1,000 to 1, so 200 MiB take a few
     * hundred KiB on disk and never the heap.
     */
    public static Path writeWithZeros(Path target, List<Map.Entry<String, byte[]>> entries, String zerosName,
                                      long zeros) {
        try {
            Files.deleteIfExists(target);
            try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(target)) {
                for (Map.Entry<String, byte[]> e : entries) {
                    ZipArchiveEntry ze = new ZipArchiveEntry(e.getKey());
                    if (e.getKey().equals("mimetype")) {
                        CRC32 crc = new CRC32();
                        crc.update(e.getValue());
                        ze.setMethod(ZipEntry.STORED);
                        ze.setSize(e.getValue().length);
                        ze.setCrc(crc.getValue());
                    } else {
                        ze.setMethod(ZipEntry.DEFLATED);
                    }
                    z.putArchiveEntry(ze);
                    z.write(e.getValue());
                    z.closeArchiveEntry();
                }
                if (zerosName != null) {
                    ZipArchiveEntry ze = new ZipArchiveEntry(zerosName);
                    ze.setMethod(ZipEntry.DEFLATED);
                    z.putArchiveEntry(ze);
                    byte[] block = new byte[1 << 20];
                    for (long left = zeros; left > 0; left -= block.length) {
                        z.write(block, 0, (int) Math.min(block.length, left));
                    }
                    z.closeArchiveEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

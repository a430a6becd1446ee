package cn.gov.jieyang.talent.portal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A content-addressed file store: bytes are kept once under their SHA-256 (objects/ab/abcd…), and the
 * {@code stored_file} table records their size and type. Uploads are streamed to a temporary file
 * while being hashed and counted, never held whole in memory; only complete, accepted content is moved
 * into place (an atomic rename), so a refused or broken upload leaves nothing behind.
 *
 * <p>A file may outlive a rolled-back database transaction that referenced it; being addressed by
 * content, such a file is harmless and is reused if the same bytes come again.
 */
@Service
@EnableConfigurationProperties(StorageProperties.class)
public class ContentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path objects;
    private final Path temp;
    private final long maxUploadBytes;
    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * Creates the store, making its directories if needed.
     *
     * @param properties where and how large
     * @param jdbc       the database
     * @param clock      the clock
     */
    public ContentStore(StorageProperties properties, JdbcClient jdbc, Clock clock) {
        this.objects = properties.dir().resolve("objects").toAbsolutePath();
        this.temp = properties.dir().resolve("tmp").toAbsolutePath();
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
        this.jdbc = jdbc;
        this.clock = clock;
        try {
            Files.createDirectories(objects);
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the content store under " + properties.dir(), e);
        }
    }

    /**
     * The largest material accepted.
     *
     * @return bytes
     */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /**
     * Stores a material file (PDF, JPEG or PNG by content, at most the configured size), streaming it.
     *
     * @param in the upload; read to the end (or to the limit) but not closed
     * @return the stored content
     * @throws ContentRejectedException if empty, too large or of another type; nothing is stored
     */
    public StoredContent storeMaterial(InputStream in) {
        Objects.requireNonNull(in, "in");
        Path part = newTempFile();
        try {
            MessageDigest sha = Sha256.newDigest();
            long size;
            String type;
            // The caller owns the input stream: only the output is closed here.
            DigestInputStream digesting = new DigestInputStream(in, sha);
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] head = digesting.readNBytes(ContentSniffer.HEAD_BYTES);
                if (head.length == 0) {
                    throw new ContentRejectedException(ContentRejectedException.Reason.EMPTY);
                }
                // Refuse by type before writing anything more than the first bytes.
                type = ContentSniffer.materialType(head, head.length).orElseThrow(
                        () -> new ContentRejectedException(ContentRejectedException.Reason.TYPE_NOT_ALLOWED));
                out.write(head);
                size = head.length + copyAtMost(digesting, out, maxUploadBytes - head.length);
            }
            return commit(part, Sha256.hex(sha), size, type);
        } catch (IOException e) {
            throw new UncheckedIOException("storing an upload failed", e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * Moves a finished file (e.g. a signed package written to {@link #newTempFile()}) into the store.
     *
     * @param file      the file; moved or deleted
     * @param mediaType its type
     * @return the stored content
     */
    public StoredContent storeFile(Path file, String mediaType) {
        try {
            MessageDigest sha = Sha256.newDigest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return commit(file, Sha256.hex(sha), Files.size(file), mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException("storing a file failed", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * A new empty temporary file inside the store (same file system, so moving it in is a rename).
     *
     * @return the file
     */
    public Path newTempFile() {
        try {
            return Files.createTempFile(temp, "part-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in the content store", e);
        }
    }

    /**
     * Opens stored bytes for reading.
     *
     * @param sha256 their hash, lower-case hex
     * @return a stream the caller closes
     * @throws IllegalArgumentException if the hash is malformed
     * @throws UncheckedIOException     if there are no such bytes
     */
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no stored content " + sha256, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored content " + sha256, e);
        }
    }

    /**
     * Where stored bytes live (read only: never write to it).
     *
     * @param sha256 their hash
     * @return the path
     */
    public Path pathOf(String sha256) {
        // The hash is the only part of a path that comes from outside: accept nothing but 64 hex digits.
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex");
        }
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private StoredContent commit(Path file, String hash, long size, String type) throws IOException {
        Path target = pathOf(hash);
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // Another upload of the same bytes won: identical content, nothing to do.
            }
        }
        int inserted = jdbc.sql("insert into stored_file (sha256, size_bytes, media_type, created_at) "
                        + "values (?, ?, ?, ?) on conflict (sha256) do nothing")
                .params(hash, size, type, Timestamp.from(clock.instant())).update();
        return new StoredContent(hash, size, type, inserted == 1);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw new ContentRejectedException(ContentRejectedException.Reason.TOO_LARGE);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless; the next start does not depend on it.
        }
    }
}

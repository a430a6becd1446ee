package cn.gov.jieyang.talent.portal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jieyang.talent.portal.PortalTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** The content-addressed store against the real database and a real directory. */
@PortalTest
class ContentStoreTest {

    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;
    ContentStore store;

    @BeforeEach
    void store() {
        store = new ContentStore(new StorageProperties(dir, DataSize.ofBytes(1024)), jdbc, Clock.systemUTC());
    }

    @Test
    void storesBytesUnderTheirSha256AndRecordsTheTypeFromTheContent() throws Exception {
        byte[] bytes = pdf();
        StoredContent stored = store.storeMaterial(new ByteArrayInputStream(bytes));
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(stored.sha256()).isEqualTo(sha);
        assertThat(stored.isNew()).isTrue();
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(Files.readAllBytes(dir.resolve("objects").resolve(sha.substring(0, 2)).resolve(sha))).isEqualTo(bytes);
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(jdbc.sql("select size_bytes from stored_file where sha256 = ?").param(sha).query(Long.class).single())
                .isEqualTo(bytes.length);
    }

    @Test
    void storesTheSameBytesOnce() throws Exception {
        byte[] bytes = pdf();
        StoredContent first = store.storeMaterial(new ByteArrayInputStream(bytes));
        StoredContent second = store.storeMaterial(new ByteArrayInputStream(bytes));
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.isNew()).isFalse();
        assertThat(regularFiles()).hasSize(1);
    }

    @Test
    void recognisesJpegAndPngByTheirFirstBytes() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) UUID.randomUUID().hashCode()};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', (byte) UUID.randomUUID().hashCode()};
        assertThat(store.storeMaterial(new ByteArrayInputStream(jpeg)).mediaType()).isEqualTo("image/jpeg");
        assertThat(store.storeMaterial(new ByteArrayInputStream(png)).mediaType()).isEqualTo("image/png");
    }

    @Test
    void refusesOtherContentEmptyContentAndContentOverTheLimitLeavingNothing() throws Exception {
        int rows = jdbc.sql("select count(*) from stored_file").query(Integer.class).single();
        assertRefused("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8), ContentRejectedException.Reason.TYPE_NOT_ALLOWED);
        assertRefused(new byte[0], ContentRejectedException.Reason.EMPTY);
        byte[] big = java.util.Arrays.copyOf(pdf(), 1025);
        assertRefused(big, ContentRejectedException.Reason.TOO_LARGE);
        assertThat(regularFiles()).isEmpty();
        assertThat(jdbc.sql("select count(*) from stored_file").query(Integer.class).single()).isEqualTo(rows);
        // exactly at the limit is accepted
        assertThat(store.storeMaterial(new ByteArrayInputStream(java.util.Arrays.copyOf(pdf(), 1024))).sizeBytes())
                .isEqualTo(1024);
    }

    @Test
    void leavesTheCallersStreamOpen() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(pdf()) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        store.storeMaterial(in);
        assertThat(closed).isFalse();
    }

    @Test
    void acceptsOnlyAHashAsAPath() {
        assertThatThrownBy(() -> store.pathOf("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.pathOf("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.pathOf("ab".repeat(32))).startsWithRaw(dir.toAbsolutePath());
    }

    private void assertRefused(byte[] bytes, ContentRejectedException.Reason reason) throws IOException {
        assertThatThrownBy(() -> store.storeMaterial(new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(ContentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(regularFiles()).isEmpty();
    }

    private java.util.List<Path> regularFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] pdf() {
        return ("%PDF-1.7\n" + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}

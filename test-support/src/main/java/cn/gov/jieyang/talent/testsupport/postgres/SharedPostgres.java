package cn.gov.jieyang.talent.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ONE embedded PostgreSQL per test JVM (zonky's binaries, as the apps' own embedded server), with a
 * fresh database for each Spring test context that asks ({@link SharedPostgresContextCustomizerFactory}):
 * a context starts in a few hundred milliseconds less, and a JVM runs one server instead of one per
 * context.
 *
 * <p>It is stopped only after the JVM has exited, by a small watcher process: Spring closes its cached
 * contexts (and their connection pools) in shutdown hooks, and a server stopped by another hook at the
 * same moment would leave those pools waiting for it.
 */
public final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    /**
     * Creates an empty database on this JVM's server (started on the first call).
     *
     * @return the new database's JDBC URL (user and password {@code postgres})
     */
    public static synchronized String newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("shared-pg");
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setDataDirectory(data)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        // Spring keeps up to 32 contexts alive per JVM, each with a pool of ten.
                        .setServerConfig("max_connections", "400")
                        // Test data need not survive a crash.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                stopAfterThisJvm(data);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the shared embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** Fast shutdown of the postmaster (its pid is line 1 of postmaster.pid) once this JVM is gone, then its data. */
    private static void stopAfterThisJvm(Path data) throws IOException {
        String dir = data.toAbsolutePath().toString().replace("'", "");
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "pid=$(head -n 1 '" + dir + "/postmaster.pid' 2>/dev/null); "
                + "if [ -n \"$pid\" ]; then kill -INT \"$pid\" 2>/dev/null; "
                + "i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.2; i=$((i+1)); done; fi; "
                + "rm -rf '" + dir + "'";
        new ProcessBuilder(List.of("sh", "-c", script))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}

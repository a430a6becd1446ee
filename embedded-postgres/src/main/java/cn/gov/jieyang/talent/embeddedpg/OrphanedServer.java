package cn.gov.jieyang.talent.embeddedpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL that an earlier, killed owner left running on a data directory.
 *
 * <p>Spring stops the embedded server on an orderly shutdown, but a {@code kill -9} of the JVM (or of
 * {@code ./run}) cannot: the postmaster lives on, holds {@code postmaster.pid}, and every later start
 * on that directory fails with "lock file already exists". Only a process that is both alive and a
 * {@code postgres} executable is stopped, so a stale pid file whose number now belongs to some other
 * program never gets that program signalled. SIGTERM is PostgreSQL's "smart" shutdown: the orphan's
 * clients died with its owner, so it ends at once and cleanly, with no crash recovery.
 */
final class OrphanedServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    /**
     * Stops the server recorded in {@code dataDir/postmaster.pid}, if one still runs.
     *
     * @param dataDir the data directory about to be used
     * @param wait    how long to wait for it to exit
     * @throws IOException if it runs and does not stop in time
     */
    static void stopIfRunning(Path dataDir, Duration wait) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("A PostgreSQL left running by an earlier start (pid {}) still holds {}; stopping it",
                process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("PostgreSQL pid " + process.pid() + " still holds " + dataDir + " after "
                    + wait.toSeconds() + " s; stop it (kill " + process.pid() + ") and start again");
        } catch (ExecutionException e) {
            throw new IOException("waiting for PostgreSQL pid " + process.pid() + " to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL pid " + process.pid(), e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();   // not a pid file PostgreSQL wrote; let PostgreSQL judge it
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedServer::isPostgres);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .filter(name -> name.equals("postgres") || name.equals("postmaster")).isPresent();
    }
}

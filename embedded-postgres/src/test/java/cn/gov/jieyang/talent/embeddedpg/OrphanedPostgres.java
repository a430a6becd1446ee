package cn.gov.jieyang.talent.embeddedpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Run in a JVM of its own and then killed with SIGKILL, it leaves what a killed {@code ./run} leaves:
 * a PostgreSQL still running on its data directory, with nobody to stop it.
 */
final class OrphanedPostgres {

    private OrphanedPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).start();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

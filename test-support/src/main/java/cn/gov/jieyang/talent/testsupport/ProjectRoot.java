package cn.gov.jieyang.talent.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root folder (where {@code keycloak/keycloak.sh} is), found from the folder a test
 * runs in ({@code auth-bridge/}, {@code portal/}, or the root itself), and the jars the modules build.
 */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    /**
     * The root folder.
     *
     * @return the absolute path of the repository's root
     * @throws IllegalStateException when no {@code keycloak/keycloak.sh} is found above the working folder
     */
    public static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("keycloak").resolve("keycloak.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("keycloak/keycloak.sh not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * A module's executable jar, e.g. {@code auth-bridge/target/auth-bridge.jar}.
     *
     * @param module the module's folder name, which is also its jar's name
     * @return the jar's path (it may not exist yet)
     */
    public static Path jar(String module) {
        return dir().resolve(module).resolve("target").resolve(module + ".jar");
    }
}

package cn.gov.jieyang.talent.portal.sealing;

import cn.gov.jieyang.talent.signing.DevelopmentCa;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Loads the seal as {@link SealProperties} say: in dev mode from {@code dir}, creating a development CA
 * and seal there on first start; in pkcs12 mode from the bureau's key store.
 */
final class SealKeyLoader {

    /** Dev mode only: the key stores under {@code dir} are protected by this unless a password is set. */
    static final String DEV_PASSWORD = "portal-development-seal";

    private SealKeyLoader() {
    }

    static SealKey load(SealProperties p) {
        return p.mode() == SealProperties.Mode.PKCS12 ? loadPkcs12(p) : loadDev(p);
    }

    private static SealKey loadPkcs12(SealProperties p) {
        if (p.pkcs12() == null || p.trustAnchor() == null) {
            throw new IllegalStateException("portal.seal.mode=pkcs12 needs portal.seal.pkcs12 and portal.seal.trust-anchor");
        }
        if (p.password() == null || p.password().isEmpty()) {
            // No default in production: a seal protected by a known password is no seal.
            throw new IllegalStateException("portal.seal.mode=pkcs12 needs the password in PORTAL_SEAL_PASSWORD");
        }
        SigningKey key = SigningKey.fromPkcs12(p.pkcs12(), p.password().toCharArray());
        X509Certificate anchor = PkiFiles.readCertificates(p.trustAnchor()).get(0);
        return new SealKey(key, anchor, p.crl() == null ? null : PkiFiles.readCrl(p.crl()));
    }

    private static SealKey loadDev(SealProperties p) {
        Path dir = p.dir().toAbsolutePath();
        char[] password = (p.password() == null || p.password().isEmpty() ? DEV_PASSWORD : p.password()).toCharArray();
        if (!isComplete(dir)) {
            create(dir, password);
        }
        SigningKey key = SigningKey.fromPkcs12(dir.resolve(DevelopmentCa.SEAL_P12), password);
        X509Certificate anchor = PkiFiles.readCertificates(dir.resolve(DevelopmentCa.CA_PEM)).get(0);
        return new SealKey(key, anchor, PkiFiles.readCrl(dir.resolve(DevelopmentCa.CA_CRL)));
    }

    private static boolean isComplete(Path dir) {
        return Stream.of(DevelopmentCa.SEAL_P12, DevelopmentCa.CA_PEM, DevelopmentCa.CA_CRL)
                .allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /**
     * Writes a new CA and seal into a hidden sibling directory and renames it into place, so a crash
     * never leaves half a CA, and of two instances starting at once one wins and both use its seal.
     * A directory with some files but not all is refused rather than overwritten: it may hold a seal
     * that signed packages.
     */
    private static void create(Path dir, char[] password) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> present = files.toList();
                    if (!present.isEmpty()) {
                        throw new IllegalStateException("the seal directory " + dir
                                + " is incomplete (needs ca.pem, ca.crl, seal.p12); restore it or empty it");
                    }
                }
                Files.delete(dir);
            }
            Files.createDirectories(dir.getParent());
            Path fresh = dir.resolveSibling("." + dir.getFileName() + "-" + UUID.randomUUID());
            DevelopmentCa.generate().writeTo(fresh, password);
            try {
                Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                deleteTree(fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development seal in " + dir, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}

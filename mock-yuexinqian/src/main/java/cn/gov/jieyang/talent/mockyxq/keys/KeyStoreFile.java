package cn.gov.jieyang.talent.mockyxq.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The callback signing key pair in a PKCS#12 file. PKCS#12 stores a private key only together
 * with a certificate, so a self-signed one is made; nobody ever checks it, it is a container.
 */
final class KeyStoreFile {

    static final String ALIAS = "yxq-callback-signing";

    private KeyStoreFile() {
    }

    /** Loads the key pair from {@code file}, or makes a new P-256 pair and writes it there first. */
    static KeyPair loadOrCreate(Path file, char[] password) {
        try {
            if (Files.exists(file)) {
                return load(file, password);
            }
            KeyPair pair = generateP256();
            write(file, pair, password);
            return pair;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot use the signing key file " + file + ": " + e.getMessage(), e);
        }
    }

    static KeyPair generateP256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            // PKCS#12 reports a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("Cannot open the signing key file " + file
                        + ": wrong mock.yuexinqian.keystore-password (or a damaged file). Delete the file to"
                        + " make a new key; the kid changes and relying apps must refetch /jwks.", e);
            }
            throw e;
        }
        Key key = store.getKey(ALIAS, password);
        Certificate certificate = store.getCertificate(ALIAS);
        if (!(key instanceof PrivateKey privateKey) || certificate == null) {
            throw new IllegalStateException("The signing key file " + file + " holds no key under alias " + ALIAS);
        }
        return new KeyPair(certificate.getPublicKey(), privateKey);
    }

    private static void write(Path file, KeyPair pair, char[] password)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {selfSigned(pair)});
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Written beside the target and moved into place, so a crash never leaves half a key file.
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "keys", ".tmp");
        try {
            restrictToOwner(temp);
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException, OperatorCreationException {
        X500Name subject = new X500Name("CN=mock-yuexinqian callback signing");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(Duration.ofDays(3650))),
                subject, pair.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    /** The file holds a private key: owner only, where the file system knows POSIX permissions. */
    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own protection has to do.
        }
    }
}

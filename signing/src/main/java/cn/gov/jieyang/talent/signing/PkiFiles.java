package cn.gov.jieyang.talent.signing;

import static cn.gov.jieyang.talent.signing.SigningException.Reason.INVALID_INPUT;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes certificates and CRLs in the formats openssl uses (PEM or DER). */
public final class PkiFiles {

    private PkiFiles() {
    }

    /**
     * Reads every certificate of a PEM or DER file.
     *
     * @param file the file
     * @return the certificates, at least one
     * @throws SigningException when the file cannot be read or holds no certificate
     */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new SigningException(INVALID_INPUT, file.getFileName() + " holds no certificate");
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new SigningException(INVALID_INPUT, "cannot read certificates from " + file.getFileName(), e);
        }
    }

    /**
     * Reads a CRL in PEM or DER.
     *
     * @param file the file
     * @return the CRL
     * @throws SigningException when the file cannot be read or is not a CRL
     */
    public static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | java.security.GeneralSecurityException | ClassCastException e) {
            throw new SigningException(INVALID_INPUT, "cannot read a CRL from " + file.getFileName(), e);
        }
    }

    /**
     * Encodes a certificate, CRL or key as PEM.
     *
     * @param object a certificate, CRL or other object Bouncy Castle's PEM writer knows
     * @return the PEM text
     */
    public static String toPem(Object object) {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(object);
        } catch (IOException e) {
            throw new SigningException(INVALID_INPUT, "cannot encode PEM", e);
        }
        return s.toString();
    }

    /**
     * Writes a certificate or CRL as PEM.
     *
     * @param object the object
     * @param file   the target file (replaced)
     */
    public static void writePem(Object object, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write(toPem(object));
        } catch (IOException e) {
            throw new SigningException(SigningException.Reason.IO_FAILURE, "cannot write " + file.getFileName(), e);
        }
    }
}

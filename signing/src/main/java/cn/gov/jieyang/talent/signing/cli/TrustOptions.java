package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.SigningException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * What a verification is judged against, the same for {@code verify} and {@code audit-verify}:
 * {@code --trust CA.pem} (repeatable), {@code --crl CA.crl} (repeatable), {@code --at INSTANT}.
 */
final class TrustOptions {

    @Option(names = "--trust", paramLabel = "CA.pem", description = "trusted CA certificate(s), PEM (repeatable)")
    List<Path> trust = List.of();

    @Option(names = "--crl", paramLabel = "CA.crl",
            description = "a CRL to use beside those embedded in the signatures, e.g. the CA's current one (repeatable)")
    List<Path> crls = List.of();

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "the validation time, ISO-8601 UTC, e.g. 2031-12-01T00:00:00Z (default: now)")
    String at;

    /**
     * Hands each option's value to a verifier's builder.
     *
     * @param anchors        takes each trusted certificate
     * @param crlSink        takes each CRL
     * @param validationTime takes the validation time, when one is given
     */
    void applyTo(Consumer<X509Certificate> anchors, Consumer<X509CRL> crlSink, Consumer<Instant> validationTime) {
        for (Path t : trust) {
            PkiFiles.readCertificates(t).forEach(anchors);
        }
        crls.forEach(c -> crlSink.accept(PkiFiles.readCrl(c)));
        validationTime().ifPresent(validationTime);
    }

    private Optional<Instant> validationTime() {
        if (at == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(at));
        } catch (DateTimeParseException e) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT,
                    "--at must be an ISO-8601 instant such as 2031-12-01T00:00:00Z, not " + at);
        }
    }
}

package cn.gov.jieyang.talent.signing.cli;

import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.MediaTypes;
import cn.gov.jieyang.talent.signing.PackageContents;
import cn.gov.jieyang.talent.signing.PackageEntry;
import cn.gov.jieyang.talent.signing.PackageSigner;
import cn.gov.jieyang.talent.signing.PkiFiles;
import cn.gov.jieyang.talent.signing.SignedPackage;
import cn.gov.jieyang.talent.signing.SigningException;
import cn.gov.jieyang.talent.signing.SigningKey;
import cn.gov.jieyang.talent.signing.TimeStampSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sign --key KEY.p12 [--crl CA.crl] [--tsa URL [--tsa-optional]] --out PACKAGE.asice
 * [--summary summary.json] FILE...}.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Seals FILEs (each under its file name) into an ASiC-E package with a CAdES signature.",
                "The key-store password comes from env SIGNING_KEY_PASSWORD (or --password-file)."})
final class SignCommand implements Callable<Integer> {

    private static final int MAX_SUMMARY_BYTES = 64 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12", description = "the seal's PKCS#12 key store")
    Path key;

    @Option(names = "--crl", paramLabel = "CA.crl", description = "the issuing CA's CRL to embed (repeatable)")
    List<Path> crls = List.of();

    @Option(names = "--out", required = true, paramLabel = "PACKAGE.asice", description = "the package to write")
    Path out;

    @Option(names = "--summary", paramLabel = "summary.json", description = "the application summary (JSON object)")
    Path summary;

    @Option(names = "--tsa", paramLabel = "URL",
            description = "time-stamp the signature (CAdES-T) at this RFC 3161 TSA; signing fails if it does not answer")
    URI tsa;

    @Option(names = "--tsa-optional",
            description = "if the --tsa fails, sign without a time-stamp (baseline B) and warn instead of failing")
    boolean tsaOptional;

    @Option(names = "--password-file", paramLabel = "FILE", description = "read the key-store password from FILE")
    Path passwordFile;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the material files")
    List<Path> files;

    @Override
    public Integer call() {
        char[] password = Passwords.read(passwordFile);
        SigningKey signingKey;
        try {
            signingKey = SigningKey.fromPkcs12(key, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        PackageSigner.Builder signer = PackageSigner.builder(signingKey);
        crls.forEach(c -> signer.crl(PkiFiles.readCrl(c)));
        if (tsa != null) {
            signer.timeStampSource(TimeStampSource.http(tsa)).timeStampOptional(tsaOptional);
        } else if (tsaOptional) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "--tsa-optional needs --tsa URL");
        }
        PackageContents.Builder contents = PackageContents.builder();
        if (summary != null) {
            contents.summaryJson(readSummary(summary));
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new SigningException(SigningException.Reason.INVALID_INPUT, "cannot read " + f);
            }
            contents.add(PackageEntry.of(f.getFileName().toString(), MediaTypes.detect(f), f));
        }
        SignedPackage p = signer.build().sign(contents.build(), out);
        var o = spec.commandLine().getOut();
        o.println("Signed " + p.path() + " at " + p.signingTime() + " (" + p.algorithm() + ")");
        o.println("  signer: " + p.signer());
        if (p.timeStamp() != null) {
            o.println("  time-stamped: " + p.timeStamp() + " by the TSA at " + tsa.getHost() + " (CAdES-T)");
        }
        for (FileDigest d : p.files()) {
            o.printf("  %s  %12d  %-24s %s%n", d.sha256Hex(), d.size(), d.mediaType(), d.name());
        }
        p.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        if (crls.isEmpty()) {
            spec.commandLine().getErr().println("warning: no CRL embedded (--crl); offline verification will be "
                    + "INDETERMINATE because the seal's revocation status cannot be shown");
        }
        return 0;
    }

    private static byte[] readSummary(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SUMMARY_BYTES + 1);
            if (bytes.length > MAX_SUMMARY_BYTES) {
                throw new SigningException(SigningException.Reason.INVALID_INPUT,
                        "the summary is larger than " + MAX_SUMMARY_BYTES + " bytes");
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip();
            if (!text.startsWith("{") || !text.endsWith("}")) {
                throw new SigningException(SigningException.Reason.INVALID_INPUT, "the summary must be a JSON object");
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "the summary is not UTF-8 text");
        } catch (IOException e) {
            throw new SigningException(SigningException.Reason.INVALID_INPUT, "cannot read the summary " + file);
        }
    }
}

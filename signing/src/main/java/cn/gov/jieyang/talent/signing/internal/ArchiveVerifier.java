package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.FileDigest;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Checks the archive time-stamp of ETSI EN 319 162-1 (long-term ASiC-E): {@code
 * META-INF/ASiCArchiveManifest.xml} lists every file of the package with its digest, and {@code
 * META-INF/timestamp.tst} is an RFC 3161 token over the manifest's bytes. When both hold, the token's
 * genTime proves that the signature, its time-stamps and the files existed then: the signature
 * time-stamps' TSA chains are judged at that time instead of the validation time.
 */
final class ArchiveVerifier {

    /** The archive time-stamp's verdict, and its genTime when it is valid and covers the signature. */
    record Result(TimeStampVerdict verdict, Instant poe) {
    }

    private ArchiveVerifier() {
    }

    static Result verify(AsicReader reader, byte[] p7s, VerifyContext context) throws IOException {
        byte[] manifest = reader.readSmall(Asic.ARCHIVE_MANIFEST_ENTRY);
        ManifestXml.Parsed parsed = ManifestXml.parse(manifest);
        if (!Asic.ARCHIVE_TIME_STAMP_ENTRY.equals(parsed.sigReferenceUri())) {
            throw new FormatException(Asic.ARCHIVE_MANIFEST_ENTRY + " refers to " + parsed.sigReferenceUri()
                    + ", not " + Asic.ARCHIVE_TIME_STAMP_ENTRY);
        }
        byte[] token = reader.readSmall(Asic.ARCHIVE_TIME_STAMP_ENTRY);
        List<X509Certificate> certs = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>(context.crls());
        try {
            CMSSignedData signed = new CMSSignedData(p7s);
            certs.addAll(CadesVerifier.certificates(signed));
            crls.addAll(CadesVerifier.crls(signed));
        } catch (Exception e) {
            // the signature's own checks report this; the archive time-stamp is judged without its data
        }
        TimeStampVerdict v = TimeStampVerifier.verifyArchive(token, manifest, certs, crls, context);
        List<String> problems = new ArrayList<>(v.problems());
        problems.addAll(coverage(reader, parsed.references()));
        TimeStampVerdict verdict = new TimeStampVerdict(v.kind(), v.tsaSubject(), v.genTime(), v.digestAlgorithm(),
                v.messageImprintMatches(), v.signatureValid(), v.tsaChainStatus(), v.tsaChain(), problems);
        return new Result(verdict, verdict.isValid() ? verdict.genTime() : null);
    }

    /** Every file but the archive's own two must be listed, with the digest it has now. */
    private static List<String> coverage(AsicReader reader, List<FileDigest> references) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        byte[] buffer = new byte[1 << 20];
        for (FileDigest ref : references) {
            listed.add(ref.name());
            if (!reader.has(ref.name())) {
                problems.add(Asic.ARCHIVE_MANIFEST_ENTRY + " lists " + ref.name() + ", which is not in the package");
            } else if (!MessageDigest.isEqual(ref.sha256(), reader.sha256(ref.name(), buffer))) {
                problems.add(ref.name() + " changed after the archive time-stamp");
            }
        }
        for (String name : reader.names()) {
            if (!listed.contains(name) && !name.equals(Asic.MIMETYPE_ENTRY) && !name.equals(Asic.ARCHIVE_MANIFEST_ENTRY)
                    && !name.equals(Asic.ARCHIVE_TIME_STAMP_ENTRY)) {
                problems.add(name + " is not covered by the archive time-stamp");
            }
        }
        return problems;
    }
}

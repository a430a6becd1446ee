package cn.gov.jieyang.talent.signing.internal;

import cn.gov.jieyang.talent.signing.FileVerdict;
import cn.gov.jieyang.talent.signing.SignerDetails;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a {@link VerificationReport}; field names are stable, scripts and the portal read them. */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * @param r the report
     * @return its JSON text
     */
    public static String write(VerificationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("indication", r.indication().name());
        m.put("subIndication", r.subIndication().map(Enum::name).orElse(null));
        m.put("valid", r.isValid());
        m.put("validationTime", r.validationTime().toString());
        m.put("proofOfExistence", r.proofOfExistence().map(Instant::toString).orElse(null));
        m.put("problems", r.problems());
        m.put("warnings", r.warnings());
        List<Object> fs = new ArrayList<>();
        for (FileVerdict f : r.files()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("status", f.status().name());
            fm.put("mediaType", f.mediaType());
            fm.put("expectedSha256", f.expectedSha256());
            fm.put("actualSha256", f.actualSha256());
            fs.add(fm);
        }
        m.put("files", fs);
        m.put("signer", r.signer().map(ReportJson::signer).orElse(null));
        List<Object> ts = new ArrayList<>();
        r.timeStamps().forEach(t -> ts.add(timeStamp(t)));
        m.put("timeStamps", ts);
        return Json.write(m);
    }

    private static Map<String, Object> signer(SignerDetails signer) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("subject", signer.subject());
        s.put("issuer", signer.issuer());
        s.put("serialNumber", signer.serialNumber());
        s.put("certificateSha256", signer.certificateSha256());
        s.put("signingTime", signer.signingTime() == null ? null : signer.signingTime().toString());
        s.put("signatureAlgorithm", signer.signatureAlgorithm());
        s.put("digestAlgorithm", signer.digestAlgorithm());
        s.put("chainStatus", signer.chainStatus().name());
        s.put("chain", signer.chain());
        return s;
    }

    private static Map<String, Object> timeStamp(TimeStampVerdict t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.kind() == TimeStampVerdict.Kind.ARCHIVE ? "archive-time-stamp" : "signature-time-stamp");
        m.put("valid", t.isValid());
        m.put("tsa", t.tsaSubject());
        m.put("genTime", t.genTime() == null ? null : t.genTime().toString());
        m.put("digestAlgorithm", t.digestAlgorithm());
        m.put("messageImprintMatches", t.messageImprintMatches());
        m.put("signatureValid", t.signatureValid());
        m.put("tsaChainStatus", t.tsaChainStatus().name());
        m.put("tsaChain", t.tsaChain());
        m.put("problems", t.problems());
        return m;
    }
}

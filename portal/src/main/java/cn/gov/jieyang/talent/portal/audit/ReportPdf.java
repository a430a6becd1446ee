package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.audit.PackagesOnRecord.StoredPackage;
import cn.gov.jieyang.talent.portal.sealing.ReportSealer;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.signing.FileVerdict;
import cn.gov.jieyang.talent.signing.SignerDetails;
import cn.gov.jieyang.talent.signing.TimeStampVerdict;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The verification report of a stored package as a PDF sealed by the bureau ({@code adbe.pkcs7.detached}:
 * a CAdES signature over the file's byte range, time-stamped when a TSA is configured), as SiVa signs its
 * validation reports: an auditor can file it and anyone can later check, with any PDF reader or
 * {@code signing}'s tools, that the portal issued exactly this report. It states the same things as the
 * page and the JSON, in the reader's language; the applicant appears masked, as on the page.
 */
@Component
class ReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Room for the CMS: the seal's chain, the CA's CRL and a time-stamp token with the TSA's chain. */
    private static final int SIGNATURE_SIZE = 32 * 1024;

    private final ReportSealer sealer;
    private final ReportFonts fonts;
    private final MessageSource messages;

    ReportPdf(ReportSealer sealer, ReportFonts fonts, MessageSource messages) {
        this.sealer = sealer;
        this.fonts = fonts;
        this.messages = messages;
    }

    /**
     * Renders and seals the report.
     *
     * @param stored the package on record
     * @param report what its verification found
     * @param at     when (the validation time; also the signing time)
     * @param locale the reader's language
     * @return the sealed PDF
     */
    byte[] render(StoredPackage stored, VerificationReport report, Instant at, Locale locale) {
        try {
            return seal(draw(lines(stored, report, at, locale), stored, locale), at, locale);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report", e);
        }
    }

    private byte[] draw(List<ReportText.Line> lines, StoredPackage stored, Locale locale) throws IOException {
        try (PDDocument doc = new PDDocument(); ReportFonts.Loaded font = fonts.load(doc)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(text("audit.report.title", locale) + " " + stored.onRecord().reference());
            info.setAuthor(sealer.signerName());
            ReportText.write(doc, font.font(), lines);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Signs the saved file by an incremental update, so that the signature covers every byte drawn. */
    private byte[] seal(byte[] unsigned, Instant at, Locale locale) throws IOException {
        try (PDDocument doc = Loader.loadPDF(unsigned); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(sealer.signerName());
            signature.setReason(text("audit.report.reason", locale));
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ChinaTime.ZONE));
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, content -> sealer.sign(content.readAllBytes(), at), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private List<ReportText.Line> lines(StoredPackage stored, VerificationReport report, Instant at, Locale locale) {
        List<ReportText.Line> lines = new ArrayList<>();
        lines.add(ReportText.Line.title(text("audit.report.title", locale)));
        field(lines, locale, "submission.reference", stored.onRecord().reference() + " · "
                + text("submission.package.versionN", locale, stored.onRecord().version()));
        field(lines, locale, "audit.packages.applicant", stored.applicantName() + " · " + stored.applicantIdMasked());
        field(lines, locale, "audit.package.sealedAt", time(stored.signedAt()));
        lines.add(ReportText.Line.text("SHA-256: " + stored.sha256()));
        field(lines, locale, "audit.report.validatedAt", time(at));
        lines.add(ReportText.Line.heading(text("verify.result", locale)));
        field(lines, locale, "verify.indication", report.indication() + report.subIndication().map(s -> " / " + s)
                .orElse("") + " — " + text("verify.indication." + report.indication(), locale));
        SignerDetails signer = report.signer().orElse(null);
        if (signer != null) {
            field(lines, locale, "verify.signer", signer.subject());
            field(lines, locale, "verify.issuer", signer.issuer());
            field(lines, locale, "verify.signingTime", signer.signingTime() == null ? "-" : time(signer.signingTime()));
            field(lines, locale, "verify.chain", String.valueOf(signer.chainStatus()));
        }
        field(lines, locale, "verify.proofOfExistence", report.proofOfExistence().map(ReportPdf::time)
                .orElseGet(() -> text("verify.proofOfExistence.none", locale)));
        lines.add(ReportText.Line.heading(text("verify.timeStamps", locale)));
        if (report.timeStamps().isEmpty()) {
            lines.add(ReportText.Line.text(text("verify.timeStamps.none", locale)));
        }
        for (TimeStampVerdict t : report.timeStamps()) {
            lines.add(ReportText.Line.text((t.isValid() ? text("verify.timeStamp.valid", locale)
                    : text("verify.timeStamp.failed", locale)) + " · " + text("verify.timeStamp.kind." + t.kind(), locale)
                    + " · " + (t.genTime() == null ? "-" : time(t.genTime())) + " · " + t.tsaSubject()));
            t.problems().forEach(p -> lines.add(ReportText.Line.text("  " + p)));
        }
        lines.add(ReportText.Line.heading(text("verify.files", locale)));
        for (FileVerdict f : report.files()) {
            lines.add(ReportText.Line.text(f.status() + "  " + f.name()));
        }
        lines.add(ReportText.Line.heading(text("verify.problems", locale)));
        if (report.problems().isEmpty()) {
            lines.add(ReportText.Line.text(text("verify.none", locale)));
        }
        report.problems().forEach(p -> lines.add(ReportText.Line.text(p)));
        report.warnings().forEach(w -> lines.add(ReportText.Line.text(w)));
        lines.add(ReportText.Line.heading(text("audit.report.sealHeading", locale)));
        lines.add(ReportText.Line.text(text("audit.report.sealedBy", locale, sealer.signerName())));
        return lines;
    }

    private void field(List<ReportText.Line> lines, Locale locale, String label, String value) {
        lines.add(ReportText.Line.text(text(label, locale) + ": " + value));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String time(Instant at) {
        return TIME.format(ChinaTime.localDateTime(at)) + " (UTC+8)";
    }
}

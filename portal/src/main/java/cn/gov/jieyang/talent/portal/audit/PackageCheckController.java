package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.storage.Sha256;
import cn.gov.jieyang.talent.signing.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The auditor's check of a sealed package against the seal's CA ({@code /audit/**} is for the auditor
 * role only, enforced by the login configuration and again here). Which application version the
 * package is comes from {@link PackagesOnRecord}, which the submission feature implements. The upload
 * goes to a temporary file (never into memory), is verified by the signing library and deleted; the
 * check itself is audited. A package that inflates beyond {@link PackageCheckLimits} is refused by the
 * verifier as soon as it has inflated that much: TOTAL_FAILED / FORMAT_FAILURE, the reason on the page.
 */
@Controller
class PackageCheckController {

    private final PackageChecks checks;
    private final PackageCheckLimits limits;
    private final ContentStore store;
    private final PackagesOnRecord packages;
    private final AuditLog audit;

    PackageCheckController(PackageChecks checks, ContentStore store, PackagesOnRecord packages, AuditLog audit) {
        this.checks = checks;
        this.limits = checks.limits();
        this.store = store;
        this.packages = packages;
        this.audit = audit;
    }

    /** Both the form and the result say what is accepted, so a refusal for size is no surprise. */
    @ModelAttribute
    void limits(Model model) {
        model.addAttribute("uploadLimitMb", limits.upload().toMegabytes());
        model.addAttribute("inflatedLimitMb", limits.inflated().toMegabytes());
    }

    @GetMapping("/audit/verify")
    String form(CurrentUser me) {
        AuditController.requireAuditor(me);
        return "audit/verify";
    }

    @PostMapping("/audit/verify")
    ModelAndView check(@RequestParam(name = "package", required = false) MultipartFile upload, CurrentUser me)
            throws IOException {
        AuditController.requireAuditor(me);
        ModelAndView mav = new ModelAndView("audit/verify");
        if (upload == null || upload.isEmpty()) {
            mav.addObject("missing", true);
            mav.setStatus(HttpStatus.BAD_REQUEST);
            return mav;
        }
        Path temp = store.newTempFile();
        try {
            MessageDigest sha = Sha256.newDigest();
            try (InputStream in = new DigestInputStream(upload.getInputStream(), sha);
                    OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            String digest = Sha256.hex(sha);
            VerificationReport report = checks.verify(temp);
            PackagesOnRecord.PackageOnRecord known = packages.findBySha256(digest).orElse(null);
            audit.record(new AuditEntry(me.subject(), ActorRole.AUDITOR, "PackageVerified",
                    known == null ? null : known.applicationId(), null,
                    "sha256=" + digest + "; indication=" + report.indication()));
            mav.addObject("report", report);
            mav.addObject("subIndication", report.subIndication().orElse(null));
            mav.addObject("signer", report.signer().orElse(null));
            mav.addObject("digest", digest);
            mav.addObject("known", known);
            return mav;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

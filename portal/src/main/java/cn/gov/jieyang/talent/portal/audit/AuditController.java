package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import cn.gov.jieyang.talent.signing.AuditExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditor's page: the audit chain recomputed from the first event ({@link AuditLog#verify()}), what
 * the signed checkpoints say about it ({@link AuditCheckpoints#check()}: a tail cut off or rewritten),
 * the latest events, and the export of the whole chain for the offline checker. Only ROLE_AUDITOR
 * reaches /audit (LoginConfig), checked again here.
 */
@Controller
class AuditController {

    /** How many recent events the page lists. */
    static final int LATEST = 50;

    private final AuditLog audit;
    private final AuditCheckpoints checkpoints;
    private final AuditExporter exporter;
    private final Clock clock;

    AuditController(AuditLog audit, AuditCheckpoints checkpoints, AuditExporter exporter, Clock clock) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.exporter = exporter;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String audit(CurrentUser me, Model model) {
        requireAuditor(me);
        ChainCheck check = audit.verify();
        CheckpointCheck sealed = checkpoints.check();
        model.addAttribute("check", check);
        model.addAttribute("sealed", sealed);
        model.addAttribute("intact", check.intact() && sealed.consistent());
        if (sealed.newest() != null) {
            model.addAttribute("newestAt", ChinaTime.localDateTime(sealed.newest().checkpoint().at()));
        }
        if (sealed.firstBreak() != null) {
            model.addAttribute("breakAt", ChinaTime.localDateTime(sealed.firstBreak().at()));
        }
        model.addAttribute("events", audit.latest(LATEST).stream()
                .map(e -> new AuditRow(e, ChinaTime.localDateTime(e.occurredAt()))).toList());
        return "audit/chain";
    }

    /**
     * The whole chain as JSON Lines ({@link AuditExport}), streamed, for {@code signing.jar audit-verify}.
     * The export is itself an event, recorded first (so it is in the export), and a checkpoint is made
     * before it, so that nothing the export holds is left unsealed.
     */
    @GetMapping("/audit/export")
    void export(CurrentUser me, HttpServletResponse response) throws IOException {
        requireAuditor(me);
        audit.record(new AuditEntry(me.subject(), ActorRole.AUDITOR, "AuditExported", null, null,
                "format=" + AuditExport.FORMAT));
        checkpoints.checkpointQuietly("export");
        String name = "audit-export-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(ChinaTime.localDateTime(clock.instant())) + ".jsonl";
        response.setContentType(AuditExport.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exporter.export(response.getOutputStream());
    }

    /** The role again, so that a change to the URL rules cannot open the auditor's pages by accident. */
    static void requireAuditor(CurrentUser me) {
        if (me == null || !me.isAuditor()) {
            throw new PortalProblem("forbidden", HttpStatus.FORBIDDEN);
        }
    }

    /** An event with its time in China's time zone. */
    record AuditRow(AuditEvent event, LocalDateTime at) {
    }
}

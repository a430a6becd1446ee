package cn.gov.jieyang.talent.portal.audit;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.ChinaTime;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.LocalDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditor's page: the audit chain recomputed from the first event ({@link AuditLog#verify()}) and
 * the latest events. Only ROLE_AUDITOR reaches /audit (LoginConfig), checked again here.
 */
@Controller
class AuditController {

    /** How many recent events the page lists. */
    static final int LATEST = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(CurrentUser me, Model model) {
        requireAuditor(me);
        model.addAttribute("check", audit.verify());
        model.addAttribute("events", audit.latest(LATEST).stream()
                .map(e -> new AuditRow(e, ChinaTime.localDateTime(e.occurredAt()))).toList());
        return "audit/chain";
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

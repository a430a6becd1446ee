package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.authbridge.session.BridgeSession;
import cn.gov.jieyang.talent.authbridge.session.Sessions;
import cn.gov.jieyang.talent.signing.AuditExport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /audit/export}: the bridge's whole chain as JSON Lines ({@link AuditExport}), for
 * {@code signing.jar audit-verify EXPORT --trust ca.pem}. Only a bridge session with the role
 * {@code auditor} (a Keycloak realm role) gets it: the URL rule says so ({@code web.WebSecurityConfig})
 * and this controller checks again, so a change to the rules cannot open it by accident. The export is
 * itself an event, recorded first (so it is in the export), and a checkpoint is made before it, so that
 * nothing it holds is left unsealed.
 */
@Controller
class AuditExportController {

    static final String ROLE = "auditor";

    private final Sessions sessions;
    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final AuditExporter exporter;
    private final Clock clock;

    AuditExportController(Sessions sessions, AuditTrail trail, AuditCheckpoints checkpoints, AuditExporter exporter,
                          Clock clock) {
        this.sessions = sessions;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.exporter = exporter;
        this.clock = clock;
    }

    @GetMapping("/audit/export")
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BridgeSession auditor = sessions.current(request).filter(s -> s.roles().contains(ROLE)).orElse(null);
        if (auditor == null) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        trail.record(AuditEntry.exported(auditor.subject()));
        checkpoints.checkpointQuietly("export");
        String name = "auth-bridge-audit-export-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))) + ".jsonl";
        response.setContentType(AuditExport.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exporter.export(response.getOutputStream());
    }
}

package cn.gov.jieyang.talent.portal.review;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Lets a reviewer open a case's material files (each opening audited as {@code MaterialViewed}). Only
 * files of the case's own submitted application are found (any other id is a 404), and they are read
 * from the content store by their hash, never by a name that came from outside. Signed packages are
 * downloaded through the submission feature's one audited route, /applications/{id}/packages/{v}.
 */
@Controller
@RequestMapping("/review/cases/{caseId}")
class ReviewFilesController {

    private final ReviewQueries queries;
    private final ContentStore store;
    private final AuditLog audit;
    private final ReviewScope scope;

    ReviewFilesController(ReviewQueries queries, ContentStore store, AuditLog audit, ReviewScope scope) {
        this.scope = scope;
        this.queries = queries;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/files/{materialFileId}")
    ResponseEntity<Resource> material(@PathVariable UUID caseId, @PathVariable("materialFileId") UUID fileId,
            CurrentUser me) {
        ReviewController.requireReviewer(me);
        // Only a case of this reviewer's services (V15): any other is "not found".
        ReviewQueries.StoredFile file = queries.reviewCase(caseId).filter(kase -> scope.of(me).covers(kase.serviceCode()))
                .flatMap(kase -> queries.materialFile(caseId, fileId))
                .orElseThrow(() -> PortalProblem.notFound("review.file-not-found"));
        // Shown inline (PDF, JPEG or PNG, typed by content at upload); the sandbox CSP keeps any script a
        // crafted PDF might carry away from the portal's origin.
        // Opening an applicant's material is opening personal data: it leaves a trace in the audit chain,
        // as staff downloads of signed packages do (/applications/{id}/packages/{v}).
        audit.record(new AuditEntry(me.subject(), AuditEntry.ActorRole.REVIEWER, "MaterialViewed", file.applicationId(),
                caseId, "file=" + fileId + "; sha256=" + file.sha256()));
        return serve(file, MediaType.parseMediaType(file.mediaType()), ContentDisposition.inline(), "sandbox");
    }

    private ResponseEntity<Resource> serve(ReviewQueries.StoredFile file, MediaType type,
            ContentDisposition.Builder disposition, String csp) {
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.sizeBytes())
                .header("Content-Disposition", disposition.filename(file.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header("Content-Security-Policy", csp)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(store.open(file.sha256())));
    }
}

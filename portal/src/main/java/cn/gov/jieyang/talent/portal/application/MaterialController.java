package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The upload page of one material, uploads, replacing and deleting a file, and the owner's download of a
 * file.
 */
@Controller
class MaterialController {

    /** How much of a refused upload's remaining body is read (and dropped) before answering. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final Drafts drafts;
    private final MaterialUploads uploads;
    private final ContentStore store;

    MaterialController(Drafts drafts, MaterialUploads uploads, ContentStore store) {
        this.drafts = drafts;
        this.uploads = uploads;
        this.store = store;
    }

    @GetMapping("/applications/{id}/materials/{code}")
    String page(@PathVariable UUID id, @PathVariable String code, CurrentUser me,
            @RequestParam(required = false) String uploaded, @RequestParam(required = false) String replaced,
            Model model) {
        model.addAttribute("replaced", replaced != null);
        return page(owned(id, me), code, uploaded != null, null, model);
    }

    @PostMapping("/applications/{id}/materials/{code}")
    String upload(@PathVariable UUID id, @PathVariable String code, CurrentUser me, HttpServletRequest request,
            Model model, HttpServletResponse response) {
        return receive(id, code, me, "uploaded", (name, content) -> uploads.upload(id, me, code, name, content),
                request, model, response);
    }

    /** Replace in one step: the old file goes only once the new one is stored (MaterialUploads.replace). */
    @PostMapping("/applications/{id}/materials/{code}/files/{fileId}/replace")
    String replace(@PathVariable UUID id, @PathVariable String code, @PathVariable UUID fileId, CurrentUser me,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        return receive(id, code, me, "replaced",
                (name, content) -> uploads.replace(id, me, code, fileId, name, content), request, model, response);
    }

    private String receive(UUID id, String code, CurrentUser me, String done,
            java.util.function.BiConsumer<String, InputStream> storing, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        // Someone else's application is a 404 before a byte of the file is read.
        owned(id, me);
        try {
            // The page has a file input and a camera input, both named "file", as alternatives: one file per
            // upload, so an upload is stored whole or refused whole (never one of two files half-accepted).
            FileItemInput file = firstFile(request).orElseThrow(() -> new Refusal(Refusal.Reason.NO_FILE));
            storing.accept(file.getName(), new FromClient(file.getInputStream()));
            return "redirect:/applications/" + id + "/materials/" + code + "?" + done;
        } catch (IOException e) {
            return refused(id, code, me, new Refusal(Refusal.Reason.MALFORMED), model, request, response);
        } catch (Refusal refusal) {
            return refused(id, code, me, refusal, model, request, response);
        }
    }

    private static java.util.Optional<FileItemInput> firstFile(HttpServletRequest request) throws IOException {
        java.util.Optional<StreamingUpload> body = StreamingUpload.of(request);
        return body.isEmpty() ? java.util.Optional.empty() : body.get().firstFile();
    }

    private String refused(UUID id, String code, CurrentUser me, Refusal refusal, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // Read (and drop) what the client is still sending, so that it gets to read this page instead of
        // a reset connection; past DRAIN_LIMIT the container closes the connection after answering.
        try {
            long left = DRAIN_LIMIT;
            java.io.InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away or sent garbage: the page below is all it can get.
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(owned(id, me), code, false, refusal, model);
    }

    /**
     * The request body as the client sends it: a read that fails (a truncated or garbled body, a
     * client gone) is the client's fault, a refusal, not a storage failure. Closing it does not read
     * the rest of the body.
     */
    private static final class FromClient extends java.io.FilterInputStream {

        FromClient(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Refusal(Refusal.Reason.MALFORMED);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new Refusal(Refusal.Reason.MALFORMED);
            }
        }

        @Override
        public void close() {
            // Left to the container: closing a part's stream would read the rest of it, unbounded.
        }
    }

    @PostMapping("/applications/{id}/materials/{code}/files/{fileId}/delete")
    String delete(@PathVariable UUID id, @PathVariable String code, @PathVariable UUID fileId, CurrentUser me) {
        uploads.delete(id, me, code, fileId);
        return "redirect:/applications/" + id + "/materials/" + code;
    }

    @GetMapping("/applications/{id}/files/{fileId}")
    ResponseEntity<Resource> download(@PathVariable UUID id, @PathVariable UUID fileId, CurrentUser me) {
        MaterialFile file = owned(id, me).file(fileId)
                .orElseThrow(() -> PortalProblem.notFound("application.file-not-found"));
        // Always an attachment with the type established from the content, and nosniff: an uploaded
        // file is never rendered as a page of the portal's origin.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(store.pathOf(file.sha256())));
    }

    private String page(DraftView draft, String code, boolean uploaded, Refusal refusal, Model model) {
        RequiredMaterial material = draft.requiredMaterial(code)
                .orElseThrow(() -> PortalProblem.notFound("application.material-not-found"));
        model.addAttribute("draft", draft);
        model.addAttribute("material", material);
        model.addAttribute("files", draft.filesFor(code));
        model.addAttribute("mayUpload", draft.mayChangeFiles(code));
        model.addAttribute("maxMegabytes", Math.max(1, store.maxUploadBytes() / (1024 * 1024)));
        model.addAttribute("maxBytes", store.maxUploadBytes());
        model.addAttribute("uploaded", uploaded);
        model.addAttribute("refusalKey", refusal == null ? null : refusal.reason().messageKey());
        return "applications/material";
    }

    private DraftView owned(UUID id, CurrentUser me) {
        return drafts.findOwned(id, me.subject()).orElseThrow(() -> PortalProblem.notFound("application.not-found"));
    }
}

package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.multipart.MultipartFile;

/** The upload page of one material, uploads, deleting a file, and the owner's download of a file. */
@Controller
class MaterialController {

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
            @RequestParam(required = false) String uploaded, Model model) {
        return page(owned(id, me), code, uploaded != null, null, model);
    }

    @PostMapping("/applications/{id}/materials/{code}")
    String upload(@PathVariable UUID id, @PathVariable String code, CurrentUser me,
            @RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        // The page has a file input and a camera input, both named "file", as alternatives: one file per
        // upload, so an upload is stored whole or refused whole (never one of two files half-accepted).
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty())
                        .limit(1).toList();
        try {
            if (chosen.isEmpty()) {
                throw new Refusal(Refusal.Reason.NO_FILE);
            }
            for (MultipartFile file : chosen) {
                try (InputStream in = file.getInputStream()) {
                    uploads.upload(id, me, code, file.getOriginalFilename(), in);
                }
            }
            return "redirect:/applications/" + id + "/materials/" + code + "?uploaded";
        } catch (Refusal refusal) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(owned(id, me), code, false, refusal, model);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an upload failed", e);
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

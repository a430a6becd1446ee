package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.storage.ContentRejectedException;
import cn.gov.jieyang.talent.portal.storage.ContentStore;
import cn.gov.jieyang.talent.portal.storage.StoredContent;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds, replaces and deletes the files given for a material. In a draft, any required material; after
 * submission only the materials a returned case needs (the resubmission path), and a file may be
 * deleted then only while another remains for its material (replacing it is always possible). Anything
 * else is a 409.
 *
 * <p>An upload is checked, then streamed into the content store with no transaction open (a 20 MiB
 * file takes as long as the network needs: no pool connection or row lock waits for it), then recorded
 * in one short transaction that checks again under the application's lock. Bytes stored for an upload
 * refused at that last check are unreferenced, content-addressed and harmless.
 */
@Service
class MaterialUploads {

    /** Bounds the rows one material can collect. */
    static final int MAX_FILES_PER_MATERIAL = 10;

    private final DraftCommands commands;
    private final Drafts drafts;
    private final DraftRepository repository;
    private final ContentStore store;
    private final Clock clock;
    private final TransactionTemplate recording;

    MaterialUploads(DraftCommands commands, Drafts drafts, DraftRepository repository, ContentStore store, Clock clock,
            PlatformTransactionManager transactions) {
        this.commands = commands;
        this.drafts = drafts;
        this.repository = repository;
        this.store = store;
        this.clock = clock;
        this.recording = new TransactionTemplate(transactions);
    }

    /**
     * Streams an upload into the content store and records it for the material.
     *
     * @param fileName the name the device gave (cleaned for display; never a path)
     * @param content  the bytes, streamed
     * @return the new file's id
     * @throws Refusal if empty, too large, not PDF/JPEG/PNG by content, the same bytes again, or too many
     */
    UUID upload(UUID id, CurrentUser me, String materialCode, String fileName, InputStream content) {
        // Checked before storing, so a refused request leaves no new bytes behind.
        checkMayAdd(owned(id, me), materialCode);
        StoredContent stored = store(content);
        return recording.execute(tx -> {
            DraftView application = commands.lockOwned(id, me);
            checkMayAdd(application, materialCode);
            UUID fileId = insert(application, materialCode, stored, fileName);
            commands.record(me, "MaterialUploaded", id, materialCode + " " + stored.sha256());
            return fileId;
        });
    }

    /**
     * Replaces one file of a material by an upload, in one step: the new file is streamed into the store
     * first, and only then, in one transaction, recorded and the old one removed, so a refused or broken
     * upload leaves the old file where it was. Allowed wherever files may be added (a draft, or a material
     * of a returned case), also for the only file of a returned case's material, which may not be deleted.
     *
     * @return the new file's id
     * @throws Refusal as for {@link #upload}, except that the number of files does not grow
     */
    UUID replace(UUID id, CurrentUser me, String materialCode, UUID oldFileId, String fileName, InputStream content) {
        checkMayReplace(owned(id, me), materialCode, oldFileId);
        StoredContent stored = store(content);
        return recording.execute(tx -> {
            DraftView application = commands.lockOwned(id, me);
            MaterialFile old = checkMayReplace(application, materialCode, oldFileId);
            UUID fileId = insert(application, materialCode, stored, fileName);
            repository.deleteFile(id, oldFileId);
            commands.record(me, "MaterialReplaced", id, materialCode + " " + old.sha256() + " -> " + stored.sha256());
            return fileId;
        });
    }

    private DraftView owned(UUID id, CurrentUser me) {
        return drafts.findOwned(id, me.subject()).orElseThrow(() -> PortalProblem.notFound("application.not-found"));
    }

    private StoredContent store(InputStream content) {
        try {
            return store.storeMaterial(content);
        } catch (ContentRejectedException e) {
            throw new Refusal(switch (e.reason()) {
                case EMPTY -> Refusal.Reason.EMPTY;
                case TOO_LARGE -> Refusal.Reason.TOO_LARGE;
                case TYPE_NOT_ALLOWED -> Refusal.Reason.TYPE_NOT_ALLOWED;
            });
        }
    }

    /** Records stored bytes as a new file of the material (inside the caller's transaction). */
    private UUID insert(DraftView application, String materialCode, StoredContent stored, String fileName) {
        boolean duplicate = application.filesFor(materialCode).stream()
                .anyMatch(f -> f.sha256().equals(stored.sha256()));
        if (duplicate) {
            throw new Refusal(Refusal.Reason.DUPLICATE);
        }
        UUID fileId = UUID.randomUUID();
        repository.insertFile(fileId, application.id(), materialCode, stored.sha256(), FileNames.clean(fileName),
                clock.instant());
        repository.touch(application.id(), clock.instant());
        return fileId;
    }

    private static MaterialFile checkMayReplace(DraftView application, String materialCode, UUID fileId) {
        checkMaterial(application, materialCode);
        MaterialFile file = application.file(fileId).filter(f -> f.materialCode().equals(materialCode))
                .orElseThrow(() -> PortalProblem.notFound("application.file-not-found"));
        if (!application.mayChangeFiles(materialCode)) {
            throw PortalProblem.conflict("application.files-read-only");
        }
        return file;
    }

    private static void checkMayAdd(DraftView application, String materialCode) {
        checkMaterial(application, materialCode);
        if (!application.mayChangeFiles(materialCode)) {
            throw PortalProblem.conflict("application.files-read-only");
        }
        if (application.filesFor(materialCode).size() >= MAX_FILES_PER_MATERIAL) {
            throw new Refusal(Refusal.Reason.TOO_MANY_FILES);
        }
    }

    /** Deletes one file of the owner's application (the stored bytes stay: others may share them). */
    @Transactional
    void delete(UUID id, CurrentUser me, String materialCode, UUID fileId) {
        DraftView application = commands.lockOwned(id, me);
        MaterialFile file = application.file(fileId).filter(f -> f.materialCode().equals(materialCode))
                .orElseThrow(() -> PortalProblem.notFound("application.file-not-found"));
        if (!application.mayDelete(file)) {
            throw PortalProblem.conflict("application.files-read-only");
        }
        repository.deleteFile(id, fileId);
        repository.touch(id, clock.instant());
        commands.record(me, "MaterialDeleted", id, materialCode + " " + file.sha256());
    }

    private static void checkMaterial(DraftView application, String materialCode) {
        if (application.requiredMaterial(materialCode).isEmpty()) {
            throw PortalProblem.notFound("application.material-not-found");
        }
    }
}

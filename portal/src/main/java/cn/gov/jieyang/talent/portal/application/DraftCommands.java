package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.portal.cases.Cases;
import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import cn.gov.jieyang.talent.portal.login.CurrentUser;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a draft: create it from chosen services, add or remove services, save the form. Every
 * command locks the owner's application row first (another applicant's id is "not found") and refuses
 * to change anything once the application is submitted (409). Files: {@link MaterialUploads}.
 */
@Service
class DraftCommands {

    static final int MAX_SERVICES = 20;

    private final DraftRepository repository;
    private final Drafts drafts;
    private final Cases cases;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;

    DraftCommands(DraftRepository repository, Drafts drafts, Cases cases, Catalogue catalogue, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.drafts = drafts;
        this.cases = cases;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a draft with the chosen services.
     *
     * @throws Refusal if none is chosen, or one is unknown, not open to the applicant or closed
     */
    @Transactional
    UUID create(CurrentUser me, Collection<String> serviceCodes) {
        SubjectType type = repository.subjectTypeOf(me.subject()).map(Drafts::subjectType)
                .orElseThrow(() -> PortalProblem.conflict("application.profile-missing"));
        List<TalentService> chosen = choose(type, serviceCodes, Set.of());
        UUID id = UUID.randomUUID();
        String reference;
        do {
            reference = References.next(clock);
        } while (repository.referenceTaken(reference));
        Instant now = clock.instant();
        repository.insertApplication(id, reference, me.subject(), now);
        for (TalentService service : chosen) {
            cases.open(id, service.code(), now);
        }
        record(me, "ApplicationDrafted", id, chosen.stream().map(TalentService::code).collect(Collectors.joining(",")));
        return id;
    }

    /** Adds services to a draft. */
    @Transactional
    void addServices(UUID id, CurrentUser me, Collection<String> serviceCodes) {
        DraftView draft = lockDraft(id, me);
        Set<String> already = draft.cases().stream().map(DraftCase::serviceCode).collect(Collectors.toSet());
        List<TalentService> chosen = choose(draft.bundle().applicant(), serviceCodes, already);
        Instant now = clock.instant();
        for (TalentService service : chosen) {
            cases.open(id, service.code(), now);
        }
        repository.touch(id, now);
        record(me, "ServicesAdded", id, chosen.stream().map(TalentService::code).collect(Collectors.joining(",")));
    }

    /**
     * Removes a service from a draft, and with it the answers and files that no remaining service
     * needs (a material or field another chosen service still needs is kept).
     */
    @Transactional
    void removeService(UUID id, CurrentUser me, String serviceCode) {
        DraftView draft = lockDraft(id, me);
        if (!draft.bundle().contains(serviceCode)) {
            throw PortalProblem.notFound("application.service-not-chosen");
        }
        if (draft.bundle().services().size() == 1) {
            throw PortalProblem.conflict("application.last-service");
        }
        ServiceBundle after = draft.bundle().without(serviceCode);
        Set<String> stillNeeded = after.requiredMaterials().stream().map(RequiredMaterial::code)
                .collect(Collectors.toSet());
        List<String> dropped = draft.requiredMaterials().stream().map(RequiredMaterial::code)
                .filter(code -> !stillNeeded.contains(code)).toList();
        repository.deleteFilesOf(id, dropped);
        cases.discardDraft(id, serviceCode);
        Set<String> keptFields = draft.fields().stream()
                .filter(f -> f.neededBy().stream().anyMatch(s -> !s.equals(serviceCode)))
                .map(FormField::code).collect(Collectors.toSet());
        repository.deleteAnswersExcept(id, keptFields);
        repository.touch(id, clock.instant());
        record(me, "ServiceRemoved", id, serviceCode);
    }

    /**
     * Saves the form if every answer is acceptable; otherwise saves nothing.
     *
     * @param given the submitted values by field code (unknown codes are ignored)
     * @return the problems by field code, in form order; empty if saved
     */
    @Transactional
    Map<String, FormField.Problem> saveAnswers(UUID id, CurrentUser me, Map<String, String> given) {
        DraftView draft = lockDraft(id, me);
        Map<String, FormField.Problem> problems = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : draft.fields()) {
            String value = normalise(given.get(field.code()));
            FormField.Problem problem = field.check(value);
            if (problem != null) {
                problems.put(field.code(), problem);
            }
            values.put(field.code(), value);
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Set<String> keep = new HashSet<>();
        values.forEach((code, value) -> {
            if (!value.isEmpty()) {
                repository.saveAnswer(id, code, value);
                keep.add(code);
            }
        });
        repository.deleteAnswersExcept(id, keep);
        repository.touch(id, clock.instant());
        record(me, "FormSaved", id, "");
        return problems;
    }

    /** Locks and reads the owner's application; 404 if not theirs, 409 if no longer a draft. */
    DraftView lockDraft(UUID id, CurrentUser me) {
        DraftView draft = lockOwned(id, me);
        if (!draft.isDraft()) {
            throw PortalProblem.conflict("application.not-a-draft");
        }
        return draft;
    }

    /** Locks and reads the owner's application (draft or submitted); 404 if not theirs. */
    DraftView lockOwned(UUID id, CurrentUser me) {
        return repository.head(id, me.subject(), true).map(drafts::view)
                .orElseThrow(() -> PortalProblem.notFound("application.not-found"));
    }

    void record(CurrentUser me, String event, UUID applicationId, String detail) {
        audit.record(new AuditEntry(me.subject(), AuditEntry.ActorRole.APPLICANT, event, applicationId, null, detail));
    }

    private List<TalentService> choose(SubjectType type, Collection<String> codes, Set<String> already) {
        if (codes.size() > MAX_SERVICES) {
            throw new Refusal(Refusal.Reason.UNKNOWN_SERVICE);
        }
        Map<String, TalentService> all = catalogue.all().stream()
                .collect(Collectors.toMap(TalentService::code, s -> s));
        List<TalentService> chosen = new ArrayList<>();
        for (String code : new java.util.LinkedHashSet<>(codes)) {
            TalentService service = all.get(code);
            if (service == null) {
                throw new Refusal(Refusal.Reason.UNKNOWN_SERVICE);
            }
            if (!service.admits(type)) {
                throw new Refusal(Refusal.Reason.NOT_FOR_SUBJECT, code);
            }
            if (!service.acceptsApplications()) {
                throw new Refusal(Refusal.Reason.CALL_CLOSED, code);
            }
            if (!already.contains(code)) {
                chosen.add(service);
            }
        }
        if (chosen.isEmpty()) {
            throw new Refusal(Refusal.Reason.NO_SERVICE);
        }
        return chosen;
    }

    private static String normalise(String value) {
        // Windows line ends count once towards the length; surrounding blanks are not an answer.
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }
}

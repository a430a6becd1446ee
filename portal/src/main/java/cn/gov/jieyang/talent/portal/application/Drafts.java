package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.catalogue.Catalogue;
import cn.gov.jieyang.talent.portal.catalogue.SubjectType;
import cn.gov.jieyang.talent.portal.catalogue.TalentService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads applications for their owner: the public read API other features use (e.g. submission checks
 * {@link DraftView#isComplete()}'s parts before sealing). Every lookup takes the owner's subject, so another
 * applicant's id is indistinguishable from one that does not exist.
 */
@Service
public class Drafts {

    private final DraftRepository repository;
    private final FormCatalogue form;
    private final Catalogue catalogue;

    Drafts(DraftRepository repository, FormCatalogue form, Catalogue catalogue) {
        this.repository = repository;
        this.form = form;
        this.catalogue = catalogue;
    }

    /**
     * An application (draft or submitted) if it belongs to the subject.
     *
     * @param id      the application id
     * @param subject the owner's subject
     * @return the application, or empty if there is none with that id owned by that subject
     */
    @Transactional(readOnly = true)
    public Optional<DraftView> findOwned(UUID id, String subject) {
        return repository.head(id, subject, false).map(this::view);
    }

    /**
     * The subject's drafts (not yet submitted), most recently changed first.
     *
     * @param subject the owner's subject
     * @return the drafts
     */
    @Transactional(readOnly = true)
    public List<DraftView> draftsOf(String subject) {
        return repository.drafts(subject).stream().map(this::view).toList();
    }

    /** Reads the full view of a locked or unlocked head (package use: commands re-read under lock). */
    DraftView view(DraftRepository.Head head) {
        List<DraftCase> cases = repository.cases(head.id());
        Set<String> codes = cases.stream().map(DraftCase::serviceCode).collect(Collectors.toSet());
        List<TalentService> services = catalogue.all().stream().filter(s -> codes.contains(s.code())).toList();
        ServiceBundle bundle = ServiceBundle.of(subjectType(head.subjectType()), services);
        return new DraftView(head.id(), head.reference(), head.applicantSubject(), head.status(), head.createdAt(),
                head.updatedAt(), bundle, cases, form.fieldsFor(codes), repository.answers(head.id()),
                repository.files(head.id()));
    }

    static SubjectType subjectType(String dbValue) {
        return SubjectType.valueOf(dbValue.toUpperCase(Locale.ROOT));
    }
}

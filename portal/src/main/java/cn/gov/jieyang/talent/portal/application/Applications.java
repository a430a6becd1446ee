package cn.gov.jieyang.talent.portal.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads of an application by id for features that have already decided the caller may see it: the
 * reviewer's case page, the applicant's matters page after its ownership check, the submission while
 * sealing. Unlike {@link Drafts}, nothing here checks ownership, so callers must authorise first.
 * The application feature owns these tables; reading them here keeps one query for each.
 */
@Service
public class Applications {

    private final DraftRepository repository;
    private final FormCatalogue form;

    Applications(DraftRepository repository, FormCatalogue form) {
        this.repository = repository;
        this.form = form;
    }

    /**
     * The answers one case needs: those to the fields its service asks (the common ones, such as the contact
     * phone, are asked by every service), each with its field, in the order the service asks them. Answers
     * given for the application's other services are left out: a reviewer of one service does not see what
     * only another one needs (a rent subsidy's bank account).
     *
     * @param applicationId the application
     * @param serviceCode   the case's service
     * @return the answered fields of that service, in its order; empty if none
     */
    public List<FieldAnswer> answersFor(UUID applicationId, String serviceCode) {
        Map<String, String> given = repository.answers(applicationId);
        return form.fieldsFor(List.of(serviceCode)).stream()
                .filter(f -> given.containsKey(f.code()))
                .map(f -> new FieldAnswer(f, given.get(f.code())))
                .toList();
    }

    /**
     * The application's answers to the one form.
     *
     * @param applicationId the application
     * @return field code → value, in field-code order; empty if none (or no such application)
     */
    public Map<String, String> answers(UUID applicationId) {
        return repository.answers(applicationId);
    }

    /**
     * Which service each of the application's cases is for, e.g. to name the service of a history event.
     *
     * @param applicationId the application
     * @return case id → service code
     */
    public Map<UUID, String> caseServices(UUID applicationId) {
        return repository.caseServices(applicationId);
    }
}

package cn.gov.jieyang.talent.portal.application;

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

    Applications(DraftRepository repository) {
        this.repository = repository;
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

package cn.gov.jieyang.talent.portal.submission;

import java.util.List;
import java.util.UUID;

/**
 * A submission refused for things the applicant can fix (materials missing, a call closed), each
 * named on the page. Thrown inside the transaction, so nothing is written.
 */
class SubmissionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID applicationId;
    private final String code;
    private final List<String> items;

    SubmissionRefused(UUID applicationId, String code, List<String> items) {
        super(code);
        this.applicationId = applicationId;
        this.code = code;
        this.items = List.copyOf(items);
    }

    UUID applicationId() {
        return applicationId;
    }

    String code() {
        return code;
    }

    List<String> items() {
        return items;
    }
}

package cn.gov.jieyang.talent.portal.sealing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed package says about the application, besides its materials: written into the package
 * as {@code application-summary.json} and covered by the seal. It holds no full ID number, only the
 * masked one.
 *
 * @param reference      the application's reference, e.g. JYRC-20261125-4F7K2Q
 * @param applicationId  the application's id
 * @param packageVersion 1 for the submission, n+1 for each resubmission
 * @param submittedAt    when this version was submitted
 * @param applicant      who applied
 * @param services       the chosen services, in catalogue order
 * @param answers        the form's answers, field code → value
 */
public record PackageSummary(String reference, UUID applicationId, int packageVersion, Instant submittedAt,
        Applicant applicant, List<ChosenService> services, Map<String, String> answers) {

    /**
     * Checks the parts and copies the collections.
     *
     * @param reference      reference
     * @param applicationId  id
     * @param packageVersion positive version
     * @param submittedAt    time
     * @param applicant      applicant
     * @param services       at least one service
     * @param answers        answers
     */
    public PackageSummary {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(applicationId, "applicationId");
        if (packageVersion < 1) {
            throw new IllegalArgumentException("package version must be positive");
        }
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(applicant, "applicant");
        services = List.copyOf(services);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a package names at least one service");
        }
        answers = Map.copyOf(answers);
    }

    /**
     * The applicant as the portal knows them.
     *
     * @param subject        the bridge subject
     * @param name           name of the person or enterprise
     * @param subjectType    {@code individual} or {@code enterprise}
     * @param verification   {@code face_verified} or {@code declared}
     * @param idNumberMasked individuals: the masked ID number (never the full one), else null
     * @param usci           enterprises: the unified social credit code (public on the business licence), else null
     */
    public record Applicant(String subject, String name, String subjectType, String verification,
            String idNumberMasked, String usci) {

        /**
         * Checks the parts.
         *
         * @param subject        subject
         * @param name           name
         * @param subjectType    type
         * @param verification   verification
         * @param idNumberMasked masked ID or null
         * @param usci           USCI or null
         */
        public Applicant {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(subjectType, "subjectType");
            Objects.requireNonNull(verification, "verification");
            if (idNumberMasked != null && idNumberMasked.chars().filter(Character::isDigit).count() > 10) {
                // A masked resident ID keeps at most its first and last few digits.
                throw new IllegalArgumentException("the ID number must be masked");
            }
        }
    }

    /**
     * A chosen service.
     *
     * @param code       catalogue code
     * @param nameZh     Chinese name
     * @param handling   {@code local} or {@code handed_off}
     * @param handoffUrl the provincial system's link when handed off, else null
     */
    public record ChosenService(String code, String nameZh, String handling, String handoffUrl) {

        /**
         * Checks the parts.
         *
         * @param code       code
         * @param nameZh     name
         * @param handling   handling
         * @param handoffUrl link or null
         */
        public ChosenService {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(nameZh, "nameZh");
            Objects.requireNonNull(handling, "handling");
        }
    }
}

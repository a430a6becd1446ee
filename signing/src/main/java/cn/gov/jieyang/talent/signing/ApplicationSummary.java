package cn.gov.jieyang.talent.signing;

import cn.gov.jieyang.talent.signing.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was applied for, by whom and when: written into every package as
 * {@value #ENTRY_NAME} and covered by the signature like any material.
 *
 * <p>The applicant is identified by an opaque subject identifier, never by an ID number, so that a
 * package can be handed to an auditor without disclosing more than the materials themselves.
 */
public final class ApplicationSummary {

    /** The entry name of the summary inside a package. */
    public static final String ENTRY_NAME = "application-summary.json";

    /** The media type of the summary. */
    public static final String MEDIA_TYPE = "application/json";

    private final String applicationId;
    private final String applicantSubject;
    private final List<String> services;
    private final Instant submittedAt;

    private ApplicationSummary(Builder b) {
        this.applicationId = requireText(b.applicationId, "applicationId");
        this.applicantSubject = requireText(b.applicantSubject, "applicantSubject");
        if (b.services.isEmpty()) {
            throw new SigningException(SigningException.Reason.INVALID_ENTRY, "a summary names at least one service");
        }
        b.services.forEach(s -> requireText(s, "service"));
        this.services = List.copyOf(b.services);
        this.submittedAt = Objects.requireNonNull(b.submittedAt, "submittedAt").truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the application's identifier */
    public String applicationId() {
        return applicationId;
    }

    /** @return the applicant's opaque subject identifier */
    public String applicantSubject() {
        return applicantSubject;
    }

    /** @return the chosen services' codes, in the order chosen */
    public List<String> services() {
        return services;
    }

    /** @return when the application was submitted (whole seconds) */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** @return the summary as UTF-8 JSON, the bytes that go into the package */
    public byte[] toJsonBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", applicationId);
        m.put("applicantSubject", applicantSubject);
        m.put("services", services);
        m.put("submittedAt", submittedAt.toString());
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new SigningException(SigningException.Reason.INVALID_ENTRY, what + " must be 1-200 characters");
        }
        return value;
    }

    /** Builds an {@link ApplicationSummary}. */
    public static final class Builder {
        private String applicationId;
        private String applicantSubject;
        private final List<String> services = new ArrayList<>();
        private Instant submittedAt;

        private Builder() {
        }

        /**
         * @param id the application's identifier
         * @return this builder
         */
        public Builder applicationId(String id) {
            this.applicationId = id;
            return this;
        }

        /**
         * @param subject the applicant's opaque subject identifier (not an ID number)
         * @return this builder
         */
        public Builder applicantSubject(String subject) {
            this.applicantSubject = subject;
            return this;
        }

        /**
         * @param service a chosen service's code; call once per service, in order
         * @return this builder
         */
        public Builder service(String service) {
            this.services.add(service);
            return this;
        }

        /**
         * @param time the submission time
         * @return this builder
         */
        public Builder submittedAt(Instant time) {
            this.submittedAt = time;
            return this;
        }

        /**
         * @return the summary
         * @throws SigningException ({@link SigningException.Reason#INVALID_ENTRY}) when a field is missing
         */
        public ApplicationSummary build() {
            return new ApplicationSummary(this);
        }
    }
}

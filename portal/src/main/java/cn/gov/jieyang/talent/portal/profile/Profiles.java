package cn.gov.jieyang.talent.portal.profile;

import cn.gov.jieyang.talent.portal.audit.AuditEntry;
import cn.gov.jieyang.talent.portal.audit.AuditEntry.ActorRole;
import cn.gov.jieyang.talent.portal.audit.AuditLog;
import cn.gov.jieyang.talent.identity.IdNumber;
import cn.gov.jieyang.talent.portal.identity.IdNumberProtector;
import cn.gov.jieyang.talent.portal.web.PortalProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applicants' real-name records (实名信息): the public way for other features to read them. ID numbers
 * are sealed at rest ({@link IdNumberProtector}), found by a keyed lookup hash and handed out masked. No feature
 * decrypts them: the signed package summary carries the masked number only (ADR 003).
 */
@Service
public class Profiles {

    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    private final ProfileRepository repository;
    private final IdNumberProtector protector;
    private final AuditLog audit;

    Profiles(ProfileRepository repository, IdNumberProtector protector, AuditLog audit) {
        this.repository = repository;
        this.protector = protector;
        this.audit = audit;
    }

    /**
     * The real-name record of a subject.
     *
     * @param subject the bridge's {@code sub}
     * @return the record, or empty if the subject has not created one yet
     */
    public Optional<ApplicantProfile> find(String subject) {
        return repository.find(Objects.requireNonNull(subject, "subject"));
    }

    /**
     * Whether a subject has created a real-name record.
     *
     * @param subject the bridge's {@code sub}
     * @return true if it has
     */
    public boolean exists(String subject) {
        return repository.exists(Objects.requireNonNull(subject, "subject"));
    }

    /**
     * Decrypts a subject's full ID number: package-private, for the tests that prove what is stored
     * round-trips. Should a feature ever need the number (e.g. a provincial hand-off), make it public
     * then, with an audit event; the result must never be logged, shown or stored in clear.
     *
     * @param subject the bridge's {@code sub}
     * @return the number, or empty for an enterprise or a subject without a record
     */
    Optional<IdNumber> revealIdNumber(String subject) {
        return repository.sealedIdNumber(Objects.requireNonNull(subject, "subject"))
                .map(sealed -> protector.open(sealed.sealed(), sealed.type()));
    }

    /**
     * The subjects whose record carries this ID number, found by its keyed hash (no decryption). One
     * person may have several (a face-verified and a password login are different subjects).
     *
     * @param idNumber the number
     * @return the subjects, sorted; empty if none
     */
    public List<String> subjectsWithIdNumber(IdNumber idNumber) {
        return repository.subjectsWithLookupHash(protector.lookupHash(idNumber));
    }

    /**
     * Stores a new record with the current consent text's version and the time of consent.
     *
     * @throws PortalProblem {@code profile.exists} (409) if the subject already has one
     */
    @Transactional
    ApplicantProfile create(NewProfile profile) {
        Instant now = now();
        ProfileRepository.SealedIdNumber sealed = profile.idNumber() == null ? null
                : new ProfileRepository.SealedIdNumber(profile.idNumber().type(), protector.seal(profile.idNumber()),
                        protector.lookupHash(profile.idNumber()), profile.idNumber().masked());
        if (!repository.insert(profile, sealed, Consent.CURRENT_VERSION, now)) {
            throw PortalProblem.conflict("profile.exists");
        }
        // The chain says what kind of record was made, never its name, number or phone.
        audit.recordAtCommit(new AuditEntry(profile.subject(), ActorRole.APPLICANT, "RealNameRecordCreated", null, null,
                "subjectType=" + lower(profile.subjectType()) + "; verification=" + profile.verification().column()
                        + (profile.idNumber() == null ? "" : "; idType=" + lower(profile.idNumber().type()))));
        // The subject is a pseudonymous bridge id; name and number stay out of the log.
        log.info("real-name record created for {} ({}, {})", profile.subject(), profile.subjectType(),
                profile.verification());
        return repository.find(profile.subject()).orElseThrow();
    }

    /**
     * Changes the phone number (and an enterprise's contact person); name and ID never change here.
     *
     * @throws PortalProblem {@code profile.not-found} (404) if the subject has no record
     */
    @Transactional
    void updateContact(String subject, String contactName, String phone) {
        ApplicantProfile before = repository.find(subject).orElseThrow(() -> PortalProblem.notFound("profile.not-found"));
        if (!repository.updateContact(subject, contactName, phone, now())) {
            throw PortalProblem.notFound("profile.not-found");
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.phone(), phone)) {
            changed.add("phone");
        }
        if (before.isEnterprise() && !Objects.equals(before.contactName(), contactName)) {
            changed.add("contactName");
        }
        if (!changed.isEmpty()) {
            // Which fields changed, not their values: a phone number is personal data too.
            audit.recordAtCommit(new AuditEntry(subject, ActorRole.APPLICANT, "RealNameRecordChanged", null, null,
                    "changed=" + String.join(",", changed)));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    // PostgreSQL keeps microseconds: truncating first makes what is stored equal what was meant.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

package cn.gov.jieyang.talent.portal.application;

import cn.gov.jieyang.talent.portal.profile.ApplicantProfile;
import cn.gov.jieyang.talent.portal.profile.Profiles;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the one form shows before the applicant types anything: the answers the real-name record
 * already holds (its phone; for an enterprise, its name as the employer), so no one is asked twice for
 * what they gave at first login. Only shown: nothing is saved until the applicant saves the form, and
 * every prefilled answer stays editable. An answer already saved always wins.
 */
@Component
class FormPrefill {

    static final String PHONE = "contact-phone";
    static final String EMPLOYER = "current-employer";

    private final Profiles profiles;

    FormPrefill(Profiles profiles) {
        this.profiles = profiles;
    }

    /**
     * The values the form shows.
     *
     * @param draft the owner's application
     * @return the saved answers, and for a draft the record's answers to fields not answered yet
     */
    Map<String, String> values(DraftView draft) {
        if (!draft.isDraft()) {
            return draft.answers();
        }
        Map<String, String> values = new HashMap<>();
        profiles.find(draft.subject()).ifPresent(profile -> known(profile).forEach((code, value) -> {
            if (draft.fields().stream().anyMatch(f -> f.code().equals(code))) {
                values.put(code, value);
            }
        }));
        values.putAll(draft.answers());
        return values;
    }

    private static Map<String, String> known(ApplicantProfile profile) {
        Map<String, String> known = new HashMap<>();
        if (profile.phone() != null) {
            known.put(PHONE, profile.phone());
        }
        if (profile.isEnterprise()) {
            // The enterprise applies for itself: its employer is the enterprise.
            known.put(EMPLOYER, profile.name());
        }
        return known;
    }
}

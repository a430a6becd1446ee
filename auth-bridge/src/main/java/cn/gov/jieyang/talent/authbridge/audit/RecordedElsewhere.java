package cn.gov.jieyang.talent.authbridge.audit;

import cn.gov.jieyang.talent.authbridge.keys.KeyChanges;
import cn.gov.jieyang.talent.authbridge.session.SessionEnded;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the session and keys features announce, so that neither depends on the audit trail:
 * an ended session ({@link SessionEnded}, published synchronously, so in the ending's transaction) and
 * a change of the signing keys ({@link KeyChanges}, told inside the rotation's transaction).
 */
@Component
class RecordedElsewhere implements KeyChanges {

    private final AuditTrail trail;

    RecordedElsewhere(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void sessionEnded(SessionEnded e) {
        trail.record(AuditEntry.sessionEnded(e.subject(), e.sid(), e.why().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void changed(String how, String activeKid, String nextKid) {
        trail.record(AuditEntry.signingKeysChanged(how, activeKid, nextKid));
    }
}

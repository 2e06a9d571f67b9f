package org.ticketops.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The audit table: business events that must be answerable later ("who approved this refund?"). */
@Service
public class AuditTrail {

    private static final int MAX_DETAIL = 2000;
    private final AuditMapper audit;
    private final Clock clock;

    AuditTrail(AuditMapper audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Records an event in the caller's transaction, so it is kept exactly when the change it describes is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String subjectType, Object subjectId, String detail) {
        var row = new AuditMapper.Row();
        row.occurredAt = clock.instant();
        row.actor = actor == null ? "system" : actor;
        row.action = action;
        row.subjectType = subjectType;
        row.subjectId = String.valueOf(subjectId);
        row.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        audit.insert(row);
    }

    public List<AuditEvent> of(String subjectType, Object subjectId) {
        return audit.findBySubject(subjectType, String.valueOf(subjectId));
    }
}

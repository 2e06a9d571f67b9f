package org.ticketops.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.web.NotFound;

/**
 * Opens cases and moves them between statuses, guarded twice: the case's {@link CaseDefinition} must
 * allow the move, and the database moves the case only from the status it was read in (a conditional
 * update), so of two concurrent moves one wins and the other is refused. Every move is a transition row:
 * from, to, when, by whom, why. Runs in the caller's transaction, beside the work it records.
 */
@Service("caseWork") // Camunda already has a bean named caseService (CMMN)
public class CaseService {

    private static final int MAX_REASON = 500;
    private final CaseMapper cases;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CaseService(CaseMapper cases, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.cases = cases;
        this.clock = clock;
        this.events = events;
    }

    /** Opens a case in its definition's initial status. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Case open(CaseDefinition definition, String businessKey, String processInstanceId, String actor) {
        Instant now = clock.instant();
        var row = new CaseMapper.Row();
        row.caseType = definition.type();
        row.businessKey = businessKey;
        row.processInstanceId = processInstanceId;
        row.status = definition.initialStatus();
        row.openedBy = actor;
        row.openedAt = now;
        row.updatedAt = now;
        cases.insert(row);
        cases.insertTransition(row.id, null, row.status, now, actor, "opened");
        return get(row.id);
    }

    /**
     * Moves a case to {@code to}. Returns false when it already is there (a repeated step changes
     * nothing); refuses a move its definition does not allow or a case that changed meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean move(CaseDefinition definition, long caseId, String to, String actor, String reason) {
        Case current = get(caseId);
        if (!current.caseType().equals(definition.type())) {
            throw new IllegalArgumentException("Case " + caseId + " is a " + current.caseType() + ", not a " + definition.type());
        }
        if (current.status().equals(to)) {
            return false;
        }
        if (current.closedAt() != null) {
            throw new TransitionRefused(current, to, "it is closed");
        }
        if (!definition.allows(current.status(), to)) {
            throw new TransitionRefused(current, to, "its process does not allow that move");
        }
        Instant now = clock.instant();
        boolean closes = definition.closes(to);
        if (cases.move(caseId, current.status(), to, now, closes ? now : null) != 1) {
            throw new TransitionRefused(get(caseId), to, "it changed meanwhile");
        }
        cases.insertTransition(caseId, current.status(), to, now, actor == null ? "system" : actor,
                reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON));
        if (closes) {
            events.publishEvent(new CaseClosed(current.caseType(), caseId, current.businessKey(), to));
        }
        return true;
    }

    /** The deadline a timer watches (a review's due date); shown in monitors and lists. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setDue(long caseId, Instant dueAt) {
        cases.setDue(caseId, dueAt, clock.instant());
    }

    public Case get(long caseId) {
        Case found = cases.find(caseId);
        if (found == null) {
            throw new NotFound("case", caseId);
        }
        return found;
    }

    /** The case a process instance runs, if it has registered one. */
    public java.util.Optional<Case> ofProcessInstance(String processInstanceId) {
        return java.util.Optional.ofNullable(cases.findByProcessInstance(processInstanceId));
    }

    public List<CaseTransition> transitions(long caseId) {
        return cases.transitions(caseId);
    }
}

package org.ticketops.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;
import org.ticketops.web.ProblemException;

/**
 * Activations at a set time: a draft checked and stored as a version now, put in force when its time comes by the
 * first node to take it (a conditional update from PENDING), cancellable until then.
 */
@Service
public class ScheduledActivations {

    private final DecisionService decisions;
    private final DecisionDrafts drafts;
    private final DraftMapper draftStore;
    private final ScheduleMapper schedules;
    private final AuditTrail audit;
    private final Clock clock;

    ScheduledActivations(DecisionService decisions, DecisionDrafts drafts, DraftMapper draftStore, ScheduleMapper schedules,
                         AuditTrail audit, Clock clock) {
        this.decisions = decisions;
        this.drafts = drafts;
        this.draftStore = draftStore;
        this.schedules = schedules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Schedules a draft to go into force at {@code at} (in the future; comment required): it is checked and stored
     * as a version now, not in force; the draft is gone. Every node puts it in force when the time comes.
     */
    @Transactional
    public ScheduledActivation schedule(String table, long id, Instant at, String comment, String user) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidField("comment", "is required: say why the table changes");
        }
        if (at == null || !at.isAfter(clock.instant())) {
            throw new InvalidField("at", "must be in the future");
        }
        TableDraft draft = drafts.get(table, id);
        TableVersionRef inForce = decisions.activeVersion(table);
        if (inForce.version() != draft.basedOn()) {
            throw new DecisionDrafts.DraftStale(table, id, draft.basedOn(), inForce.version());
        }
        TableVersion stored = decisions.storeInactive(table, draft.fileName(), draftStore.content(id).content(),
                draftStore.content(id).scenarios(), comment, user);
        draftStore.delete(id);
        var row = new ScheduleMapper.Row();
        row.tableName = table;
        row.version = stored.version();
        row.activateAt = at;
        row.comment = comment;
        row.scheduledBy = user;
        row.scheduledAt = clock.instant();
        schedules.insert(row);
        audit.record(user, "DECISION_TABLE_SCHEDULED", DecisionService.AUDIT_SUBJECT, table, "v" + stored.version()
                + " goes into force at " + at + ": " + comment);
        return schedules.find(table, row.id).orElseThrow();
    }

    public List<ScheduledActivation> schedules(String table) {
        return schedules.findOfTable(decisions.definition(table).name());
    }

    /** Cancels a pending scheduled activation (409 when it already fired or was cancelled). */
    @Transactional
    public ScheduledActivation cancelSchedule(String table, long id, String user) {
        ScheduledActivation schedule = schedules.find(decisions.definition(table).name(), id)
                .orElseThrow(() -> new NotFound("scheduled activation of " + table, id));
        if (schedules.finish(id, "CANCELLED", clock.instant()) != 1) {
            throw new ScheduleNotPending(id, schedule.status());
        }
        audit.record(user, "DECISION_TABLE_SCHEDULE_CANCELLED", DecisionService.AUDIT_SUBJECT, table,
                "v" + schedule.version() + " will not go into force at " + schedule.activateAt());
        return schedules.find(table, id).orElseThrow();
    }

    /** Puts due scheduled versions in force; of several nodes one wins each (the others see 0 rows). */
    @Transactional
    public List<ScheduledActivation> fireDue() {
        List<ScheduledActivation> fired = new ArrayList<>();
        for (ScheduledActivation due : schedules.findDue(clock.instant())) {
            if (schedules.finish(due.id(), "DONE", clock.instant()) == 1) {
                decisions.activate(due.tableName(), due.version(), "scheduled: " + due.comment(), due.scheduledBy());
                fired.add(due);
            }
        }
        return fired;
    }

    /** The scheduled activation already fired or was cancelled: 409. */
    static final class ScheduleNotPending extends ProblemException {
        ScheduleNotPending(long id, String status) {
            super(Kind.CONFLICT, "SCHEDULE_NOT_PENDING", "Not pending",
                    "Scheduled activation " + id + " is " + status + "; only a pending one can be cancelled.",
                    Map.of("status", status));
        }
    }
}

package org.ticketops.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * The daily return visits: every customer whose complaint closed seven days ago (that day, in the center's zone) and
 * every customer who answered a survey yesterday with a score of 2 or less gets a return call, once per reason and
 * reference. A call that finds a new problem opens a follow-up complaint.
 */
@Service
public class ReturnVisits {

    static final int LOW_SCORE = 2;

    private final ReturnCallMapper calls;
    private final ComplaintService complaints;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ReturnVisits(ReturnCallMapper calls, ComplaintService complaints, AuditTrail audit, Clock clock, TicketOpsProperties ticketOps) {
        this.calls = calls;
        this.complaints = complaints;
        this.audit = audit;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    /** Today's calls (ids), planned now; a run repeated the same day plans nothing twice. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> plan() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Instant weekAgo = today.minusDays(7).atStartOfDay(zone).toInstant();
        Instant yesterday = today.minusDays(1).atStartOfDay(zone).toInstant();
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        List<Long> planned = new ArrayList<>();
        for (ReturnCallMapper.Candidate c : calls.closedComplaints(weekAgo, weekAgo.plus(Duration.ofDays(1)))) {
            add(planned, c, "COMPLAINT_CLOSED", ComplaintCase.businessKey(c.referenceId), today);
        }
        for (ReturnCallMapper.Candidate c : calls.lowScores(yesterday, todayStart, LOW_SCORE)) {
            add(planned, c, "LOW_SCORE", "survey-" + c.referenceId, today);
        }
        return planned;
    }

    private void add(List<Long> planned, ReturnCallMapper.Candidate candidate, String reason, String reference, LocalDate day) {
        ReturnCallMapper.Row row = new ReturnCallMapper.Row();
        row.customerId = candidate.customerId;
        row.reason = reason;
        row.reference = reference;
        row.plannedOn = day;
        try {
            calls.insert(row);
            planned.add(row.id);
        } catch (DuplicateKeyException e) {
            // planned on an earlier run
        }
    }

    /** How the call went; a new problem opens a follow-up complaint for the same customer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReturnCall record(long id, String outcome, String notes, String followUp, String user) {
        ReturnCall call = call(id);
        if (!"REACHED".equals(outcome) && !"NOT_REACHED".equals(outcome)) {
            throw new InvalidField("callOutcome", "must be REACHED or NOT_REACHED");
        }
        Long followUpId = null;
        if (followUp != null && !followUp.isBlank()) {
            if (!"REACHED".equals(outcome)) {
                throw new InvalidField("followUpComplaint", "needs the customer reached");
            }
            followUpId = complaints.registerFollowUp(call.customerId(), followUp.strip(), user, call.reference());
        }
        if (calls.record(id, outcome, notes == null || notes.isBlank() ? null : notes.strip(), user, clock.instant(), followUpId) != 1) {
            throw new IllegalStateException("return call " + id + " was recorded already");
        }
        audit.record(user, "RETURN_CALL_" + outcome, "RETURN_CALL", id, call.reason() + " " + call.reference());
        return call(id);
    }

    public ReturnCall call(long id) {
        return calls.find(id).orElseThrow(() -> new NotFound("Return call", id));
    }
}

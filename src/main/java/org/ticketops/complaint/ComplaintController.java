package org.ticketops.complaint;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.CaseTransition;
import org.ticketops.web.InvalidField;

/** Complaints: customer-service registers and records replies; staff read. */
@RestController
@Tag(name = "Complaints")
class ComplaintController {

    private final ComplaintService complaints;
    private final CaseService cases;
    private final java.time.Clock clock;
    private final org.ticketops.decision.DecisionService decisions;
    private final ComplaintCompensationTable compensation;

    ComplaintController(ComplaintService complaints, CaseService cases, java.time.Clock clock,
                        org.ticketops.decision.DecisionService decisions, ComplaintCompensationTable compensation) {
        this.complaints = complaints;
        this.cases = cases;
        this.clock = clock;
        this.decisions = decisions;
        this.compensation = compensation;
    }

    /** What the complaint-compensation table in force suggests for given inputs (nothing is stored). */
    @PostMapping("/api/decisions/complaint-compensation/evaluate")
    org.ticketops.decision.Decision<CompensationDecision> evaluate(@Valid @RequestBody CompensationInput input) {
        return decisions.evaluate(compensation, input);
    }

    /** A complaint with its deadlines and the time left, its pauses, breaches and trail. */
    record ComplaintView(Complaint complaint, String status, int level, String responsibleGroup, String investigatorGroup,
                         Long firstResponseMinutesLeft, long resolutionMinutesLeft, List<ComplaintPause> pauses,
                         List<ComplaintBreach> breaches, List<CaseTransition> trail) {
    }

    @Operation(summary = "Register a complaint (starts its handling)")
    @PostMapping("/api/complaints")
    ResponseEntity<ComplaintView> register(@Valid @RequestBody NewComplaint command, Principal user,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Complaint created = complaints.submit(command, user.getName(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/complaints/" + created.id())).body(view(created.id()));
    }

    @GetMapping("/api/complaints/{id}")
    ComplaintView get(@PathVariable long id) {
        return view(id);
    }

    @GetMapping("/api/complaints")
    List<Complaint> list(@RequestParam(required = false) ComplaintEnums.Status status,
                         @RequestParam(required = false) String group, @RequestParam(required = false) Boolean breached,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new InvalidField("size", "must be between 1 and 200");
        }
        return complaints.list(status == null ? null : status.name(), group, breached, page, size);
    }

    record Reply(String reply) {
    }

    @Operation(summary = "The customer's reply to what was asked: resumes the clock")
    @PostMapping("/api/complaints/{id}/customer-reply")
    ComplaintView reply(@PathVariable long id, @RequestBody Reply body, Principal user) {
        complaints.customerReplied(id, body.reply(), user.getName());
        return view(id);
    }

    private ComplaintView view(long id) {
        Complaint c = complaints.complaint(id);
        java.time.Instant now = clock.instant();
        Long firstLeft = c.firstRespondedAt() != null ? null : java.time.Duration.between(now, c.firstResponseDue()).toMinutes();
        return new ComplaintView(c, c.status(), c.level(), c.responsibleGroup(), c.investigatorGroup(), firstLeft,
                java.time.Duration.between(now, c.resolutionDue()).toMinutes(), complaints.pauses(id), complaints.breaches(id),
                cases.transitions(c.caseId()));
    }
}

package org.ticketops.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.casework.StaffNotifications;
import org.ticketops.catalog.CatalogService;
import org.ticketops.customer.CustomerService;
import org.ticketops.identity.Groups;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Complaints from registration to the customer's answer: the group responsible by category, the deadlines by
 * severity (a show still ahead caps the resolution one hour before it), the clock paused while the complaint waits
 * for the customer (the deadlines move by the pause), breaches recorded once per deadline and level, escalation one
 * level up with a fresh deadline, and the customer's confirmation.
 */
@Service
public class ComplaintService {

    static final String REPLY_MESSAGE = "ComplaintCustomerReplied";

    private final ComplaintMapper complaints;
    private final ComplaintCase complaintCase;
    private final CaseService cases;
    private final CustomerService customers;
    private final CatalogService catalog;
    private final StaffNotifications staff;
    private final ComplaintProperties properties;
    private final RuntimeService runtime;
    private final org.ticketops.decision.DecisionService decisions;
    private final ComplaintCompensationTable compensationTable;
    private final org.ticketops.billing.BillingService billing;
    private final org.ticketops.survey.SurveyService surveys;
    private final org.springframework.beans.factory.ObjectProvider<org.ticketops.refund.RefundRegistration> refunds;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintService(ComplaintMapper complaints, ComplaintCase complaintCase, CaseService cases, CustomerService customers,
                     CatalogService catalog, StaffNotifications staff, ComplaintProperties properties,
                     RuntimeService runtime, org.ticketops.decision.DecisionService decisions,
                     ComplaintCompensationTable compensationTable, org.ticketops.billing.BillingService billing,
                     org.ticketops.survey.SurveyService surveys,
                     org.springframework.beans.factory.ObjectProvider<org.ticketops.refund.RefundRegistration> refunds,
                     AuditTrail audit, Clock clock, TicketOpsProperties ticketOps) {
        this.surveys = surveys;
        this.refunds = refunds;
        this.decisions = decisions;
        this.compensationTable = compensationTable;
        this.billing = billing;
        this.complaints = complaints;
        this.complaintCase = complaintCase;
        this.cases = cases;
        this.customers = customers;
        this.catalog = catalog;
        this.staff = staff;
        this.properties = properties;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    record Pending(NewComplaint command, String user) {
    }

    public Complaint submit(NewComplaint command, String user) {
        check(command);
        String processInstanceId = ProcessIntake.with(ComplaintCase.PROCESS_KEY, new Pending(command, user),
                () -> runtime.startProcessInstanceByKey(ComplaintCase.PROCESS_KEY).getId());
        return cases.ofProcessInstance(processInstanceId).map(c -> complaint(Long.parseLong(c.businessKey().substring(2))))
                .orElseThrow(() -> new IllegalStateException("process " + processInstanceId + " registered no complaint"));
    }

    /** The first step: routes the complaint, sets its deadlines and opens its case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long register(NewComplaint command, String user, String processInstanceId) {
        if (user == null) {
            throw new InvalidField("user", "a complaint needs an authenticated clerk");
        }
        Long showId = check(command);
        Instant now = clock.instant();
        ComplaintMapper.Row row = new ComplaintMapper.Row();
        row.customerId = command.customerId();
        row.orderId = command.orderId();
        row.showId = showId;
        row.channel = command.channel().name();
        row.category = command.category().name();
        row.severity = command.severity().name();
        row.description = command.description();
        row.responsibleGroup = command.category().responsibleGroup();
        row.registeredBy = user;
        row.registeredAt = now;
        row.firstResponseDue = now.plus(properties.deadlines().firstResponse(command.severity()));
        row.resolutionDue = resolutionDue(now, command.severity(), showId);
        row.processInstanceId = processInstanceId;
        complaints.insert(row);
        var opened = cases.open(complaintCase, ComplaintCase.businessKey(row.id), processInstanceId, user);
        complaints.attachCase(row.id, opened.id());
        cases.setDue(opened.id(), row.resolutionDue);
        audit.record(user, "COMPLAINT_REGISTERED", ComplaintCase.TYPE, row.id, row.category + ", " + row.severity + " → "
                + row.responsibleGroup);
        return row.id;
    }

    /** Refuses a complaint naming the field; the show it is about (from the order when none is given). */
    Long check(NewComplaint c) {
        customers.get(c.customerId());
        if (c.description() == null || c.description().isBlank() || c.description().length() > 4000) {
            throw new InvalidField("description", "is required (at most 4,000 characters)");
        }
        Long showId = c.showId();
        if (c.orderId() != null) {
            Long owner = complaints.orderCustomer(c.orderId());
            if (owner == null) {
                throw new NotFound("order", c.orderId());
            }
            if (owner != c.customerId().longValue()) {
                throw new InvalidField("orderId", "is an order of another customer");
            }
            Long orderShow = complaints.orderShow(c.orderId());
            if (showId != null && !showId.equals(orderShow)) {
                throw new InvalidField("showId", "is not the show of the order");
            }
            showId = orderShow;
        }
        if (showId != null) {
            catalog.show(showId);
        }
        return showId;
    }

    /** {@code from} + the severity's resolution time, never later than the cap before a show still ahead. */
    private Instant resolutionDue(Instant from, ComplaintSeverity severity, Long showId) {
        Instant due = from.plus(properties.deadlines().resolution(severity));
        if (showId != null) {
            Instant cap = catalog.show(showId).startsAt().minus(properties.beforeShow());
            if (cap.isAfter(from) && cap.isBefore(due)) {
                due = cap; // a show more than the cap ahead: answer before it; closer than that, the usual time
            }
        }
        return due;
    }

    /** When the warning for a deadline falls: the configured share of the time from {@code from} to it. */
    Instant warnAt(Instant from, Instant due) {
        long millis = Duration.between(from, due).toMillis();
        return from.plus(Duration.ofMillis((long) (millis * properties.warnAt())));
    }

    /** Acknowledge: CONTACTED (the first response is given) or WAITING_FOR_CUSTOMER (the clock pauses). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String acknowledge(long id, String outcome, String note, String user) {
        Complaint complaint = complaint(id);
        if ("WAITING_FOR_CUSTOMER".equals(outcome)) {
            pause(complaint, note, user);
            return outcome;
        }
        if (!"CONTACTED".equals(outcome)) {
            throw new InvalidField("acknowledgeOutcome", "must be CONTACTED or WAITING_FOR_CUSTOMER");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidField("acknowledgeNote", "is required: what was said");
        }
        complaints.responded(id, clock.instant());
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.IN_INVESTIGATION.name(), user, note.strip());
        return outcome;
    }

    /**
     * What an investigation decided: PROPOSED or WAITING_FOR_CUSTOMER, and for a voucher whether it is issued at once
     * (ISSUE) or first approved (APPROVE, by {@code approverGroup}); NONE without a voucher.
     */
    public record Investigation(String outcome, String compensation, String approverGroup) {
    }

    /**
     * Investigate: a proposed resolution (the customer confirms it next) or WAITING_FOR_CUSTOMER. A voucher needs the
     * order; the compensation table suggests its amount, which the investigator may change with a comment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Investigation investigate(long id, String outcome, String findings, String rootCause, String resolution,
                                     java.math.BigDecimal amount, String comment, String user) {
        Complaint complaint = complaint(id);
        if ("WAITING_FOR_CUSTOMER".equals(outcome)) {
            pause(complaint, findings, user);
            return new Investigation(outcome, "NONE", null);
        }
        if (findings == null || findings.isBlank()) {
            throw new InvalidField("findings", "is required");
        }
        RootCause cause = parse(RootCause.class, rootCause, "rootCause");
        ComplaintEnums.Resolution resolved = parse(ComplaintEnums.Resolution.class, resolution, "resolution");
        java.math.BigDecimal suggested = null;
        java.math.BigDecimal given = null;
        Integer version = null;
        if (resolved == ComplaintEnums.Resolution.REFUND && (complaint.orderId() == null
                || complaints.soldTickets(complaint.orderId()).isEmpty())) {
            throw new InvalidField("resolution", "a refund needs an order of the complaint with tickets still sold");
        }
        if (resolved == ComplaintEnums.Resolution.COMPENSATION_VOUCHER) {
            if (complaint.orderId() == null) {
                throw new InvalidField("resolution", "a voucher is credited against an order; this complaint names none");
            }
            java.math.BigDecimal total = complaints.orderTotal(complaint.orderId());
            var decision = decisions.decide(compensationTable, null, new CompensationInput(complaint.severity(),
                    complaint.category(), cause, customers.get(complaint.customerId()).memberTier(), total),
                    new org.ticketops.decision.DecisionSubject(ComplaintCase.TYPE, String.valueOf(id), complaint.processInstanceId()));
            suggested = decision.output().amount(total);
            version = decision.tableVersion().version();
            given = amount == null ? suggested : amount.setScale(2, java.math.RoundingMode.HALF_UP);
            if (given.compareTo(suggested) != 0 && (comment == null || comment.isBlank())) {
                throw new InvalidField("compensationComment", "is required when the amount differs from the suggested "
                        + Display.money(suggested));
            }
            if (given.signum() <= 0 || given.compareTo(total) > 0) {
                throw new InvalidField("compensationAmount", "must be above 0 and at most the order's total " + Display.money(total));
            }
        }
        complaints.investigated(id, findings.strip(), cause.name(), resolved.name(), user, suggested, given, version,
                comment == null || comment.isBlank() ? null : comment.strip(), clock.instant());
        if (resolved == ComplaintEnums.Resolution.REFUND) {
            return new Investigation("PROPOSED", "REFUND", null); // the refund request's end moves the complaint on
        }
        if (given == null) {
            cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.AWAITING_CONFIRMATION.name(), user,
                    cause + " → " + resolved);
            return new Investigation("PROPOSED", "NONE", null);
        }
        ComplaintProperties.CompensationApproval limits = properties.compensationApproval();
        String approver = given.compareTo(limits.generalManager()) > 0 ? Groups.GENERAL_MANAGER
                : given.compareTo(limits.operationsManager()) > 0 ? Groups.OPERATIONS_MANAGER : null;
        audit.record(user, "COMPLAINT_COMPENSATION_PROPOSED", ComplaintCase.TYPE, id, Display.money(given) + " (suggested "
                + Display.money(suggested) + ")" + (approver == null ? "" : ", for " + approver + " to approve"));
        return new Investigation("PROPOSED", approver == null ? "ISSUE" : "APPROVE", approver);
    }

    /** A manager approves or rejects the voucher; never the investigator. A rejection needs a comment (it goes back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decideCompensation(long id, String decision, String comment, String user) {
        Complaint complaint = complaint(id);
        org.ticketops.identity.FourEyesViolation.check(user, complaint.investigatedBy(), "proposed the compensation of",
                "approve", complaint.complaintNumber());
        boolean approved = "APPROVE".equals(decision);
        if (!approved && !"REJECT".equals(decision)) {
            throw new InvalidField("compensationDecision", "must be APPROVE or REJECT");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new InvalidField("compensationDecisionComment", "is required to reject: the investigator reads it");
        }
        if (approved) {
            complaints.compensationApproved(id, user, clock.instant());
        }
        audit.record(user, approved ? "COMPLAINT_COMPENSATION_APPROVED" : "COMPLAINT_COMPENSATION_REJECTED", ComplaintCase.TYPE,
                id, Display.money(complaint.compensationAmount()) + (comment == null ? "" : ": " + comment.strip()));
        return approved;
    }

    /**
     * A refund resolution starts a refund request for the order's sold tickets (reason TICKET_DEFECT when the root
     * cause is the system's or the supplier's, else CUSTOMER_CHOICE; the request's note names the complaint), once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long startRefund(long id) {
        Complaint complaint = complaint(id);
        if (complaint.refundRequestId() != null) {
            return complaint.refundRequestId();
        }
        org.ticketops.refund.RefundReason reason = complaint.rootCause() == RootCause.SYSTEM
                || complaint.rootCause() == RootCause.SUPPLIER ? org.ticketops.refund.RefundReason.TICKET_DEFECT
                : org.ticketops.refund.RefundReason.CUSTOMER_CHOICE;
        var request = refunds.getObject().open(new org.ticketops.refund.NewRefundRequest(complaint.orderId(),
                complaints.soldTickets(complaint.orderId()), org.ticketops.refund.RefundRequestType.REFUND, reason, null,
                "Refund for complaint " + complaint.complaintNumber()), complaint.investigatedBy(), "complaint-" + id + "-refund");
        complaints.refundStarted(id, request.request().id(), clock.instant());
        audit.record("system", "COMPLAINT_REFUND_STARTED", ComplaintCase.TYPE, id,
                org.ticketops.refund.RefundCase.businessKey(request.request().id()) + " (" + reason + ")");
        return request.request().id();
    }

    /** The complaint whose refund request is the case that closed, if one waits for it. */
    public java.util.Optional<Long> waitingFor(long refundCaseId) {
        return complaints.waitingForRefundCase(refundCaseId);
    }

    /** The refund request ended: the customer confirms next. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundSettled(long id) {
        Complaint complaint = complaint(id);
        String refund = org.ticketops.refund.RefundCase.businessKey(complaint.refundRequestId());
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.AWAITING_CONFIRMATION.name(), "system",
                "refund " + refund + " ended");
    }

    /** Tells the complaint's process that its refund request ended (after that request's change committed). */
    public void notifyRefundSettled(long id) {
        Complaint complaint = complaint(id);
        try {
            runtime.createMessageCorrelation("ComplaintRefundSettled").processInstanceId(complaint.processInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // not waiting (any more): nothing to tell
        }
    }

    /** The voucher is a credit note on the order, once; the customer then confirms the resolution. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issueVoucher(long id) {
        Complaint complaint = complaint(id);
        var note = billing.issueCreditNote(complaint.orderId(), complaint.customerId(), "complaint-" + id + "-voucher",
                List.of(new org.ticketops.billing.CreditNote.Line(1, null, "Compensation voucher, complaint "
                        + complaint.complaintNumber(), complaint.compensationAmount())));
        complaints.voucherIssued(id, note.number(), clock.instant());
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.AWAITING_CONFIRMATION.name(), "system",
                "voucher " + note.number() + " for " + Display.money(complaint.compensationAmount()));
        return note.number();
    }

    private void pause(Complaint complaint, String asked, String user) {
        if (asked == null || asked.isBlank()) {
            throw new InvalidField("asked", "is required: what the customer was asked");
        }
        Instant now = clock.instant();
        if (complaints.pause(complaint.id(), now) != 1) {
            throw new IllegalStateException(complaint.complaintNumber() + " is paused already");
        }
        complaints.insertPause(complaint.id(), asked.strip(), now);
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.WAITING_FOR_CUSTOMER.name(), user, asked.strip());
    }

    /** The customer's reply resumes the clock (over the API; the process takes it as a message). */
    public Complaint customerReplied(long id, String reply, String user) {
        if (reply == null || reply.isBlank() || reply.length() > 4000) {
            throw new InvalidField("reply", "is required (at most 4,000 characters)");
        }
        Complaint complaint = complaint(id);
        try {
            runtime.createMessageCorrelation(REPLY_MESSAGE).processInstanceId(complaint.processInstanceId())
                    .setVariable("customerReply", reply.strip()).setVariable("replyTakenBy", user).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ComplaintProblems.NotWaiting(complaint.complaintNumber(), complaint.status());
        }
        return complaint(id);
    }

    /** Resumes: the paused time is added to the deadlines; back to the step that paused. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Complaint resume(long id, String reply, String returnTo, String user) {
        Complaint complaint = complaint(id);
        Instant now = clock.instant();
        Duration paused = Duration.between(complaint.pausedAt(), now);
        complaints.endPause(id, reply, now);
        complaints.resume(id, complaint.firstResponseDue().plus(paused), complaint.resolutionDue().plus(paused),
                paused.toSeconds(), now);
        cases.move(complaintCase, complaint.caseId(), "ACKNOWLEDGE".equals(returnTo) ? ComplaintEnums.Status.OPEN.name()
                : ComplaintEnums.Status.IN_INVESTIGATION.name(), user == null ? "system" : user, "customer replied");
        cases.setDue(complaint.caseId(), complaint.resolutionDue().plus(paused));
        return complaint(id);
    }

    /** A 75 % warning to the group that has the complaint now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int warn(long id, ComplaintEnums.Deadline deadline) {
        Complaint complaint = complaint(id);
        Instant due = deadline == ComplaintEnums.Deadline.FIRST_RESPONSE ? complaint.firstResponseDue() : complaint.resolutionDue();
        String group = deadline == ComplaintEnums.Deadline.FIRST_RESPONSE ? Groups.CUSTOMER_SERVICE : complaint.investigatorGroup();
        return staff.toGroup(complaintCase, id, group, "complaint-deadline-warning", payload(complaint, deadline, due),
                "complaint-warn-" + id + "-" + deadline + "-" + complaint.level() + "-" + due.toEpochMilli());
    }

    /** The first response is late: the breach is recorded once, operations-manager is told; the task stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void firstResponseBreached(long id) {
        Complaint complaint = complaint(id);
        if (breach(complaint, ComplaintEnums.Deadline.FIRST_RESPONSE, complaint.firstResponseDue())) {
            staff.toGroup(complaintCase, id, Groups.OPERATIONS_MANAGER, "complaint-deadline-breached",
                    payload(complaint, ComplaintEnums.Deadline.FIRST_RESPONSE, complaint.firstResponseDue()),
                    "complaint-breach-" + id + "-first-response");
        }
    }

    /** The resolution is late: the breach is recorded and the complaint goes one level up with a fresh deadline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Complaint resolutionBreached(long id) {
        Complaint complaint = complaint(id);
        if (breach(complaint, ComplaintEnums.Deadline.RESOLUTION, complaint.resolutionDue())) {
            staff.toGroup(complaintCase, id, Groups.OPERATIONS_MANAGER, "complaint-deadline-breached",
                    payload(complaint, ComplaintEnums.Deadline.RESOLUTION, complaint.resolutionDue()),
                    "complaint-breach-" + id + "-resolution-" + complaint.level());
        }
        return levelUp(complaint, "resolution deadline missed");
    }

    /** The customer's answer: satisfied ends it RESOLVED; not satisfied goes a level up, after level 2 to sign-off. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String confirm(long id, Boolean satisfied, Integer score, String comment, String user) {
        Complaint complaint = complaint(id);
        if (satisfied == null) {
            throw new InvalidField("satisfied", "is required");
        }
        if (score == null || score < 1 || score > 5) {
            throw new InvalidField("satisfactionScore", "must be from 1 to 5");
        }
        complaints.confirmed(id, satisfied, score, clock.instant());
        if (satisfied) {
            cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.RESOLVED.name(), user, comment);
            inviteToSurvey(complaint);
            return "RESOLVED";
        }
        if (complaint.level() >= 2) {
            cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.CLOSING_UNRESOLVED.name(), user, comment);
            return "CLOSE_UNRESOLVED";
        }
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.IN_INVESTIGATION.name(), user, comment);
        levelUp(complaint, "the customer is not satisfied" + (comment == null ? "" : ": " + comment));
        return "REINVESTIGATE";
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void closeUnresolved(long id, String comment, String user) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidField("closingComment", "is required: why the complaint closes unresolved");
        }
        Complaint complaint = complaint(id);
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.UNRESOLVED.name(), user, comment.strip());
        inviteToSurvey(complaint);
    }

    /** A closed complaint asks the customer how it went (once; only a customer who agreed to be contacted). */
    private void inviteToSurvey(Complaint complaint) {
        surveys.invite(complaintCase, complaint.customerId(), ComplaintCase.TYPE, String.valueOf(complaint.id()),
                "your complaint " + complaint.complaintNumber());
    }

    public Complaint complaint(long id) {
        return complaints.find(id).orElseThrow(() -> new NotFound("Complaint", id));
    }

    public List<Complaint> list(String status, String group, Boolean breached, int page, int size) {
        return complaints.list(status, group, breached, size, page * size);
    }

    /** A follow-up complaint from a return call: the customer's new problem, registered like any other. */
    public long registerFollowUp(long customerId, String description, String user, String reference) {
        if (description.length() > 3900) {
            throw new InvalidField("followUpComplaint", "is at most 3,900 characters");
        }
        return submit(new NewComplaint(customerId, null, null, ComplaintEnums.Channel.PHONE, ComplaintCategory.OTHER,
                ComplaintSeverity.MEDIUM, "Follow-up of " + reference + ": " + description), user).id();
    }

    /** The customer's newest complaints, for their history. */
    public List<Complaint> ofCustomer(long customerId, int limit) {
        return complaints.ofCustomer(customerId, limit);
    }

    public List<ComplaintPause> pauses(long id) {
        return complaints.pauses(id);
    }

    public List<ComplaintBreach> breaches(long id) {
        return complaints.breaches(id);
    }

    private Complaint levelUp(Complaint complaint, String why) {
        int level = Math.min(2, complaint.level() + 1);
        Instant due = resolutionDue(clock.instant(), complaint.severity(), complaint.showId());
        complaints.escalate(complaint.id(), complaint.level(), level, due, clock.instant());
        cases.setDue(complaint.caseId(), due);
        audit.record("system", "COMPLAINT_ESCALATED", ComplaintCase.TYPE, complaint.id(), "level " + level + ": " + why);
        return complaint(complaint.id());
    }

    private boolean breach(Complaint complaint, ComplaintEnums.Deadline deadline, Instant due) {
        try {
            complaints.insertBreach(complaint.id(), deadline.name(), complaint.level(), due, clock.instant());
            audit.record("system", "COMPLAINT_" + deadline + "_BREACHED", ComplaintCase.TYPE, complaint.id(),
                    "level " + complaint.level() + ", due " + due);
            return true;
        } catch (DuplicateKeyException e) {
            return false; // recorded already (a retried timer job)
        }
    }

    private Map<String, Object> payload(Complaint complaint, ComplaintEnums.Deadline deadline, Instant due) {
        return Map.of("complaintNumber", complaint.complaintNumber(), "deadline",
                deadline == ComplaintEnums.Deadline.FIRST_RESPONSE ? "first response" : "resolution",
                "dueAt", Display.time(due, zone), "category", Display.words(complaint.category()),
                "severity", Display.words(complaint.severity()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

package org.ticketops.complaint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ticketops.web.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.catalog.CatalogService;
import org.ticketops.customer.CustomerService;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Complaints from registration to the customer's answer: the group responsible by category, the deadlines by
 * severity ({@link ComplaintDeadlines}), acknowledging, investigating (a voucher or refund is
 * {@link ComplaintRemedies}'), the clock paused while the complaint waits for the customer (the deadlines move by
 * the pause), and the customer's confirmation.
 */
@Service
public class ComplaintService {

    static final String REPLY_MESSAGE = "ComplaintCustomerReplied";

    private final ComplaintMapper complaints;
    private final ComplaintCase complaintCase;
    private final CaseService cases;
    private final CustomerService customers;
    private final CatalogService catalog;
    private final ComplaintProperties properties;
    private final RuntimeService runtime;
    private final ComplaintRemedies remedies;
    private final ComplaintDeadlines deadlines;
    private final org.ticketops.survey.SurveyService surveys;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    ComplaintService(ComplaintMapper complaints, ComplaintCase complaintCase, CaseService cases, CustomerService customers,
                     CatalogService catalog, ComplaintProperties properties,
                     RuntimeService runtime, ComplaintRemedies remedies, ComplaintDeadlines deadlines,
                     org.ticketops.survey.SurveyService surveys,
                     AuditTrail audit, ObjectMapper json, Clock clock) {
        this.complaints = complaints;
        this.complaintCase = complaintCase;
        this.cases = cases;
        this.customers = customers;
        this.catalog = catalog;
        this.properties = properties;
        this.runtime = runtime;
        this.remedies = remedies;
        this.deadlines = deadlines;
        this.surveys = surveys;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What the API (or the start form) hands the first step: the complaint, the clerk, the call's Idempotency-Key. */
    record Pending(NewComplaint command, String user, String idempotencyKey, String idempotencyHash) {
        Pending(NewComplaint command, String user) {
            this(command, user, null, null);
        }
    }

    public Complaint submit(NewComplaint command, String user) {
        return submit(command, user, null);
    }

    /**
     * Registers a complaint and starts its handling. With an Idempotency-Key, a retry by the same clerk with the same
     * body answers the first complaint, another body is refused; of concurrent retries one registers (a unique key).
     */
    public Complaint submit(NewComplaint command, String user, String idempotencyKey) {
        String key = IdempotencyKeys.checked(idempotencyKey);
        String hash = key == null ? null : IdempotencyKeys.hash(json, command);
        return IdempotencyKeys.once(key, hash, "complaint", k -> complaints.findByIdempotencyKey(user, k), this::complaint, () -> {
            check(command);
            String processInstanceId = ProcessIntake.start(runtime, ComplaintCase.PROCESS_KEY,
                    new Pending(command, user, key, hash));
            return cases.ofProcessInstance(processInstanceId).map(c -> complaint(Long.parseLong(c.businessKey().substring(2))))
                    .orElseThrow(() -> new IllegalStateException("process " + processInstanceId + " registered no complaint"));
        });
    }

    /** The first step: routes the complaint, sets its deadlines and opens its case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long register(Pending intake, String processInstanceId) {
        NewComplaint command = intake.command();
        String user = intake.user();
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
        row.resolutionDue = deadlines.resolutionDue(now, command.severity(), showId);
        row.processInstanceId = processInstanceId;
        row.idempotencyKey = intake.idempotencyKey();
        row.idempotencyHash = intake.idempotencyHash();
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
        if (resolved == ComplaintEnums.Resolution.REFUND) {
            remedies.checkRefundable(complaint);
        }
        ComplaintRemedies.Voucher voucher = resolved == ComplaintEnums.Resolution.COMPENSATION_VOUCHER
                ? remedies.propose(complaint, cause, amount, comment) : null;
        complaints.investigated(id, findings.strip(), cause.name(), resolved.name(), user,
                voucher == null ? null : voucher.suggested(), voucher == null ? null : voucher.amount(),
                voucher == null ? null : voucher.tableVersion(), comment == null || comment.isBlank() ? null : comment.strip(),
                clock.instant());
        if (resolved == ComplaintEnums.Resolution.REFUND) {
            return new Investigation("PROPOSED", "REFUND", null); // the refund request's end moves the complaint on
        }
        if (voucher == null) {
            cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.AWAITING_CONFIRMATION.name(), user,
                    cause + " → " + resolved);
            return new Investigation("PROPOSED", "NONE", null);
        }
        String approver = remedies.approverFor(voucher.amount());
        audit.record(user, "COMPLAINT_COMPENSATION_PROPOSED", ComplaintCase.TYPE, id, Display.money(voucher.amount())
                + " (suggested " + Display.money(voucher.suggested()) + ")" + (approver == null ? "" : ", for " + approver
                + " to approve"));
        return new Investigation("PROPOSED", approver == null ? "ISSUE" : "APPROVE", approver);
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
        deadlines.levelUp(complaint, "the customer is not satisfied" + (comment == null ? "" : ": " + comment));
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

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

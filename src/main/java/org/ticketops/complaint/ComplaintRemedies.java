package org.ticketops.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.billing.BillingService;
import org.ticketops.billing.CreditNote;
import org.ticketops.casework.CaseService;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.identity.Groups;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundCase;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * What a complaint's resolution gives the customer: a voucher (the amount the compensation table suggests, changed
 * only with a comment; approved above the limits, never by the investigator; issued once as a credit note on the
 * order) or a refund of the order's sold tickets through the refund process, which the complaint waits for.
 */
@Service
public class ComplaintRemedies {

    private final ComplaintMapper complaints;
    private final ComplaintCase complaintCase;
    private final CaseService cases;
    private final CustomerService customers;
    private final DecisionService decisions;
    private final ComplaintCompensationTable compensationTable;
    private final BillingService billing;
    private final ObjectProvider<RefundRegistration> refunds;
    private final ComplaintProperties properties;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;

    ComplaintRemedies(ComplaintMapper complaints, ComplaintCase complaintCase, CaseService cases, CustomerService customers,
                      DecisionService decisions, ComplaintCompensationTable compensationTable, BillingService billing,
                      ObjectProvider<RefundRegistration> refunds, ComplaintProperties properties, RuntimeService runtime,
                      AuditTrail audit, Clock clock) {
        this.complaints = complaints;
        this.complaintCase = complaintCase;
        this.cases = cases;
        this.customers = customers;
        this.decisions = decisions;
        this.compensationTable = compensationTable;
        this.billing = billing;
        this.refunds = refunds;
        this.properties = properties;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /** A proposed voucher: what the table suggested (with its version) and the amount given. */
    record Voucher(BigDecimal suggested, BigDecimal amount, int tableVersion) {
    }

    /** The voucher for an investigation's findings: the table's suggestion, or another amount with a comment. */
    Voucher propose(Complaint complaint, RootCause cause, BigDecimal amount, String comment) {
        if (complaint.orderId() == null) {
            throw new InvalidField("resolution", "a voucher is credited against an order; this complaint names none");
        }
        BigDecimal total = complaints.orderTotal(complaint.orderId());
        var decision = decisions.decide(compensationTable, null, new CompensationInput(complaint.severity(),
                complaint.category(), cause, customers.get(complaint.customerId()).memberTier(), total),
                new DecisionSubject(ComplaintCase.TYPE, String.valueOf(complaint.id()), complaint.processInstanceId()));
        BigDecimal suggested = decision.output().amount(total);
        BigDecimal given = amount == null ? suggested : amount.setScale(2, RoundingMode.HALF_UP);
        if (given.compareTo(suggested) != 0 && (comment == null || comment.isBlank())) {
            throw new InvalidField("compensationComment", "is required when the amount differs from the suggested "
                    + Display.money(suggested));
        }
        if (given.signum() <= 0 || given.compareTo(total) > 0) {
            throw new InvalidField("compensationAmount", "must be above 0 and at most the order's total " + Display.money(total));
        }
        return new Voucher(suggested, given, decision.tableVersion().version());
    }

    /** The group that approves a voucher of this amount first, or null when none needs to. */
    String approverFor(BigDecimal amount) {
        ComplaintProperties.CompensationApproval limits = properties.compensationApproval();
        return amount.compareTo(limits.generalManager()) > 0 ? Groups.GENERAL_MANAGER
                : amount.compareTo(limits.operationsManager()) > 0 ? Groups.OPERATIONS_MANAGER : null;
    }

    /** A refund needs the complaint's order with tickets still sold. */
    void checkRefundable(Complaint complaint) {
        if (complaint.orderId() == null || complaints.soldTickets(complaint.orderId()).isEmpty()) {
            throw new InvalidField("resolution", "a refund needs an order of the complaint with tickets still sold");
        }
    }

    /** A manager approves or rejects the voucher; never the investigator. A rejection needs a comment (it goes back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decideCompensation(long id, String decision, String comment, String user) {
        Complaint complaint = complaint(id);
        FourEyesViolation.check(user, complaint.investigatedBy(), "proposed the compensation of",
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
        RefundReason reason = complaint.rootCause() == RootCause.SYSTEM
                || complaint.rootCause() == RootCause.SUPPLIER ? RefundReason.TICKET_DEFECT
                : RefundReason.CUSTOMER_CHOICE;
        var request = refunds.getObject().open(new NewRefundRequest(complaint.orderId(),
                complaints.soldTickets(complaint.orderId()), RefundRequestType.REFUND, reason, null,
                "Refund for complaint " + complaint.complaintNumber()), complaint.investigatedBy(), "complaint-" + id + "-refund");
        complaints.refundStarted(id, request.request().id(), clock.instant());
        audit.record("system", "COMPLAINT_REFUND_STARTED", ComplaintCase.TYPE, id,
                RefundCase.businessKey(request.request().id()) + " (" + reason + ")");
        return request.request().id();
    }

    /** The complaint whose refund request is the case that closed, if one waits for it. */
    public Optional<Long> waitingFor(long refundCaseId) {
        return complaints.waitingForRefundCase(refundCaseId);
    }

    /** The refund request ended: the customer confirms next. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundSettled(long id) {
        Complaint complaint = complaint(id);
        String refund = RefundCase.businessKey(complaint.refundRequestId());
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
                List.of(new CreditNote.Line(1, null, "Compensation voucher, complaint "
                        + complaint.complaintNumber(), complaint.compensationAmount())));
        complaints.voucherIssued(id, note.number(), clock.instant());
        cases.move(complaintCase, complaint.caseId(), ComplaintEnums.Status.AWAITING_CONFIRMATION.name(), "system",
                "voucher " + note.number() + " for " + Display.money(complaint.compensationAmount()));
        return note.number();
    }

    private Complaint complaint(long id) {
        return complaints.find(id).orElseThrow(() -> new NotFound("Complaint", id));
    }
}

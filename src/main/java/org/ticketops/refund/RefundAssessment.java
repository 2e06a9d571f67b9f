package org.ticketops.refund;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.credit.CreditCheck;
import org.ticketops.credit.CreditService;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.sales.Order;
import org.ticketops.sales.SalesService;
import org.ticketops.web.InvalidField;

/**
 * Decides a registered request: its fees with the refund-fee table, whether it needs a review and
 * finance's approval, and records the reviewer's and finance's decisions under the four-eyes rule.
 */
@Service
public class RefundAssessment {

    private final RefundService refunds;
    private final RefundMapper requests;
    private final SalesService sales;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final DecisionService decisions;
    private final RefundFeeTable feeTable;
    private final RefundReviewTable reviewTable;
    private final CreditService credit;
    private final AuditTrail audit;
    private final RefundProperties properties;
    private final Clock clock;

    RefundAssessment(RefundService refunds, RefundMapper requests, SalesService sales, CatalogService catalog,
                     CustomerService customers, DecisionService decisions, RefundFeeTable feeTable,
                     RefundReviewTable reviewTable, CreditService credit,
                     AuditTrail audit, RefundProperties properties, Clock clock) {
        this.refunds = refunds;
        this.requests = requests;
        this.sales = sales;
        this.catalog = catalog;
        this.customers = customers;
        this.decisions = decisions;
        this.feeTable = feeTable;
        this.reviewTable = reviewTable;
        this.credit = credit;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the evaluation decided, for the process's gateways and the review form. */
    public record Evaluation(boolean allowed, String rejectionCode, BigDecimal totalFee, BigDecimal totalRefund,
                             int tableVersion, boolean reviewNeeded, String reviewReasons, Duration reviewDeadline,
                             Instant reviewDueAt,
                             boolean largeRefund, boolean refundDue, List<FeeLine> feeLines) {
    }

    /** What a ticket would cost to refund or exchange now: shown to the clerk before a request is registered. */
    public record FeePreview(long ticketId, String seatLabel, BigDecimal pricePaid, boolean allowed, String rejectionCode,
                             int feePercent, BigDecimal fee, BigDecimal refundAmount) {
    }

    /**
     * The fees the refund-fee table would decide for these tickets of an order now, with the same table version and
     * inputs as a registered request (nothing is written, nothing logged): the desk shows them before confirming.
     */
    public List<FeePreview> preview(long orderId, List<Long> ticketIds, RefundRequestType type, RefundReason reason) {
        Order order = sales.order(orderId);
        Customer customer = customers.get(order.customerId());
        Show show = catalog.show(order.showId());
        Integer version = properties.policyBinding() == RefundProperties.PolicyBinding.PURCHASE
                ? order.refundFeesVersion() : null;
        long hours = Math.floorDiv(Duration.between(clock.instant(), show.startsAt()).getSeconds(), 3600);
        int hoursBeforeShow = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, hours));
        List<FeePreview> lines = new java.util.ArrayList<>();
        org.ticketops.decision.DecisionEvaluator fees = decisions.evaluator();
        for (org.ticketops.sales.Ticket ticket : sales.tickets(ticketIds)) {
            if (!ticket.orderId().equals(orderId)) {
                throw new org.ticketops.web.InvalidField("ticketIds", "ticket " + ticket.id() + " is not of order " + orderId);
            }
            RefundFeeInput input = new RefundFeeInput(type, reason, hoursBeforeShow, ticket.ticketType(),
                    customer.memberTier(), ticket.pricePaid());
            RefundFeeOutput out = (version == null ? fees.evaluate(feeTable, input) : fees.evaluate(feeTable, version, input)).output();
            lines.add(new FeePreview(ticket.id(), ticket.seatLabel(), ticket.pricePaid(), out.allowed(), out.rejectionCode(),
                    out.feePercent(), out.fee(), out.refundAmount()));
        }
        return lines;
    }

    /**
     * Decides every ticket with the refund-fee table (the version of the purchase, or the one in force,
     * as {@code ticketops.refund.policy-binding} says), with the hours before that ticket's show counted
     * from when the request was made. One refused ticket refuses the whole request.
     */
    @Transactional
    public Evaluation evaluate(long id) {
        RefundRequest request = refunds.request(id);
        Order order = sales.order(request.orderId());
        Customer customer = customers.get(request.customerId());
        Show show = catalog.show(order.showId());
        Integer version = properties.policyBinding() == RefundProperties.PolicyBinding.PURCHASE
                ? order.refundFeesVersion() : null;
        long hours = Math.floorDiv(Duration.between(request.requestedAt(), show.startsAt()).getSeconds(), 3600);
        int hoursBeforeShow = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, hours));
        DecisionSubject subject = new DecisionSubject(RefundService.SUBJECT, String.valueOf(id), request.processInstanceId());

        boolean allowed = true;
        String rejectionCode = null;
        int tableVersion = 0;
        for (FeeLine line : requests.findLines(id)) {
            RefundFeeInput input = new RefundFeeInput(request.type(), request.reason(), hoursBeforeShow,
                    line.ticketType(), customer.memberTier(), line.pricePaid());
            Decision<RefundFeeOutput> decision = decisions.decide(feeTable, version, input, subject);
            RefundFeeOutput out = decision.output();
            tableVersion = decision.tableVersion().version();
            requests.updateLineFee(id, line.ticketId(), hoursBeforeShow, out.allowed(), out.rejectionCode(),
                    out.feePercent(), out.minimumFee(), out.fee(), out.refundAmount(), tableVersion);
            if (!out.allowed() && allowed) {
                allowed = false;
                rejectionCode = out.rejectionCode();
            }
        }
        List<FeeLine> lines = requests.findLines(id);
        BigDecimal totalFee = RefundService.sum(lines, FeeLine::fee);
        BigDecimal totalRefund = RefundService.sum(lines, FeeLine::refundAmount);
        requests.updateTotals(id, tableVersion, totalFee, totalRefund, null, null, clock.instant());

        ReviewRuling review = allowed ? review(request, totalRefund, subject) : ReviewRuling.NONE;
        boolean reviewNeeded = review.decision().reviewNeeded();
        Duration deadline = Duration.ofHours(review.decision().reviewDeadlineHours());
        if (reviewNeeded) {
            refunds.moveTo(id, RefundRequestStatus.AWAITING_REVIEW, "system", String.join("; ", review.reasons()));
            refunds.setDue(id, clock.instant().plus(deadline));
        }
        String reasons = String.join("; ", review.reasons());
        audit.record("system", "EVALUATED", RefundService.SUBJECT, id, "refund-fees v" + tableVersion + ": "
                + (allowed ? "allowed, fees " + totalFee.toPlainString() + ", refund " + totalRefund.toPlainString()
                + (reviewNeeded ? ", review needed (" + reasons + ")" : "")
                : "rejected " + rejectionCode));
        return new Evaluation(allowed, rejectionCode, totalFee, totalRefund, tableVersion, reviewNeeded,
                reviewNeeded ? reasons : "none", deadline, clock.instant().plus(deadline),
                review.decision().financeApprovalNeeded(),
                request.type() == RefundRequestType.REFUND && totalRefund.signum() > 0, lines);
    }

    /** The refund-review table's decision on a request with this refund total, and its reasons in words. */
    private record ReviewRuling(RefundReviewDecision decision, List<String> reasons) {
        static final ReviewRuling NONE = new ReviewRuling(new RefundReviewDecision(false, List.of(), false, 0), List.of());
    }

    private ReviewRuling review(RefundRequest request, BigDecimal totalRefund, DecisionSubject subject) {
        int recent = requests.countCompletedSince(request.customerId(), RefundRequestType.REFUND,
                clock.instant().minus(properties.frequentWindow()));
        CreditCheck creditCheck = credit.decide(request.customerId(), subject);
        boolean tierNeedsReview = creditCheck.decision().output().refundsNeedReview();
        RefundReviewDecision decision = decisions.decide(reviewTable, null, new RefundReviewInput(request.type(),
                request.reason(), totalRefund, recent, tierNeedsReview), subject).output();
        List<String> reasons = decision.reviewReasons().stream().map(code -> switch (code) {
            case "AMOUNT_ABOVE_LIMIT" -> "refund total " + totalRefund.toPlainString() + " is above the review limit";
            case "TICKET_DEFECT" -> "a ticket defect is claimed";
            case "FREQUENT_REFUNDER" -> "the customer had " + recent + " refunds in the last "
                    + properties.frequentWindow().toDays() + " days";
            case "CREDIT_TIER" -> "credit tier " + creditCheck.decision().output().tier() + " needs a review of refunds";
            default -> code;
        }).toList();
        return new ReviewRuling(decision, reasons);
    }

    /**
     * Records a reviewer's decision in the trail; REJECT and WAIVE_FEE need a comment. The requester may
     * not review their own request (four-eyes rule).
     */
    @Transactional
    public void recordReview(long id, String decision, String comment, String user) {
        FourEyesViolation.check(user, refunds.request(id).requestedBy(), "registered", "review",
                "request " + id);
        if (decision == null || !List.of("APPROVE", "WAIVE_FEE", "REJECT").contains(decision)) {
            throw new InvalidField("reviewDecision", "must be APPROVE, WAIVE_FEE or REJECT");
        }
        if (!decision.equals("APPROVE") && (comment == null || comment.isBlank())) {
            throw new InvalidField("reviewComment", "is required to reject or to waive the fees");
        }
        audit.record(user, "REVIEW_" + decision, RefundService.SUBJECT, id, comment);
    }

    /**
     * Records finance's decision on a large refund; REJECT needs a comment. Neither the requester nor the
     * reviewer may take it (four-eyes rule: one person, one approval step).
     */
    @Transactional
    public void recordFinanceDecision(long id, String decision, String comment, String user, String reviewedBy) {
        FourEyesViolation.check(user, refunds.request(id).requestedBy(), "registered", "approve",
                "request " + id);
        FourEyesViolation.check(user, reviewedBy, "reviewed", "also approve", "request " + id);
        if (decision == null || !List.of("APPROVE", "REJECT").contains(decision)) {
            throw new InvalidField("financeDecision", "must be APPROVE or REJECT");
        }
        if (decision.equals("REJECT") && (comment == null || comment.isBlank())) {
            throw new InvalidField("financeComment", "is required to reject");
        }
        audit.record(user, "FINANCE_" + decision, RefundService.SUBJECT, id, comment);
        if (decision.equals("APPROVE")) {
            refunds.moveTo(id, RefundRequestStatus.OPEN, user, "finance approved");
        }
    }

    /** Applies an approved review: WAIVE_FEE sets every fee to 0.00. Returns the new totals. */
    @Transactional
    public Evaluation applyReview(long id, String decision, String user) {
        RefundRequest request = refunds.request(id);
        List<FeeLine> lines = requests.findLines(id);
        if ("WAIVE_FEE".equals(decision)) {
            for (FeeLine line : lines) {
                BigDecimal refund = request.type() == RefundRequestType.REFUND ? line.pricePaid() : RefundService.ZERO;
                requests.updateLineFee(id, line.ticketId(), line.hoursBeforeShow(), true, null, line.feePercent(),
                        line.minimumFee(), RefundService.ZERO, refund, line.tableVersion());
            }
            lines = requests.findLines(id);
            audit.record(user, "FEES_WAIVED", RefundService.SUBJECT, id, "fees " + RefundService.sum(lines, FeeLine::fee) + " after waiving");
        }
        BigDecimal totalFee = RefundService.sum(lines, FeeLine::fee);
        BigDecimal totalRefund = RefundService.sum(lines, FeeLine::refundAmount);
        requests.updateTotals(id, request.tableVersion(), totalFee, totalRefund, null, null, clock.instant());
        boolean financeApproval = review(request, totalRefund, new DecisionSubject(RefundService.SUBJECT, String.valueOf(id),
                request.processInstanceId())).decision().financeApprovalNeeded();
        refunds.moveTo(id, financeApproval ? RefundRequestStatus.AWAITING_APPROVAL : RefundRequestStatus.OPEN, user,
                "review: " + decision + (financeApproval ? "; finance must approve" : ""));
        return new Evaluation(true, null, totalFee, totalRefund, request.tableVersion() == null ? 0 : request.tableVersion(),
                false, null, null, null, financeApproval,
                request.type() == RefundRequestType.REFUND && totalRefund.signum() > 0, lines);
    }
}

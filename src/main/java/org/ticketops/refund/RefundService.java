package org.ticketops.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.billing.BillingService;
import org.ticketops.billing.CreditNote;
import org.ticketops.casework.CaseNotifications;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.CaseTransition;
import org.ticketops.catalog.SeatHolds;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.SalesService;
import org.ticketops.web.NotFound;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;

/**
 * Refund and exchange requests once registered ({@link RefundRegistration}) and decided
 * ({@link RefundAssessment}): reading them, settling tickets, credit notes, the
 * customer's messages and how a request ends. An exchange's seats and payment are {@link RefundExchanges};
 * money goes out through {@link RefundPayouts}; task
 * forms are built by {@link RefundTaskContext}. The process {@code refundExchange} calls these steps
 * through its delegates.
 */
@Service
public class RefundService {

    public static final String PROCESS_KEY = "refundExchange";
    public static final String SUBJECT = "REFUND_REQUEST";
    static final String REVIEW_REJECTED = "REVIEW_REJECTED";
    static final String FINANCE_REJECTED = "FINANCE_REJECTED";
    static final String EXCHANGE_SOLD_OUT = "EXCHANGE_SOLD_OUT";
    static final BigDecimal ZERO = new BigDecimal("0.00");

    private final RefundMapper requests;
    private final CaseService cases;
    private final RefundCase refundCase;
    private final SeatHolds seats;
    private final SalesService sales;
    private final CustomerService customers;
    private final AuditTrail audit;
    private final CaseNotifications outbox;
    private final BillingService billing;
    private final RuntimeService runtime;
    private final Clock clock;

    RefundService(RefundMapper requests, CaseService cases, RefundCase refundCase, SeatHolds seats, SalesService sales,
                  CustomerService customers, AuditTrail audit, CaseNotifications outbox, BillingService billing,
                  RuntimeService runtime, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.refundCase = refundCase;
        this.seats = seats;
        this.sales = sales;
        this.customers = customers;
        this.audit = audit;
        this.outbox = outbox;
        this.billing = billing;
        this.runtime = runtime;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------

    public RefundRequest request(long id) {
        return requests.find(id).orElseThrow(() -> new NotFound("refund request", id));
    }

    public Optional<RefundRequest> byProcessInstance(String processInstanceId) {
        return requests.findByProcessInstance(processInstanceId);
    }

    public RefundRequestDetails details(long id) {
        RefundRequest request = request(id);
        return new RefundRequestDetails(request, customers.get(request.customerId()).name(), requests.findLines(id),
                sales.payments(null, reference(id)), billing.byReference(reference(id)).orElse(null),
                audit.of(SUBJECT, id), cases.transitions(request.caseId()));
    }

    /** Of these tickets, the ones already in an open refund or exchange request. */
    public java.util.Set<Long> ticketsInOpenRequests(java.util.Collection<Long> ticketIds) {
        return ticketIds.isEmpty() ? java.util.Set.of() : requests.findOpenTickets(ticketIds).stream()
                .map(RefundMapper.OpenTicket::ticketId).collect(Collectors.toSet());
    }

    public Page<RefundRequest> list(RefundRequestStatus status, Long customerId, PageRequest page) {
        return Page.of(requests.findPage(status, customerId, page.offset(), page.size()), page.page(), page.size(),
                requests.count(status, customerId));
    }

    // ---- money, tickets, documents ------------------------------------------------------------

    /** Refunded tickets become REFUNDED and go back on sale; exchanged ones are replaced by new tickets. */
    @Transactional
    public void settleTickets(long id) {
        RefundRequest request = request(id);
        List<FeeLine> lines = requests.findLines(id);
        List<Long> ticketIds = lines.stream().map(FeeLine::ticketId).toList();
        if (request.type() == RefundRequestType.REFUND) {
            sales.refundTickets(request.orderId(), ticketIds);
            audit.record("system", "TICKETS_REFUNDED", SUBJECT, id, ticketIds.toString());
            return;
        }
        OrderDetails newOrder = sales.exchangeTickets(request.orderId(), ticketIds, request.targetCategoryId(),
                request.newOrderId());
        if (request.newOrderId() == null) {
            requests.setNewOrder(id, newOrder.order().id());
            seats.convert(request.caseId());
            for (int i = 0; i < lines.size() && i < newOrder.tickets().size(); i++) {
                requests.updateLineExchange(id, lines.get(i).ticketId(), lines.get(i).newPrice(),
                        newOrder.tickets().get(i).id());
            }
            audit.record("system", "TICKETS_EXCHANGED", SUBJECT, id, ticketIds + " for "
                    + newOrder.tickets().stream().map(t -> String.valueOf(t.id())).collect(Collectors.joining(", ", "[", "]"))
                    + " in order " + newOrder.order().id());
        }
    }

    /** A credit note for money given back (nothing when no money goes back). */
    @Transactional
    public Optional<CreditNote> issueCreditNote(long id) {
        RefundRequest request = request(id);
        if (request.totalRefund() == null || request.totalRefund().signum() <= 0) {
            return Optional.empty();
        }
        boolean first = billing.byReference(reference(id)).isEmpty();
        List<CreditNote.Line> lines = new ArrayList<>();
        if (request.type() == RefundRequestType.REFUND) {
            int no = 1;
            for (FeeLine line : requests.findLines(id)) {
                if (line.refundAmount() != null && line.refundAmount().signum() > 0) {
                    lines.add(new CreditNote.Line(no++, line.ticketId(), "Refund of ticket " + line.ticketId() + ": price "
                            + line.pricePaid().toPlainString() + " less fee " + line.fee().toPlainString(), line.refundAmount()));
                }
            }
        } else {
            lines.add(new CreditNote.Line(1, null, "Exchange of order " + request.orderId() + " to category "
                    + request.targetCategoryId() + ": difference paid back", request.totalRefund()));
        }
        CreditNote note = billing.issueCreditNote(request.orderId(), request.customerId(), reference(id), lines);
        if (first) {
            audit.record("system", "CREDIT_NOTE_ISSUED", SUBJECT, id, note.number() + " over " + note.amount().toPlainString());
        }
        return Optional.of(note);
    }

    /** Closes the request as COMPLETED and tells the customer how it ended. */
    @Transactional
    public void notifyCompleted(long id) {
        close(id, RefundRequestStatus.COMPLETED, null, "system");
        RefundRequest request = request(id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("refundAmount", money(request.totalRefund()));
        payload.put("fees", money(request.totalFee()));
        if (request.newOrderId() != null) {
            payload.put("newOrderId", request.newOrderId());
        }
        notifyCustomer(id, request.type() == RefundRequestType.REFUND ? "refund-completed" : "exchange-completed", payload);
    }

    // ---- ends ---------------------------------------------------------------------------------

    /** Sets the status a waiting step shows (from the process's listeners). */
    @Transactional
    public void markStatus(long id, RefundRequestStatus status) {
        if (status.closed()) {
            close(id, status, null, "system");
        } else {
            moveTo(id, status, "system", null);
        }
    }

    /**
     * Moves the request's case to {@code status}: the case kernel refuses a move the refund case does not
     * allow, and records who moved it when and why. False when it already was there.
     */
    boolean moveTo(long id, RefundRequestStatus status, String actor, String reason) {
        return cases.move(refundCase, request(id).caseId(), status.name(), actor, reason);
    }

    /** The deadline the request's waiting step has (a review's due date); kept on its case. */
    void setDue(long id, Instant dueAt) {
        cases.setDue(request(id).caseId(), dueAt);
    }

    /** Every status change of the request's case. */
    public List<CaseTransition> transitions(long id) {
        return cases.transitions(request(id).caseId());
    }

    /** Rejects the request with its code: releases held seats and tells the customer. */
    @Transactional
    public void reject(long id, String rejectionCode) {
        RefundRequest request = request(id);
        String code = rejectionCode != null ? rejectionCode : request.rejectionCode();
        releaseHold(id);
        close(id, RefundRequestStatus.REJECTED, code, "system");
        notifyCustomer(id, "refund-rejected", Map.of("rejectionCode", code == null ? "" : code));
    }

    /** No payment within the window: releases the held seats; the request ends EXPIRED. */
    @Transactional
    public void expire(long id) {
        releaseHold(id);
        close(id, RefundRequestStatus.EXPIRED, null, "system");
        notifyCustomer(id, "exchange-expired", Map.of());
    }

    /**
     * Withdraws a request that waits for review, approval or payment. Refused (409) once money may
     * have moved. The process's withdrawal handler then releases seats and closes the request.
     */
    @Transactional
    public RefundRequestDetails withdraw(long id, String reason, String user) {
        RefundRequest request = request(id);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(RefundVariables.WITHDRAWN_BY, user);
        variables.put(RefundVariables.WITHDRAW_REASON, reason == null ? "" : reason);
        // Only the sub-process that spans the waiting steps listens for a withdrawal: once the payout has
        // started the engine finds no one to deliver it to, and the request can't be withdrawn.
        correlate(id, request, "RefundWithdrawn", variables, "REQUEST_NOT_WITHDRAWABLE",
                "only a request that waits for review, approval or the customer's payment can be withdrawn");
        return details(id);
    }

    /** The process's withdrawal handler: releases held seats, closes the request and tells the customer. */
    @Transactional
    public void closeWithdrawn(long id, String user, String reason) {
        releaseHold(id);
        close(id, RefundRequestStatus.WITHDRAWN, null, user);
        audit.record(user, "WITHDRAWN", SUBJECT, id, reason);
        notifyCustomer(id, "refund-withdrawn", Map.of());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void close(long id, RefundRequestStatus status, String code, String user) {
        if (moveTo(id, status, user, code)) {
            if (code != null) {
                requests.setRejectionCode(id, code, clock.instant());
            }
            requests.releaseTickets(id);
            audit.record(user, status.name(), SUBJECT, id, code);
        }
    }

    private void releaseHold(long id) {
        seats.release(request(id).caseId()).ifPresent(hold -> audit.record("system", "SEATS_RELEASED", SUBJECT, id,
                hold.quantity() + " seat(s) of category " + hold.categoryId()));
    }

    void notifyCustomer(long id, String template, Map<String, ?> details) {
        RefundRequest request = request(id);
        Customer customer = customers.get(request.customerId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", id);
        payload.put("customerName", customer.name());
        payload.put("orderId", request.orderId());
        payload.put("type", request.type().name());
        payload.putAll(details);
        CaseNotifications.Delivery delivery = outbox.enqueueToCustomer(refundCase, id, customer.email(), customer.phone(),
                template, payload, reference(id) + "-" + template);
        if (delivery == CaseNotifications.Delivery.NO_CONTACT) {
            audit.record("system", "CUSTOMER_NOT_NOTIFIED", SUBJECT, id, template
                    + ": the customer has no e-mail address or phone number on record");
        } else if (delivery.queued()) {
            audit.record("system", "NOTIFICATION_QUEUED", SUBJECT, id, template + " queued for "
                    + (delivery == CaseNotifications.Delivery.EMAIL ? "e-mail" : "SMS"));
        }
    }

    /** Delivers a message to the request's process; when no step of it waits for one, refuses with {@code code}. */
    void correlate(long id, RefundRequest request, String message, Map<String, Object> variables, String code,
                           String reason) {
        try {
            runtime.createMessageCorrelation(message).processInstanceId(request.processInstanceId())
                    .setVariables(variables).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new RefundProblems.WrongRequestState(code, id, request(id).status(), reason);
        }
    }

    static String reference(long id) {
        return "refund-request-" + id;
    }


    static String money(BigDecimal amount) {
        return (amount == null ? ZERO : amount.setScale(2, RoundingMode.HALF_UP)).toPlainString();
    }

    static BigDecimal sum(List<FeeLine> lines, java.util.function.Function<FeeLine, BigDecimal> field) {
        return lines.stream().map(field).map(v -> v == null ? BigDecimal.ZERO : v).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }
}

package org.ticketops.refund;

import org.ticketops.web.Display;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.sales.Order;
import org.ticketops.sales.Payment;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.SalesService;
import org.ticketops.web.Markdown;

/**
 * What the refund process's task forms show: the request, its fee lines and the customer's past
 * requests, the review for finance, the payout for finance. Everything people typed is escaped.
 */
@Component
class RefundTaskContext {

    private final RefundService refunds;
    private final RefundMapper requests;
    private final SalesService sales;
    private final CustomerService customers;
    private final ZoneId zone;

    RefundTaskContext(RefundService refunds, RefundMapper requests, SalesService sales, CustomerService customers,
                      TicketOpsProperties properties) {
        this.refunds = refunds;
        this.requests = requests;
        this.sales = sales;
        this.customers = customers;
        this.zone = properties.zone();
    }

    /** The review as the finance approval form shows it: decision, reviewer and comment, escaped. */
    public String reviewOutcome(String decision, String reviewer, String comment) {
        return Markdown.escape(decision) + " by " + Markdown.escape(reviewer)
                + (comment == null || comment.isBlank() ? "" : ": " + Markdown.escape(comment));
    }


    /**
     * The name a task of this request shows in Tasklist's list, with what tells it apart:
     * {@code Review refund R-000123 · Chen Jing · CNY 3,760.00}.
     */
    public String taskName(String step, long id) {
        RefundRequest r = refunds.request(id);
        String customer = customers.get(r.customerId()).name();
        if (customer.length() > 60) {
            customer = customer.substring(0, 59) + "…";
        }
        return step + " " + RefundCase.businessKey(id) + " · " + customer + " · " + currency(r.totalRefund());
    }

    /** What the finance task "Pay out refund" shows: amount, customer, how they paid, the order. */
    public String payoutSummary(long id) {
        RefundRequest r = refunds.request(id);
        Order order = sales.order(r.orderId());
        Customer customer = customers.get(r.customerId());
        String paidWith = sales.payments(r.orderId(), null).stream().filter(p -> p.direction() == PaymentDirection.IN)
                .map(Payment::method).distinct().collect(Collectors.joining(", "));
        return "- **Pay out:** " + currency(r.totalRefund()) + "\n"
                + "- **To:** " + Markdown.escape(customer.name())
                + (customer.email() == null ? "" : ", " + Markdown.escape(customer.email()))
                + (customer.phone() == null ? "" : ", " + Markdown.escape(customer.phone())) + "\n"
                + "- **Customer paid with:** " + (paidWith.isEmpty() ? "unknown" : Markdown.escape(paidWith)) + "\n"
                + "- **Order:** " + order.id() + ", " + Markdown.escape(order.eventName());
    }

    /**
     * What the review and approval forms show, computed when the task is created (so it is as current as
     * the task): the request, its fee lines and the customer's past requests, in words, times in the
     * center's zone and amounts with their currency. Everything people typed is escaped.
     */
    public Map<String, String> formSummaries(long id) {
        RefundRequest r = refunds.request(id);
        Order order = sales.order(r.orderId());
        StringBuilder request = new StringBuilder()
                .append("- **Customer:** ").append(Markdown.escape(order.customerName())).append('\n')
                .append("- **Order:** ").append(order.id()).append(", ").append(Markdown.escape(order.eventName()))
                .append(", show ").append(time(order.showStartsAt())).append(", paid ").append(currency(order.total())).append('\n')
                .append("- **Reason:** ").append(label(r.reason()))
                .append(r.note() == null ? "" : " (" + Markdown.escape(r.note()) + ")").append('\n')
                .append("- **Requested by** ").append(Markdown.escape(r.requestedBy())).append(", ").append(time(r.requestedAt()))
                .append('\n')
                .append("- **Fees:** ").append(currency(r.totalFee())).append(", **refund:** ").append(currency(r.totalRefund()))
                .append(" (refund-fee table v").append(r.tableVersion()).append(")");
        if (r.type() == RefundRequestType.EXCHANGE) {
            request.append("\n- **Exchange to category** ").append(r.targetCategoryId());
        }
        String fees = requests.findLines(id).stream().map(l -> "- Ticket " + l.ticketId() + " · " + label(l.ticketType())
                + " · paid " + currency(l.pricePaid()) + " · fee " + l.feePercent() + " % = " + currency(l.fee())
                + " · refund " + currency(l.refundAmount()) + " · " + beforeShow(l.hoursBeforeShow()))
                .collect(Collectors.joining("\n"));
        List<RefundRequest> past = requests.findPage(null, r.customerId(), 0, 11).stream()
                .filter(p -> !p.id().equals(r.id())).limit(10).toList();
        String history = past.isEmpty() ? "None." : past.stream().map(p -> "- " + RefundCase.businessKey(p.id()) + " · "
                + label(p.type().name()) + " · " + label(p.status().name())
                + (p.rejectionCode() == null ? "" : " (" + label(p.rejectionCode()) + ")") + " · refund "
                + currency(p.totalRefund()) + " · " + time(p.requestedAt())).collect(Collectors.joining("\n"));
        Map<String, String> summaries = new LinkedHashMap<>();
        summaries.put(RefundVariables.REQUEST_TITLE, (r.type() == RefundRequestType.REFUND ? "Refund" : "Exchange")
                + " request " + RefundCase.businessKey(r.id()));
        summaries.put(RefundVariables.REQUEST_SUMMARY, request.toString());
        summaries.put(RefundVariables.FEE_SUMMARY, fees);
        summaries.put(RefundVariables.HISTORY_SUMMARY, history);
        return summaries;
    }

    /** {@code Sat 5 Dec 2026, 19:30} in the center's zone. */
    private String time(Instant instant) {
        return Display.time(instant, zone);
    }

    /** {@code CNY 3,760.00} (no amount yet: 0.00). */
    static String currency(BigDecimal amount) {
        return Display.money(amount == null ? BigDecimal.ZERO : amount);
    }

    /** {@code 60 days before the show}, {@code 5 hours before the show}, {@code after the show started}. */
    static String beforeShow(Integer hours) {
        if (hours == null) {
            return "";
        }
        if (hours < 0) {
            return "after the show started";
        }
        if (hours >= 48) {
            return (hours / 24) + " days before the show";
        }
        return hours == 1 ? "1 hour before the show" : hours + " hours before the show";
    }

    /** An enum name as people read it: {@code CUSTOMER_CHOICE} → {@code Customer's choice}. */
    static String label(Object value) {
        return Display.words(value);
    }
}

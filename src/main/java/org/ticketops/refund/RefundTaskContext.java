package org.ticketops.refund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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


    /** What the finance task "Pay out refund" shows: amount, customer, how they paid, the order. */
    public String payoutSummary(long id) {
        RefundRequest r = refunds.request(id);
        Order order = sales.order(r.orderId());
        Customer customer = customers.get(r.customerId());
        String paidWith = sales.payments(r.orderId(), null).stream().filter(p -> p.direction() == PaymentDirection.IN)
                .map(Payment::method).distinct().collect(Collectors.joining(", "));
        return "- **Pay out:** CNY " + money(r.totalRefund()) + "\n"
                + "- **To:** " + Markdown.escape(customer.name())
                + (customer.email() == null ? "" : ", " + Markdown.escape(customer.email()))
                + (customer.phone() == null ? "" : ", " + Markdown.escape(customer.phone())) + "\n"
                + "- **Customer paid with:** " + (paidWith.isEmpty() ? "unknown" : Markdown.escape(paidWith)) + "\n"
                + "- **Order:** " + order.id() + ", " + Markdown.escape(order.eventName());
    }

    /** Markdown summaries for the review and approval forms. */
    public Map<String, String> formSummaries(long id) {
        RefundRequest r = refunds.request(id);
        Order order = sales.order(r.orderId());
        StringBuilder request = new StringBuilder()
                .append("- **Customer:** ").append(Markdown.escape(order.customerName())).append('\n')
                .append("- **Order:** ").append(order.id()).append(", ").append(Markdown.escape(order.eventName())).append(", ")
                .append(show(order.showStartsAt())).append(", paid ").append(money(order.total())).append('\n')
                .append("- **Reason:** ").append(r.reason()).append(r.note() == null ? "" : " (" + Markdown.escape(r.note()) + ")").append('\n')
                .append("- **Requested by** ").append(Markdown.escape(r.requestedBy())).append(" at ").append(show(r.requestedAt())).append('\n')
                .append("- **Fees:** ").append(money(r.totalFee())).append(", **refund:** ").append(money(r.totalRefund()))
                .append(" (refund-fee table v").append(r.tableVersion()).append(")");
        if (r.type() == RefundRequestType.EXCHANGE) {
            request.append("\n- **Exchange to category** ").append(r.targetCategoryId());
        }
        String fees = requests.findLines(id).stream().map(l -> "- Ticket " + l.ticketId() + " (" + l.ticketType() + ", "
                + money(l.pricePaid()) + "): " + l.feePercent() + " % fee " + money(l.fee()) + ", refund "
                + money(l.refundAmount()) + ", " + l.hoursBeforeShow() + " h before the show").collect(Collectors.joining("\n"));
        List<RefundRequest> past = requests.findPage(null, r.customerId(), 0, 11).stream()
                .filter(p -> !p.id().equals(r.id())).limit(10).toList();
        String history = past.isEmpty() ? "None." : past.stream().map(p -> "- #" + p.id() + " " + p.type() + " "
                + p.status() + (p.rejectionCode() == null ? "" : " (" + p.rejectionCode() + ")") + ", refund "
                + money(p.totalRefund()) + ", " + show(p.requestedAt())).collect(Collectors.joining("\n"));
        Map<String, String> summaries = new LinkedHashMap<>();
        summaries.put(RefundVariables.REQUEST_TITLE, (r.type() == RefundRequestType.REFUND ? "Refund" : "Exchange")
                + " request " + r.id());
        summaries.put(RefundVariables.REQUEST_SUMMARY, request.toString());
        summaries.put(RefundVariables.FEE_SUMMARY, fees);
        summaries.put(RefundVariables.HISTORY_SUMMARY, history);
        return summaries;
    }

    private String show(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static String money(BigDecimal amount) {
        return RefundService.money(amount);
    }
}

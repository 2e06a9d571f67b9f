package org.ticketops.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.LoggedDecision;
import org.ticketops.pricing.DiscountTable;
import org.ticketops.pricing.QuoteService;
import org.ticketops.refund.RefundCase;
import org.ticketops.refund.RefundRequest;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.Order;
import org.ticketops.sales.SalesService;
import org.ticketops.web.PageRequest;

/**
 * A customer's record in one list, newest first: orders, refund and exchange requests, the quotes staff gave them
 * (from the decision log), complaints and surveys. Each kind comes from the capability that owns it.
 */
@Service
public class CustomerHistory {

    private final CustomerService customers;
    private final SalesService sales;
    private final RefundService refunds;
    private final DecisionService decisions;
    private final ObjectMapper json;
    private final org.ticketops.complaint.ComplaintService complaints;
    private final org.ticketops.survey.SurveyService surveys;

    CustomerHistory(CustomerService customers, SalesService sales, RefundService refunds, DecisionService decisions,
                    ObjectMapper json, org.ticketops.complaint.ComplaintService complaints,
                    org.ticketops.survey.SurveyService surveys) {
        this.complaints = complaints;
        this.surveys = surveys;
        this.customers = customers;
        this.sales = sales;
        this.refunds = refunds;
        this.decisions = decisions;
        this.json = json;
    }

    /** The newest {@code limit} entries of each kind, merged, newest first. */
    public List<HistoryEntry> of(long customerId, int limit) {
        customers.get(customerId);
        List<HistoryEntry> entries = new ArrayList<>();
        for (Order o : sales.orders(customerId, null, null, new PageRequest(0, limit)).items()) {
            entries.add(new HistoryEntry("ORDER", "order " + o.id(), o.id(), o.createdAt(), o.status().name(), o.total(),
                    o.ticketCount() + " ticket(s) · " + o.eventName() + " · " + words(o.channel().name())));
        }
        for (RefundRequest r : refunds.list(null, customerId, new PageRequest(0, limit)).items()) {
            boolean exchange = r.type() == RefundRequestType.EXCHANGE;
            entries.add(new HistoryEntry(exchange ? "EXCHANGE_REQUEST" : "REFUND_REQUEST", RefundCase.businessKey(r.id()),
                    r.id(), r.requestedAt(), r.status().name(), exchange ? r.amountDue() : r.totalRefund(),
                    (exchange ? "Exchange" : "Refund") + " of order " + r.orderId() + " · " + words(r.reason().name())));
        }
        for (LoggedDecision quote : decisions.logged(QuoteService.QUOTE, String.valueOf(customerId), DiscountTable.NAME, limit)) {
            entries.add(new HistoryEntry("QUOTE", "quote", null, quote.decidedAt(), null, null, quoteSummary(quote)));
        }
        for (org.ticketops.complaint.Complaint c : complaints.ofCustomer(customerId, limit)) {
            entries.add(new HistoryEntry("COMPLAINT", c.complaintNumber(), c.id(), c.registeredAt(), c.status(), c.compensationAmount(),
                    words(c.category().name()) + " · " + words(c.severity().name()) + " · " + words(c.channel().name())
                            + (c.satisfactionScore() == null ? "" : " · scored " + c.satisfactionScore() + " of 5")));
        }
        for (org.ticketops.survey.Survey s : surveys.ofCustomer(customerId, limit)) {
            entries.add(new HistoryEntry("SURVEY", "survey", s.id(), s.submittedAt() != null ? s.submittedAt() : s.createdAt(),
                    s.submittedAt() != null ? "ANSWERED" : "SENT", null, s.submittedAt() == null
                    ? "Invited about " + words(s.subjectType()) + " " + s.subjectId()
                    : "Satisfaction " + s.score() + " of 5 · NPS " + s.nps() + (s.comment() == null ? "" : " · " + s.comment())));
        }
        entries.sort(Comparator.comparing(HistoryEntry::at).reversed());
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    private String quoteSummary(LoggedDecision quote) {
        try {
            JsonNode in = json.readTree(quote.input());
            JsonNode out = json.readTree(quote.output());
            int percent = out.path("appliedPercent").asInt();
            return in.path("quantity").asInt() + " × " + words(in.path("ticketType").asText()) + " · "
                    + in.path("daysBeforeShow").asInt() + " days before the show · "
                    + (percent == 0 ? "no discount" : percent + " % off (" + String.join(", ", texts(out.path("appliedCodes")))
                    + ")");
        } catch (Exception e) {
            return "Quote (discount table v" + quote.tableVersion() + ")";
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String words(String name) {
        return org.ticketops.web.Display.words(name);
    }
}

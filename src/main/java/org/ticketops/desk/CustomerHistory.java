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
 * A customer's record in one list, newest first: orders, refund and exchange requests, and the quotes staff
 * gave them (from the decision log). Each kind comes from the capability that owns it.
 */
@Service
public class CustomerHistory {

    private final CustomerService customers;
    private final SalesService sales;
    private final RefundService refunds;
    private final DecisionService decisions;
    private final ObjectMapper json;

    CustomerHistory(CustomerService customers, SalesService sales, RefundService refunds, DecisionService decisions,
                    ObjectMapper json) {
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

package org.ticketops.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.NotEnoughTickets;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.credit.CreditCheck;
import org.ticketops.credit.CreditService;
import org.ticketops.credit.CreditTierTable;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;
import org.ticketops.web.ProblemException;

/** Prices a purchase for a customer with the discount and credit tables in force. */
@Service
public class QuoteService {

    /** The decision log's subject type of a quote (a sale's pricing is logged as ORDER). */
    public static final String QUOTE = "QUOTE";

    private final CustomerService customers;
    private final CatalogService catalog;
    private final CreditService credit;
    private final DecisionService decisions;
    private final DiscountTable discounts;
    private final ZoneId zone;
    private final Clock clock;

    private final QuoteMapper given;
    private final PricingProperties pricing;

    QuoteService(CustomerService customers, CatalogService catalog, CreditService credit, DecisionService decisions,
                 DiscountTable discounts, TicketOpsProperties properties, Clock clock, QuoteMapper given,
                 PricingProperties pricing) {
        this.given = given;
        this.pricing = pricing;
        this.customers = customers;
        this.catalog = catalog;
        this.credit = credit;
        this.decisions = decisions;
        this.discounts = discounts;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /**
     * Refused when the show has started by {@code at} (422 SHOW_IN_PAST), when the quantity is above the
     * customer's credit limit (422 CREDIT_LIMIT_TICKETS) or above what is left (409 NOT_ENOUGH_TICKETS).
     */
    @Transactional
    public Quote quote(QuoteRequest request) {
        return quoteOrder(request.customerId(), List.of(new Item(request.categoryId(), request.quantity())),
                request.at() == null ? null : request.at().toInstant()).get(0);
    }

    /** One line of an order to price: a category and how many of it. */
    public record Item(long categoryId, int quantity) {
    }

    /**
     * Prices an order of several lines of one show exactly as {@link #quote} prices one: the credit limit
     * holds for the order's tickets together, and each line gets the discount the table gives its category
     * type at the order's quantity. One quote per line, in the order given.
     */
    @Transactional
    public List<Quote> quoteOrder(long customerId, List<Item> items, Instant when) {
        return quoteOrder(customerId, items, when, QUOTE);
    }

    /** As {@link #quoteOrder(long, List, Instant)}, its decisions logged under {@code purpose} (QUOTE, or ORDER for a sale). */
    @Transactional
    public List<Quote> quoteOrder(long customerId, List<Item> items, Instant when, String purpose) {
        Customer customer = customers.get(customerId);
        Instant at = when == null ? clock.instant() : when;
        List<TicketCategory> categories = new ArrayList<>();
        Show show = null;
        int quantity = 0;
        for (Item item : items) {
            TicketCategory category = catalog.category(item.categoryId());
            if (categories.stream().anyMatch(c -> c.id().equals(category.id()))) {
                throw new InvalidField("lines", "category " + category.id() + " appears twice");
            }
            if (show != null && !show.id().equals(category.showId())) {
                throw new InvalidField("lines", "all lines must be of one show");
            }
            show = show == null ? catalog.show(category.showId()) : show;
            categories.add(category);
            quantity += item.quantity();
        }
        if (show == null) {
            throw new InvalidField("lines", "must not be empty");
        }
        if (!show.startsAt().isAfter(at)) {
            throw new ShowInPast(show, at);
        }
        if (show.status() != org.ticketops.catalog.ShowStatus.ON_SALE) {
            throw new ShowNotOnSale(show);
        }
        DecisionSubject subject = new DecisionSubject(purpose, String.valueOf(customer.id()), null);
        CreditCheck creditCheck = credit.decide(customer.id(), subject);
        int limit = creditCheck.decision().output().maxTicketsPerOrder();
        if (quantity > limit) {
            throw new CreditLimitTickets(limit, quantity, creditCheck);
        }
        int days = (int) Math.floorDiv(Duration.between(at, show.startsAt()).getSeconds(), 86_400);
        boolean birthdayMonth = customer.birthday() != null
                && customer.birthday().getMonth() == at.atZone(zone).getMonth();
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TicketCategory category = categories.get(i);
            int lineQuantity = items.get(i).quantity();
            if (lineQuantity > category.available()) {
                throw new NotEnoughTickets(category, lineQuantity);
            }
            DiscountInput input = new DiscountInput(customer.memberTier(), category.type(),
                    creditCheck.decision().output().tier(), quantity, days, birthdayMonth);
            Decision<DiscountDecision> discount = decisions.decide(discounts, null, input, subject);
            BigDecimal subtotal = category.price().multiply(BigDecimal.valueOf(lineQuantity)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal discountAmount = subtotal.multiply(BigDecimal.valueOf(discount.output().appliedPercent()))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            Map<String, Integer> versions = new LinkedHashMap<>();
            versions.put(DiscountTable.NAME, discount.tableVersion().version());
            versions.put(CreditTierTable.NAME, creditCheck.decision().tableVersion().version());
            quotes.add(new Quote(customer.id(), category.id(), show.id(), lineQuantity, at, category.price(), subtotal,
                    discount, discountAmount, subtotal.subtract(discountAmount), creditCheck,
                    creditCheck.decision().output().depositRequired(), versions));
        }
        if (QUOTE.equals(purpose)) { // a quote given stands for a while: a price change tells the customer
            for (Quote q : quotes) {
                given.insert(q.customerId(), q.categoryId(), q.quantity(), q.unitPrice(), q.total(), at,
                        at.plus(pricing.quoteValidity()));
            }
        }
        return quotes;
    }

    /** More tickets than the customer's credit tier allows in one order: 422. */
    static class CreditLimitTickets extends ProblemException {
        CreditLimitTickets(int limit, int asked, CreditCheck check) {
            super(Kind.UNPROCESSABLE, "CREDIT_LIMIT_TICKETS", "Above the credit limit",
                    "Credit tier " + check.decision().output().tier() + " allows at most " + limit
                            + " ticket(s) per order; " + asked + " asked for.",
                    Map.of("limit", limit, "creditTier", check.decision().output().tier().name()));
        }
    }

    /** The show is suspended or cancelled: 422. */
    static class ShowNotOnSale extends ProblemException {
        ShowNotOnSale(Show show) {
            super(Kind.UNPROCESSABLE, "SHOW_NOT_ON_SALE", "Show not on sale",
                    "Show " + show.id() + " is " + show.status() + "; it sells nothing now.",
                    Map.of("showId", show.id(), "status", show.status().name()));
        }
    }

    /** The show has started by the quote's moment: 422. */
    static class ShowInPast extends ProblemException {
        ShowInPast(Show show, Instant at) {
            super(Kind.UNPROCESSABLE, "SHOW_IN_PAST", "Show in the past",
                    "Show " + show.id() + " starts at " + show.startsAt() + ", not after " + at + ".",
                    Map.of("showId", show.id()));
        }
    }
}

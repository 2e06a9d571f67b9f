package org.ticketops.desk;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ticketops.casework.CaseOutcomes;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.ShowDetails;
import org.ticketops.catalog.ShowStatus;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.checkout.CheckoutService;
import org.ticketops.checkout.NewOrder;
import org.ticketops.checkout.PlacedOrder;
import org.ticketops.customer.CustomerService;
import org.ticketops.identity.Groups;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.pricing.Quote;
import org.ticketops.pricing.QuoteService;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundAssessment;
import org.ticketops.refund.RefundCase;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestDetails;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.SalesChannel;
import org.ticketops.sales.SalesService;
import org.ticketops.sales.Ticket;
import org.ticketops.sales.TicketStatus;
import org.ticketops.web.Display;
import org.ticketops.web.PageRequest;
import org.ticketops.web.ProblemException;

/**
 * The service desk (customer-service, ticket-sales): find a customer, see their record, open an order, tick
 * tickets and start a refund or exchange after seeing its fees, or sell from a quote. Server-rendered with
 * Thymeleaf; htmx swaps the search results, the fee preview and the quote in place. It calls the same services
 * as the API, so the same rules and refusals apply; a refusal is shown on the page with its reason.
 */
@Controller
class DeskController {

    private final CustomerService customers;
    private final CustomerHistory history;
    private final SalesService sales;
    private final CatalogService catalog;
    private final RefundService refunds;
    private final RefundAssessment assessment;
    private final RefundRegistration registration;
    private final QuoteService quotes;
    private final CheckoutService checkout;
    private final CaseOutcomes outcomes;
    private final org.ticketops.decision.DecisionService decisionService;
    private final ZoneId zone;
    private final Clock clock;

    DeskController(CustomerService customers, CustomerHistory history, SalesService sales, CatalogService catalog,
                   RefundService refunds, RefundAssessment assessment, RefundRegistration registration,
                   QuoteService quotes, CheckoutService checkout, CaseOutcomes outcomes,
                   org.ticketops.decision.DecisionService decisionService, TicketOpsProperties ticketOps, Clock clock) {
        this.decisionService = decisionService;
        this.customers = customers;
        this.history = history;
        this.sales = sales;
        this.catalog = catalog;
        this.refunds = refunds;
        this.assessment = assessment;
        this.registration = registration;
        this.quotes = quotes;
        this.checkout = checkout;
        this.outcomes = outcomes;
        this.zone = ticketOps.zone();
        this.clock = clock;
    }

    /** Formats for the templates: times in the center's zone, money with its currency, enum names as words. */
    public final class Format {
        public String time(Instant instant) {
            return Display.time(instant, zone);
        }

        public String money(BigDecimal amount) {
            return Display.money(amount);
        }

        public String words(Object value) {
            return Display.words(value);
        }
    }

    private void common(Model model, Authentication user) {
        model.addAttribute("fmt", new Format());
        model.addAttribute("user", user.getName());
        model.addAttribute("sells", has(user, Groups.TICKET_SALES) || has(user, Groups.ADMIN));
    }

    private static boolean has(Authentication user, String group) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Groups.authority(group)));
    }

    @GetMapping("/desk/login")
    String login() {
        return "desk/login";
    }

    @GetMapping("/desk")
    String search(@RequestParam(required = false) String query, Model model, Authentication user) {
        common(model, user);
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("results", query == null || query.isBlank() ? List.of()
                : customers.list(query, new PageRequest(0, 20)).items());
        return "desk/search";
    }

    @GetMapping("/desk/customers")
    String results(@RequestParam(defaultValue = "") String query, Model model, Authentication user) {
        common(model, user);
        model.addAttribute("results", query.isBlank() ? List.of() : customers.list(query, new PageRequest(0, 20)).items());
        model.addAttribute("query", query);
        return "desk/search :: results";
    }

    @GetMapping("/desk/customers/{id}")
    String customer(@PathVariable long id, Model model, Authentication user) {
        common(model, user);
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("history", history.of(id, 50));
        List<ShowDetails> onSale = new ArrayList<>();
        for (Show show : catalog.shows(null, clock.instant(), null)) {
            if (show.status() == ShowStatus.ON_SALE && onSale.size() < 50) {
                onSale.add(catalog.showDetails(show.id()));
            }
        }
        model.addAttribute("shows", onSale);
        model.addAttribute("channels", SalesChannel.values());
        model.addAttribute("methods", NewOrder.PaymentMethod.values());
        return "desk/customer";
    }

    @PostMapping("/desk/customers/{id}/quote")
    String quote(@PathVariable long id, @RequestParam long categoryId, @RequestParam int quantity, Model model,
                 Authentication user) {
        common(model, user);
        model.addAttribute("customerId", id);
        try {
            Quote quote = quotes.quote(new org.ticketops.pricing.QuoteRequest(id, categoryId, quantity, null));
            model.addAttribute("quote", quote);
            model.addAttribute("category", catalog.category(categoryId));
        } catch (ProblemException refused) {
            model.addAttribute("refusal", refused.getMessage());
        }
        model.addAttribute("channels", SalesChannel.values());
        model.addAttribute("methods", NewOrder.PaymentMethod.values());
        return "desk/customer :: quote";
    }

    @PostMapping("/desk/customers/{id}/orders")
    String sell(@PathVariable long id, @RequestParam long categoryId, @RequestParam int quantity,
                @RequestParam SalesChannel channel, @RequestParam NewOrder.PaymentMethod method,
                @RequestParam(required = false) String externalReference, @RequestParam String idempotencyKey,
                Principal user, RedirectAttributes redirect) {
        try {
            PlacedOrder placed = checkout.place(new NewOrder(id, channel, List.of(new NewOrder.Line(categoryId, quantity)),
                    new NewOrder.PaymentDetails(method, externalReference)), user.getName(), idempotencyKey);
            redirect.addFlashAttribute("message", "Sold: order " + placed.order().id() + ", " + new Format().money(placed.order().total())
                    + (placed.invoice() == null ? " (waits for the deposit)" : ", invoice " + placed.invoice().number()));
            return "redirect:/desk/orders/" + placed.order().id();
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/desk/customers/" + id;
        }
    }

    @GetMapping("/desk/orders/{id}")
    String order(@PathVariable long id, Model model, Authentication user) {
        common(model, user);
        OrderDetails order = sales.orderDetails(id);
        List<Long> sold = order.tickets().stream().filter(t -> t.status() == TicketStatus.SOLD).map(Ticket::id).toList();
        Set<Long> inRequests = refunds.ticketsInOpenRequests(sold);
        model.addAttribute("order", order.order());
        model.addAttribute("tickets", order.tickets());
        model.addAttribute("open", sold.stream().filter(t -> !inRequests.contains(t)).toList());
        model.addAttribute("inRequests", inRequests);
        model.addAttribute("reasons", RefundReason.values());
        List<TicketCategory> targets = new ArrayList<>();
        Show show = catalog.show(order.order().showId());
        for (Show other : catalog.shows(show.eventId(), clock.instant(), null)) {
            if (!other.id().equals(show.id()) && other.status() == ShowStatus.ON_SALE) {
                targets.addAll(catalog.showDetails(other.id()).categories());
            }
        }
        model.addAttribute("targets", targets);
        return "desk/order";
    }

    @PostMapping("/desk/orders/{id}/fees")
    String fees(@PathVariable long id, @RequestParam(required = false) List<Long> ticketIds,
                @RequestParam RefundRequestType type, @RequestParam RefundReason reason, Model model, Authentication user) {
        common(model, user);
        if (ticketIds == null || ticketIds.isEmpty()) {
            model.addAttribute("refusal", "Tick the tickets the customer wants to " + (type == RefundRequestType.REFUND
                    ? "refund." : "exchange."));
        } else {
            List<RefundAssessment.FeePreview> lines = assessment.preview(id, ticketIds, type, reason);
            model.addAttribute("lines", lines);
            model.addAttribute("allowed", lines.stream().allMatch(RefundAssessment.FeePreview::allowed));
            model.addAttribute("totalFee", lines.stream().map(RefundAssessment.FeePreview::fee).reduce(BigDecimal.ZERO, BigDecimal::add));
            model.addAttribute("totalRefund", lines.stream().map(RefundAssessment.FeePreview::refundAmount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return "desk/order :: fees";
    }

    @PostMapping("/desk/orders/{id}/requests")
    String startRequest(@PathVariable long id, @RequestParam(required = false) List<Long> ticketIds,
                        @RequestParam RefundRequestType type, @RequestParam RefundReason reason,
                        @RequestParam(required = false) Long targetCategoryId, @RequestParam(required = false) String note,
                        @RequestParam String idempotencyKey, Principal user, RedirectAttributes redirect) {
        try {
            RefundRequestDetails opened = registration.open(new NewRefundRequest(id, ticketIds == null ? List.of() : ticketIds,
                    type, reason, type == RefundRequestType.EXCHANGE ? targetCategoryId : null,
                    note == null || note.isBlank() ? null : note), user.getName(), idempotencyKey);
            return "redirect:/desk/requests/" + opened.request().id();
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
            return "redirect:/desk/orders/" + id;
        }
    }

    @GetMapping("/desk/requests/{id}")
    String request(@PathVariable long id, Model model, Authentication user) {
        common(model, user);
        RefundRequestDetails details = refunds.details(id);
        model.addAttribute("request", details.request());
        model.addAttribute("details", details);
        model.addAttribute("number", RefundCase.businessKey(id));
        model.addAttribute("decisions", decisionService.loggedFor(details.request().processInstanceId()));
        model.addAttribute("outcome", outcomes.ofProcessInstance(details.request().processInstanceId())
                .map(CaseOutcomes.Outcome::outcome).orElse(null));
        return "desk/request";
    }
}

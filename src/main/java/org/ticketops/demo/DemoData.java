package org.ticketops.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.billing.BillingService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.ShowDetails;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.checkout.CheckoutService;
import org.ticketops.checkout.NewOrder;
import org.ticketops.sales.OrderLine;
import org.ticketops.sales.SalesChannel;
import org.ticketops.sales.SalesService;
import org.ticketops.web.PageRequest;

/**
 * Demo data for the default profile: three events with shows dated relative to now, each in the
 * evening in the center's zone (60 days ahead, 10 days ahead, one to two days ahead, and one already past), categories of every type, eight customers
 * covering every member tier and customer type, and about 40 orders. Created only into an empty
 * database, so the dates are always fresh on the in-memory default.
 */
@Component
@ConditionalOnProperty(name = "ticketops.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CatalogService catalog;
    private final CustomerService customers;
    private final SalesService sales;
    private final BillingService billing;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final java.time.ZoneId zone;

    private final CheckoutService checkout;

    DemoData(CatalogService catalog, CustomerService customers, SalesService sales, BillingService billing,
             CheckoutService checkout, TransactionTemplate transaction, Clock clock,
             org.ticketops.platform.TicketOpsProperties properties) {
        this.checkout = checkout;
        this.zone = properties.zone();
        this.catalog = catalog;
        this.customers = customers;
        this.sales = sales;
        this.billing = billing;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void load() {
        if (customers.list(null, new PageRequest(0, 1)).totalItems() > 0) {
            log.info("Demo data: the database already has customers; nothing added");
            return;
        }
        transaction.executeWithoutResult(status -> create());
    }

    /** The given evening time, {@code days} from today in the center's zone. */
    private Instant evening(Instant now, int days, int hour, int minute) {
        return now.atZone(zone).toLocalDate().plusDays(days).atTime(hour, minute).atZone(zone).toInstant();
    }

    /**
     * The first 19:30 in the center's zone at or after {@code from}. Called with the hour-truncated now plus 25 h,
     * so the show is 24 to 49 hours ahead of the real now, whatever the time of day.
     */
    private Instant firstEveningAfter(Instant from) {
        Instant candidate = evening(from, 0, 19, 30);
        return candidate.isBefore(from) ? evening(from, 1, 19, 30) : candidate;
    }

    private void create() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        var concert = catalog.createEvent("Jay Chou Carnival World Tour", EventKind.CONCERT);
        Show concertFar = catalog.createShow(concert.id(), "Shanghai Stadium", evening(now, 60, 19, 30));
        Show concertNear = catalog.createShow(concert.id(), "Shanghai Stadium", evening(now, 10, 19, 30));
        var ballet = catalog.createEvent("Swan Lake: National Ballet of China", EventKind.THEATRE);
        Show balletSoon = catalog.createShow(ballet.id(), "Shanghai Grand Theatre", firstEveningAfter(now.plus(Duration.ofHours(25))));
        Show balletPast = catalog.createShow(ballet.id(), "Shanghai Grand Theatre", evening(now, -3, 19, 30));
        var derby = catalog.createEvent("Shanghai Derby: Shenhua vs Port", EventKind.SPORTS);
        Show derbyShow = catalog.createShow(derby.id(), "Hongkou Football Stadium", evening(now, 10, 19, 35));

        for (Show show : List.of(concertFar, concertNear)) {
            catalog.createCategory(show.id(), "VIP floor", TicketType.VIP, new BigDecimal("1880.00"), 200);
            catalog.createCategory(show.id(), "Lower stand", TicketType.STANDARD, new BigDecimal("880.00"), 2000);
            catalog.createCategory(show.id(), "Upper stand", TicketType.STANDARD, new BigDecimal("480.00"), 4000);
            catalog.createCategory(show.id(), "Student offer", TicketType.PROMOTIONAL, new BigDecimal("280.00"), 300);
        }
        for (Show show : List.of(balletSoon, balletPast)) {
            catalog.createCategory(show.id(), "VIP box", TicketType.VIP, new BigDecimal("1280.00"), 40);
            catalog.createCategory(show.id(), "Stalls", TicketType.STANDARD, new BigDecimal("680.00"), 600);
            catalog.createCategory(show.id(), "Balcony", TicketType.STANDARD, new BigDecimal("380.00"), 500);
            catalog.createCategory(show.id(), "Last-minute", TicketType.PROMOTIONAL, new BigDecimal("199.00"), 60);
        }
        catalog.createCategory(derbyShow.id(), "Hospitality", TicketType.VIP, new BigDecimal("1500.00"), 100);
        catalog.createCategory(derbyShow.id(), "Home stand", TicketType.STANDARD, new BigDecimal("280.00"), 8000);
        catalog.createCategory(derbyShow.id(), "Family pack", TicketType.PROMOTIONAL, new BigDecimal("120.00"), 500);

        Instant yearsAgo = now.minus(Duration.ofDays(3 * 365));
        List<Customer> people = List.of(
                customers.register("Li Wei", "+86 138 0013 8000", "li.wei@example.cn", MemberTier.NONE, LocalDate.of(1990, 3, 14), CustomerType.INDIVIDUAL, now.minus(Duration.ofDays(90))),
                customers.register("Wang Fang", "+86 139 0013 9001", "wang.fang@example.cn", MemberTier.SILVER, LocalDate.of(1985, 7, 2), CustomerType.INDIVIDUAL, yearsAgo),
                customers.register("Zhang Min", "+86 137 0013 7002", "zhang.min@example.cn", MemberTier.GOLD, LocalDate.of(1978, 11, 23), CustomerType.INDIVIDUAL, yearsAgo),
                customers.register("Chen Jing", "+86 136 0013 6003", "chen.jing@example.cn", MemberTier.PLATINUM, LocalDate.of(1982, 1, 30), CustomerType.INDIVIDUAL, yearsAgo),
                customers.register("Oriental Pearl Trading Co.", "+86 21 5888 0004", "events@orientalpearl.example.cn", MemberTier.GOLD, null, CustomerType.CORPORATE, yearsAgo),
                customers.register("Huaxia Bank Shanghai", "+86 21 6888 0005", "hr@huaxia.example.cn", MemberTier.PLATINUM, null, CustomerType.CORPORATE, yearsAgo),
                customers.register("Happy Travel Agency", "+86 21 5222 0006", "booking@happytravel.example.cn", MemberTier.SILVER, null, CustomerType.AGENCY, yearsAgo),
                customers.register("Golden Bund Tours", "+86 21 5333 0007", "ops@goldenbund.example.cn", MemberTier.NONE, null, CustomerType.AGENCY, now.minus(Duration.ofDays(400))));

        Random random = new Random(20261123L);
        SalesChannel[] channels = SalesChannel.values();
        List<Show> shows = List.of(concertFar, concertNear, balletSoon, balletPast, derbyShow);
        int orders = 0;
        for (int i = 0; i < 38; i++) {
            Customer customer = people.get(i % people.size());
            Show show = shows.get(random.nextInt(shows.size()));
            ShowDetails details = catalog.showDetails(show.id());
            TicketCategory category = details.categories().get(random.nextInt(details.categories().size()));
            int quantity = customer.customerType() == CustomerType.INDIVIDUAL ? 1 + random.nextInt(4) : 2 + random.nextInt(8);
            Instant bought = latest(show.startsAt(), now).minus(Duration.ofHours(6 + random.nextInt(24 * 40)));
            sales.placeOrder(customer.id(), show.id(), customer.customerType() == CustomerType.AGENCY ? SalesChannel.PARTNER
                    : channels[random.nextInt(3)], List.of(new OrderLine(category.id(), quantity)), "CARD", bought);
            orders++;
        }
        // Two orders that the refund process treats specially: a large corporate one (finance approves) and a VIP one.
        TicketCategory vipFloor = catalog.showDetails(concertNear.id()).categories().get(0);
        sales.placeOrder(people.get(5).id(), concertNear.id(), SalesChannel.BOX_OFFICE,
                List.of(new OrderLine(vipFloor.id(), 8)), "BANK_TRANSFER", now.minus(Duration.ofDays(20)));
        TicketCategory balletVip = catalog.showDetails(balletSoon.id()).categories().get(0);
        sales.placeOrder(people.get(3).id(), balletSoon.id(), SalesChannel.APP,
                List.of(new OrderLine(balletVip.id(), 2)), "CARD", now.minus(Duration.ofDays(12)));
        orders += 2;

        // Payment records behind the credit tiers: Huaxia Bank is a loyal big spender (A; Oriental Pearl
        // too, though it paid an invoice 10 days late), Happy Travel had a chargeback and Golden Bund has an
        // overdue invoice (C), Chen Jing had two chargebacks (D); the others are tier B.
        TicketCategory balletPastVip = catalog.showDetails(balletPast.id()).categories().get(0);
        sales.placeOrder(people.get(5).id(), balletPast.id(), SalesChannel.BOX_OFFICE,
                List.of(new OrderLine(balletPastVip.id(), 10)), "BANK_TRANSFER", balletPast.startsAt().minus(Duration.ofDays(30)));
        orders++;
        billing.issueInvoice(people.get(5).id(), null, new BigDecimal("12800.00"), now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(32)));
        billing.issueInvoice(people.get(4).id(), null, new BigDecimal("3400.00"), now.minus(Duration.ofDays(80)),
                now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(40)));
        billing.recordChargeback(people.get(6).id(), null, new BigDecimal("560.00"), "Card holder disputed the charge",
                now.minus(Duration.ofDays(120)));
        billing.issueInvoice(people.get(7).id(), null, new BigDecimal("2240.00"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10)), null);
        billing.recordChargeback(people.get(3).id(), null, new BigDecimal("1280.00"), "Card reported stolen",
                now.minus(Duration.ofDays(200)));
        billing.recordChargeback(people.get(3).id(), null, new BigDecimal("680.00"), "Service not received",
                now.minus(Duration.ofDays(30)));
        // Today's sales at the desk, through the same checkout as the API: priced by the tables, invoiced.
        List<TicketCategory> far = catalog.showDetails(concertFar.id()).categories();
        List<TicketCategory> derbySeats = catalog.showDetails(derbyShow.id()).categories();
        checkout.place(new NewOrder(people.get(0).id(), SalesChannel.BOX_OFFICE, List.of(new NewOrder.Line(far.get(2).id(), 2)),
                new NewOrder.PaymentDetails(NewOrder.PaymentMethod.CASH, null)), "sam", null);
        checkout.place(new NewOrder(people.get(1).id(), SalesChannel.WEB, List.of(new NewOrder.Line(derbySeats.get(1).id(), 1),
                new NewOrder.Line(derbySeats.get(2).id(), 1)), new NewOrder.PaymentDetails(NewOrder.PaymentMethod.CARD, null)), "sam", null);
        checkout.place(new NewOrder(people.get(2).id(), SalesChannel.APP, List.of(new NewOrder.Line(far.get(0).id(), 2)),
                new NewOrder.PaymentDetails(NewOrder.PaymentMethod.WALLET, null)), "sam", null);
        orders += 3;
        log.info("Demo data: 3 events, 5 shows, {} customers, {} orders", people.size(), orders);
    }

    private static Instant latest(Instant showStart, Instant now) {
        return showStart.isBefore(now) ? showStart : now;
    }
}

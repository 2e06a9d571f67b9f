package org.ticketops.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Event;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.OrderLine;
import org.ticketops.sales.SalesChannel;
import org.ticketops.sales.SalesService;

/** Each test makes its own data through the real services, with unique names, instead of resetting the database. */
@Component
public class TestData {

    private final CatalogService catalog;
    private final CustomerService customers;
    private final SalesService sales;
    private final Clock clock;

    TestData(CatalogService catalog, CustomerService customers, SalesService sales, Clock clock) {
        this.catalog = catalog;
        this.customers = customers;
        this.sales = sales;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public Event event() {
        return catalog.createEvent(unique("Test event"), EventKind.CONCERT);
    }

    public Show show(Event event, Duration fromNow) {
        return catalog.createShow(event.id(), "Test venue", clock.instant().plus(fromNow));
    }

    public TicketCategory category(Show show, TicketType type, String price, int capacity) {
        return catalog.createCategory(show.id(), type.name() + " seats", type, new BigDecimal(price), capacity);
    }

    public Customer customer(MemberTier tier) {
        return customer(tier, CustomerType.INDIVIDUAL);
    }

    public Customer customer(MemberTier tier, CustomerType type) {
        String name = unique("Customer");
        return customers.register(name, phone(), name.replace(' ', '.') + "@example.cn", tier,
                LocalDate.of(1990, 5, 17), type);
    }

    /** A customer with a given name (for Unicode tests). */
    public Customer customerNamed(String name, MemberTier tier) {
        return customers.register(name, phone(), null, tier, null, CustomerType.INDIVIDUAL);
    }

    private static final java.util.concurrent.atomic.AtomicLong PHONES = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() % 90_000_000L);

    /** A mobile number no other test customer has: phones are unique among active customers. */
    public static String phone() {
        return String.format("+86 139 %08d", 10_000_000L + PHONES.incrementAndGet() % 89_999_999L);
    }

    /** A customer registered with neither phone nor e-mail, as the customer service allows. */
    public Customer customerWithoutContact(MemberTier tier) {
        return customers.register(unique("Walk-in"), null, null, tier, null, CustomerType.INDIVIDUAL);
    }

    public OrderDetails order(Customer customer, TicketCategory category, int quantity) {
        return sales.placeOrder(customer.id(), category.showId(), SalesChannel.WEB,
                List.of(new OrderLine(category.id(), quantity)), "CARD", null);
    }

    public OrderDetails order(Customer customer, TicketCategory category, int quantity, Instant at) {
        return sales.placeOrder(customer.id(), category.showId(), SalesChannel.WEB,
                List.of(new OrderLine(category.id(), quantity)), "CARD", at);
    }
}

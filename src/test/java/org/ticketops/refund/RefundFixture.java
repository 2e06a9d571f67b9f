package org.ticketops.refund;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.ticketops.catalog.Event;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.Ticket;
import org.ticketops.support.TestData;

/** Builds the data a refund test needs: an event with two shows, categories, a customer and an order. */
@Component
class RefundFixture {

    private final TestData data;
    private final RefundRegistration registration;

    RefundFixture(TestData data, RefundRegistration registration) {
        this.data = data;
        this.registration = registration;
    }

    /** An order of {@code quantity} tickets at {@code price} for a show {@code hoursAhead} from now. */
    Case order(MemberTier tier, TicketType type, String price, int quantity, long hoursAhead) {
        return order(tier, CustomerType.INDIVIDUAL, type, price, quantity, hoursAhead);
    }

    Case order(MemberTier tier, CustomerType customerType, TicketType type, String price, int quantity, long hoursAhead) {
        return orderFor(data.customer(tier, customerType), type, price, quantity, hoursAhead);
    }

    /** As {@link #order}, for a customer with neither phone nor e-mail. */
    Case orderForCustomerWithoutContact(TicketType type, String price, int quantity, long hoursAhead) {
        return orderFor(data.customerWithoutContact(MemberTier.NONE), type, price, quantity, hoursAhead);
    }

    private Case orderFor(Customer customer, TicketType type, String price, int quantity, long hoursAhead) {
        Event event = data.event();
        Show show = data.show(event, Duration.ofHours(hoursAhead));
        Show other = data.show(event, Duration.ofHours(hoursAhead + 24 * 7));
        TicketCategory category = data.category(show, type, price, 100);
        OrderDetails order = data.order(customer, category, quantity);
        return new Case(event, show, other, category, customer, order);
    }

    record Case(Event event, Show show, Show otherShow, TicketCategory category, Customer customer, OrderDetails order) {

        List<Long> ticketIds() {
            return order.tickets().stream().map(Ticket::id).toList();
        }

        long orderId() {
            return order.order().id();
        }
    }

    /** Registered by sam (ticket-sales), so amy and carl (customer-service) may review it. */
    RefundRequestDetails refund(Case c, RefundReason reason) {
        return registration.open(new NewRefundRequest(c.orderId(), c.ticketIds(), RefundRequestType.REFUND, reason, null, "test"),
                "sam", null);
    }

    RefundRequestDetails exchange(Case c, TicketCategory target) {
        return registration.open(new NewRefundRequest(c.orderId(), c.ticketIds(), RefundRequestType.EXCHANGE,
                RefundReason.CUSTOMER_CHOICE, target.id(), null), "sam", null);
    }
}

package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;

/** Orders, their tickets, and the money that moved for them. */
@Service
public class SalesService {

    private final SalesMapper sales;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final DecisionService decisions;
    private final Clock clock;

    SalesService(SalesMapper sales, CatalogService catalog, CustomerService customers, DecisionService decisions,
                 Clock clock) {
        this.sales = sales;
        this.catalog = catalog;
        this.customers = customers;
        this.decisions = decisions;
        this.clock = clock;
    }

    public Order order(long id) {
        return sales.findOrder(id).orElseThrow(() -> new NotFound("order", id));
    }

    public OrderDetails orderDetails(long id) {
        return new OrderDetails(order(id), sales.findTicketsOfOrder(id));
    }

    public Page<Order> orders(Long customerId, Long showId, OrderStatus status, PageRequest page) {
        return Page.of(sales.findOrders(customerId, showId, status, page.offset(), page.size()), page.page(),
                page.size(), sales.countOrders(customerId, showId, status));
    }

    /** Paid (or partly refunded) orders of a show with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<OrderDetails> paidOrdersOfShow(long showId, long afterId, int limit) {
        return sales.findPaidOrdersOfShow(showId, afterId, limit).stream()
                .map(o -> new OrderDetails(o, sales.findTicketsOfOrder(o.id()))).toList();
    }

    public long countPaidOrdersOfShow(long showId) {
        return sales.countPaidOrdersOfShow(showId);
    }

    public List<Ticket> tickets(List<Long> ids) {
        return ids.isEmpty() ? List.of() : sales.findTickets(ids);
    }

    public List<Payment> payments(Long orderId, String reference) {
        return sales.findPayments(orderId, reference);
    }

    /** What a customer paid since a moment, less what was paid back to them. */
    public BigDecimal netSpend(long customerId, Instant since) {
        return sales.netSpend(customerId, since).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public Optional<Payment> payment(String idempotencyKey) {
        return sales.findPaymentByKey(idempotencyKey);
    }

    /**
     * Records a sale at list price with no discount, paid at once (demo data, tests, orders taken over from
     * another system): the same recording as a priced sale ({@link #recordSale}), plus the customer's payment.
     */
    @Transactional
    public OrderDetails placeOrder(long customerId, long showId, SalesChannel channel, List<OrderLine> lines,
                                   String paymentMethod, Instant createdAt) {
        if (lines.isEmpty()) {
            throw new InvalidField("lines", "must not be empty");
        }
        Instant at = createdAt == null ? clock.instant() : createdAt;
        List<Sale.Line> priced = new ArrayList<>();
        for (OrderLine line : lines) {
            BigDecimal price = catalog.category(line.categoryId()).price();
            BigDecimal total = price.multiply(BigDecimal.valueOf(line.quantity()));
            priced.add(new Sale.Line(line.categoryId(), line.quantity(), price, total, BigDecimal.ZERO.setScale(2), total));
        }
        catalog.show(showId);
        OrderDetails order = recordSale(new Sale(customerId, showId, channel, null, priced, "", null, null, null, null, null,
                null), at);
        recordPayment(order.order().id(), PaymentDirection.IN, order.order().total(), paymentMethod, "ORDER",
                String.valueOf(order.order().id()), null, "order-" + order.order().id(), at);
        return orderDetails(order.order().id());
    }

    /**
     * Records a priced sale: takes its seats from the categories (never below 0, also under concurrency),
     * writes the order with its lines and the decisions it was priced with, and, when the customer pays now,
     * issues the tickets with seat labels at the prices paid. With {@code holdExpiresAt} the order waits for a
     * deposit: AWAITING_DEPOSIT, seats held, no tickets yet. The payment is recorded by the caller.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public OrderDetails recordSale(Sale sale, Instant at) {
        customers.get(sale.customerId());
        List<TicketCategory> categories = new ArrayList<>();
        for (Sale.Line line : sale.lines()) {
            TicketCategory category = catalog.category(line.categoryId());
            if (!category.showId().equals(sale.showId())) {
                throw new InvalidField("lines", "category " + category.id() + " is not of show " + sale.showId());
            }
            catalog.take(category.id(), line.quantity());
            categories.add(category);
        }
        var order = new SalesMapper.OrderRow();
        order.customerId = sale.customerId();
        order.showId = sale.showId();
        order.channel = sale.channel();
        order.status = sale.holdExpiresAt() == null ? OrderStatus.PAID : OrderStatus.AWAITING_DEPOSIT;
        order.total = sale.total();
        order.subtotal = sale.subtotal();
        order.discountAmount = sale.discountAmount();
        order.appliedDiscounts = sale.appliedDiscounts();
        order.discountTableVersion = sale.discountTableVersion();
        order.creditTier = sale.creditTier();
        order.creditTableVersion = sale.creditTableVersion();
        order.holdExpiresAt = sale.holdExpiresAt();
        order.soldBy = sale.soldBy();
        order.idempotencyKey = sale.idempotencyKey();
        order.idempotencyHash = sale.idempotencyHash();
        order.refundFeesVersion = decisions.activeVersion(DecisionTableNames.REFUND_FEES).version();
        order.createdAt = at;
        sales.insertOrder(order);
        for (int i = 0; i < sale.lines().size(); i++) {
            sales.insertLine(order.id, i + 1, sale.lines().get(i));
        }
        if (order.status == OrderStatus.PAID) {
            issueTicketsOfLines(order.id);
        }
        return orderDetails(order.id);
    }

    /** The lines an order was sold with (orders from before lines were kept have none). */
    public List<Sale.Line> lines(long orderId) {
        return sales.findLines(orderId);
    }

    /** The order a user placed with this Idempotency-Key, with its body's hash. */
    public Optional<IdempotentOrder> orderByIdempotencyKey(String soldBy, String key) {
        return sales.findByIdempotencyKey(soldBy, key);
    }

    /**
     * The customer paid the deposit in time: the order becomes PAID and its tickets are issued. False when it
     * is not waiting for one (any more): already paid, expired, or never held.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean completeDeposit(long orderId, Instant now) {
        if (sales.payDeposit(orderId, now) != 1) {
            return false;
        }
        issueTicketsOfLines(orderId);
        return true;
    }

    /** Orders whose deposit hold ran out by {@code now} become EXPIRED and their seats go back on sale. */
    @Transactional
    public List<Long> expireHolds(Instant now, int limit) {
        List<Long> expired = new ArrayList<>();
        for (long id : sales.findExpiredHolds(now, limit)) {
            if (sales.expireHold(id, now) == 1) {
                for (Sale.Line line : sales.findLines(id)) {
                    catalog.giveBack(line.categoryId(), line.quantity());
                }
                expired.add(id);
            }
        }
        return expired;
    }

    private void issueTicketsOfLines(long orderId) {
        for (Sale.Line line : sales.findLines(orderId)) {
            issueTickets(orderId, catalog.category(line.categoryId()), line.quantity(), line.total(), TicketStatus.SOLD);
        }
    }

    /**
     * Records money that moved, once per idempotency key: a second call with the same key returns the
     * first payment and writes nothing.
     */
    @Transactional
    public Payment recordPayment(Long orderId, PaymentDirection direction, BigDecimal amount, String method,
                                 String purpose, String reference, String externalReference, String idempotencyKey,
                                 Instant at) {
        Optional<Payment> existing = sales.findPaymentByKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("A payment needs an amount of 0 or more, not " + amount);
        }
        var row = new SalesMapper.PaymentRow();
        row.orderId = orderId;
        row.direction = direction;
        row.amount = amount;
        row.method = method;
        row.purpose = purpose;
        row.reference = reference;
        row.externalReference = externalReference;
        row.idempotencyKey = idempotencyKey;
        row.createdAt = at == null ? clock.instant() : at;
        try {
            sales.insertPayment(row);
        } catch (DuplicateKeyException e) {
            // a concurrent call with the same key won: its payment is the one
            return sales.findPaymentByKey(idempotencyKey).orElseThrow(() -> e);
        }
        return sales.findPaymentByKey(idempotencyKey).orElseThrow();
    }

    /**
     * Refunds tickets: SOLD becomes REFUNDED, each goes back on sale, and the order becomes REFUNDED
     * (or PARTIALLY_REFUNDED). Tickets already REFUNDED are left alone, so a repeated call changes nothing.
     */
    @Transactional
    public void refundTickets(long orderId, List<Long> ticketIds) {
        for (Ticket ticket : tickets(ticketIds)) {
            requireOfOrder(ticket, orderId);
            if (ticket.status() == TicketStatus.REFUNDED) {
                continue;
            }
            changeStatus(ticket, TicketStatus.SOLD, TicketStatus.REFUNDED);
            catalog.giveBack(ticket.categoryId(), 1);
        }
        updateOrderStatus(orderId);
    }

    /**
     * Exchanges tickets for the same number in another category: the old ones become EXCHANGED and go
     * back on sale; new SOLD tickets are issued in a new order of the target show that points at the
     * original. The seats must already be taken out of sale (held). Returns the new order, or the one
     * an earlier call created.
     */
    @Transactional
    public OrderDetails exchangeTickets(long orderId, List<Long> ticketIds, long targetCategoryId, Long existingNewOrder) {
        if (existingNewOrder != null) {
            return orderDetails(existingNewOrder);
        }
        Order original = order(orderId);
        TicketCategory target = catalog.category(targetCategoryId);
        List<Ticket> old = tickets(ticketIds);
        for (Ticket ticket : old) {
            requireOfOrder(ticket, orderId);
            changeStatus(ticket, TicketStatus.SOLD, TicketStatus.EXCHANGED);
            catalog.giveBack(ticket.categoryId(), 1);
        }
        var order = new SalesMapper.OrderRow();
        order.customerId = original.customerId();
        order.showId = target.showId();
        order.channel = original.channel();
        order.status = OrderStatus.PAID;
        order.total = target.price().multiply(BigDecimal.valueOf(old.size()));
        order.refundFeesVersion = original.refundFeesVersion();
        order.originOrderId = orderId;
        order.createdAt = clock.instant();
        sales.insertOrder(order);
        issueTickets(order.id, target, old.size(), TicketStatus.SOLD);
        updateOrderStatus(orderId);
        return orderDetails(order.id);
    }

    private void changeStatus(Ticket ticket, TicketStatus from, TicketStatus to) {
        if (sales.updateTicketStatus(ticket.id(), from, to) != 1) {
            throw new IllegalStateException("Ticket " + ticket.id() + " is " + ticket.status() + ", not " + from);
        }
    }

    private static void requireOfOrder(Ticket ticket, long orderId) {
        if (!ticket.orderId().equals(orderId)) {
            throw new IllegalArgumentException("Ticket " + ticket.id() + " is not of order " + orderId);
        }
    }

    private void updateOrderStatus(long orderId) {
        List<Ticket> all = sales.findTicketsOfOrder(orderId);
        boolean anySold = all.stream().anyMatch(t -> t.status() == TicketStatus.SOLD);
        boolean anyRefunded = all.stream().anyMatch(t -> t.status() == TicketStatus.REFUNDED);
        OrderStatus status = !anyRefunded ? OrderStatus.PAID : anySold ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.REFUNDED;
        sales.updateOrderStatus(orderId, status);
    }

    private void issueTickets(long orderId, TicketCategory category, int quantity, TicketStatus status) {
        issueTickets(orderId, category, quantity, category.price().multiply(BigDecimal.valueOf(quantity)), status);
    }

    /** Issues tickets that together cost {@code total}: the cents that don't divide evenly go to the first ones. */
    private void issueTickets(long orderId, TicketCategory category, int quantity, BigDecimal total, TicketStatus status) {
        int firstSeat = catalog.allocateSeats(category.id(), quantity);
        BigDecimal each = total.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.DOWN);
        BigDecimal rest = total.subtract(each.multiply(BigDecimal.valueOf(quantity)));
        for (int i = 0; i < quantity; i++) {
            var ticket = new SalesMapper.TicketRow();
            ticket.orderId = orderId;
            ticket.categoryId = category.id();
            ticket.seatLabel = seatLabel(category, firstSeat + i);
            BigDecimal cent = rest.signum() > 0 ? new BigDecimal("0.01") : BigDecimal.ZERO;
            rest = rest.subtract(cent);
            ticket.pricePaid = each.add(cent);
            ticket.status = status;
            sales.insertTicket(ticket);
        }
    }

    private static String seatLabel(TicketCategory category, int seat) {
        String prefix = switch (category.type()) {
            case VIP -> "V";
            case STANDARD -> "S";
            case PROMOTIONAL -> "P";
        };
        return prefix + category.id() + "-" + seat;
    }
}

package org.ticketops.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.audit.AuditTrail;
import org.ticketops.billing.BillingService;
import org.ticketops.billing.OrderInvoice;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.decision.DecisionService;
import org.ticketops.pricing.Quote;
import org.ticketops.pricing.QuoteService;
import org.ticketops.sales.Order;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.PaymentGateway;
import org.ticketops.sales.Sale;
import org.ticketops.sales.IdempotentOrder;
import org.ticketops.sales.SalesService;
import org.ticketops.web.InvalidField;

/**
 * Sells: prices an order exactly as a quote does (discount and credit tables, the same refusals), takes the
 * seats, issues the tickets, records the payment and issues the invoice, all in one transaction. A customer
 * whose credit tier requires a deposit gets an order AWAITING_DEPOSIT with the seats held for
 * {@code ticketops.sales.deposit-window} (never past the show); paying it completes the order. An
 * Idempotency-Key is the selling user's and belongs to one body.
 */
@Service
public class CheckoutService {

    static final String SUBJECT = "ORDER";
    private final QuoteService quotes;
    private final PresaleService presales;
    private final org.ticketops.customer.CustomerService customers;
    private final SalesService sales;
    private final CatalogService catalog;
    private final BillingService billing;
    private final ObjectProvider<PaymentGateway> gateway;
    private final AuditTrail audit;
    private final SalesProperties properties;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    CheckoutService(QuoteService quotes, PresaleService presales, org.ticketops.customer.CustomerService customers,
                    SalesService sales, CatalogService catalog, BillingService billing,
                    ObjectProvider<PaymentGateway> gateway, AuditTrail audit, SalesProperties properties,
                    PlatformTransactionManager transactionManager, ObjectMapper json, Clock clock) {
        this.quotes = quotes;
        this.presales = presales;
        this.customers = customers;
        this.sales = sales;
        this.catalog = catalog;
        this.billing = billing;
        this.gateway = gateway;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    public PlacedOrder place(NewOrder command, String user, String idempotencyKey) {
        String hash = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new InvalidField("Idempotency-Key", "must be 1 to 100 characters");
            }
            hash = hash(command);
            Optional<IdempotentOrder> first = sales.orderByIdempotencyKey(user, idempotencyKey);
            if (first.isPresent()) {
                return replay(first.get(), hash, idempotencyKey);
            }
        }
        String bodyHash = hash;
        String chargeKey = chargeKey(user, idempotencyKey);
        try {
            return transactions.execute(status -> sell(command, user, idempotencyKey, bodyHash, chargeKey));
        } catch (DuplicateKeyException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // a concurrent retry with the same key won: answer its order
            return sales.orderByIdempotencyKey(user, idempotencyKey).map(k -> replay(k, bodyHash, idempotencyKey))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * The payment provider's idempotency key for a sale's charge. It must not come from the order's id: a sale rolled
     * back after the provider took the money (its answer lost, the node gone) and sent again gets a new id, and would
     * be charged a second time. With an Idempotency-Key it is the user's key's (a retry charges under the same one, and
     * the provider answers the first payment); without, one per call.
     */
    static String chargeKey(String user, String idempotencyKey) {
        if (idempotencyKey == null) {
            return "sale-" + java.util.UUID.randomUUID();
        }
        return "sale-" + DecisionService.sha256((user + "\n" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 40);
    }

    private PlacedOrder sell(NewOrder command, String user, String key, String hash, String chargeKey) {
        Instant now = clock.instant();
        requireReference(command.payment());
        List<QuoteService.Item> items = command.lines().stream()
                .map(l -> new QuoteService.Item(l.categoryId(), l.quantity())).toList();
        List<Quote> priced = quotes.quoteOrder(command.customerId(), items, now, SUBJECT);
        Quote first = priced.get(0);
        presales.admit(first.showId(), customers.get(command.customerId()),
                priced.stream().mapToInt(Quote::quantity).sum(), now);
        List<Sale.Line> lines = priced.stream().map(q -> new Sale.Line(q.categoryId(), q.quantity(), q.unitPrice(),
                q.subtotal(), q.discountAmount(), q.total())).toList();
        Instant holdUntil = null;
        if (first.depositRequired()) {
            Instant windowEnd = now.plus(properties.depositWindow());
            Instant showStart = catalog.show(first.showId()).startsAt();
            holdUntil = windowEnd.isBefore(showStart) ? windowEnd : showStart;
        }
        Sale sale = new Sale(command.customerId(), first.showId(), command.channel(), user, lines,
                String.join(",", first.discount().output().appliedCodes()),
                first.discount().tableVersion().version(), first.credit().decision().output().tier().name(),
                first.credit().decision().tableVersion().version(), holdUntil, key, hash);
        OrderDetails order = sales.recordSale(sale, now);
        long id = order.order().id();
        audit.record(user, "ORDER_PLACED", SUBJECT, id, command.channel() + ", " + sale.total().toPlainString()
                + (sale.discountAmount().signum() > 0 ? " after " + sale.discountAmount().toPlainString() + " off ("
                + sale.appliedDiscounts() + ")" : "") + (holdUntil == null ? "" : ", seats held until " + holdUntil
                + " for a deposit"));
        if (holdUntil == null) {
            collect(id, sale.total(), command.payment(), now, chargeKey);
            invoice(order.order(), now);
        }
        return placed(id);
    }

    /** The customer paid a held order in time: it becomes PAID, its tickets are issued and invoiced. */
    public PlacedOrder payDeposit(long orderId, NewOrder.PaymentDetails payment, String user) {
        return transactions.execute(status -> {
            Order order = sales.order(orderId);
            requireReference(payment);
            Instant now = clock.instant();
            if (!sales.completeDeposit(orderId, now)) {
                throw new CheckoutProblems.DepositNotAwaited(orderId, sales.order(orderId).status());
            }
            collect(orderId, order.total(), payment, now, "order-" + orderId); // the held order exists: its id is stable
            invoice(sales.order(orderId), now);
            audit.record(user, "DEPOSIT_PAID", SUBJECT, orderId, order.total().toPlainString() + " by " + payment.method());
            return placed(orderId);
        });
    }

    public PlacedOrder placed(long orderId) {
        OrderDetails details = sales.orderDetails(orderId);
        return new PlacedOrder(details.order(), sales.lines(orderId), details.tickets(), sales.payments(orderId, null),
                billing.invoiceOfOrder(orderId).orElse(null));
    }

    /** Card and wallet payments go through the payment provider when one is connected; the rest are the clerk's record. */
    private void collect(long orderId, java.math.BigDecimal amount, NewOrder.PaymentDetails payment, Instant at, String key) {
        PaymentGateway provider = gateway.getIfAvailable();
        boolean electronic = payment.method() == NewOrder.PaymentMethod.CARD || payment.method() == NewOrder.PaymentMethod.WALLET;
        if (electronic && provider != null && provider.connected() && blank(payment.externalReference())) {
            provider.charge(new PaymentGateway.Charge(orderId, amount, payment.method().name(), "ORDER",
                    String.valueOf(orderId), key));
        } else {
            sales.recordPayment(orderId, PaymentDirection.IN, amount, payment.method().name(), "ORDER",
                    String.valueOf(orderId), blank(payment.externalReference()) ? null : payment.externalReference(), key, at);
        }
    }

    private void requireReference(NewOrder.PaymentDetails payment) {
        PaymentGateway provider = gateway.getIfAvailable();
        boolean providerTakesIt = provider != null && provider.connected()
                && (payment.method() == NewOrder.PaymentMethod.CARD || payment.method() == NewOrder.PaymentMethod.WALLET);
        if (payment.method() != NewOrder.PaymentMethod.CASH && !providerTakesIt && blank(payment.externalReference())) {
            throw new InvalidField("payment.externalReference", "is required for a " + payment.method()
                    + " payment here (the terminal's slip, the wallet's or the bank's reference)");
        }
    }

    private void invoice(Order order, Instant at) {
        List<OrderInvoice.Draft> drafts = new ArrayList<>();
        for (Sale.Line line : sales.lines(order.id())) {
            TicketCategory category = catalog.category(line.categoryId());
            drafts.add(new OrderInvoice.Draft(order.eventName() + " · " + category.name(),
                    line.quantity(), line.unitPrice(), line.discountAmount(), line.total()));
        }
        billing.invoiceOrder(order.customerId(), order.id(), drafts, properties.vatRate(), at);
    }

    private PlacedOrder replay(IdempotentOrder first, String hash, String key) {
        if (first.idempotencyHash() != null && !first.idempotencyHash().equals(hash)) {
            throw new CheckoutProblems.IdempotencyKeyReused(key, first.id());
        }
        return placed(first.id());
    }

    private String hash(NewOrder command) {
        try {
            return DecisionService.sha256(json.writeValueAsBytes(command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Held orders whose deposit window ran out: EXPIRED, seats back on sale. */
    public List<Long> expireHolds() {
        return transactions.execute(status -> {
            List<Long> expired = sales.expireHolds(clock.instant(), 200);
            expired.forEach(id -> audit.record("system", "ORDER_EXPIRED", SUBJECT, id, "no deposit within the hold"));
            return expired;
        });
    }
}

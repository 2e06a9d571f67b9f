package org.ticketops.sales;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo provider: records the pay-out in {@code to_payments} under its idempotency key, so a
 * retry or a second node never pays twice. An outage can be switched on (configuration
 * {@code ticketops.payments.demo-outage}, or {@link #setOutage(boolean)}) to see retries and incidents.
 * It exists with {@code ticketops.payments.provider=demo} (the default profile's setting; a test cluster on MySQL
 * sets it too): without a provider adapter ({@code none}, the mysql profile's setting), finance pays refunds by hand.
 */
@Component
@ConditionalOnProperty(name = "ticketops.payments.provider", havingValue = "demo")
public class DemoPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(DemoPaymentGateway.class);
    private final SalesService sales;
    private final AtomicBoolean outage;
    private final AtomicBoolean connected = new AtomicBoolean(true);

    DemoPaymentGateway(SalesService sales, @Value("${ticketops.payments.demo-outage:false}") boolean outage) {
        this.sales = sales;
        this.outage = new AtomicBoolean(outage);
    }

    public void setOutage(boolean on) {
        outage.set(on);
    }

    /** Disconnected, the demo shows the path without a provider: finance pays out by hand. */
    public void setConnected(boolean on) {
        connected.set(on);
    }

    @Override
    public boolean connected() {
        return connected.get();
    }

    @Override
    public Payment charge(Charge request) {
        if (outage.get()) {
            throw new Unavailable("Demo payment provider is down (outage switched on)");
        }
        return sales.recordPayment(request.orderId(), PaymentDirection.IN, request.amount(), request.method(),
                request.purpose(), request.reference(), "DEMO-" + Integer.toHexString(request.idempotencyKey().hashCode()),
                request.idempotencyKey(), null);
    }

    @Override
    public Payment payOut(PayOut request) {
        var existing = sales.payment(request.idempotencyKey());
        if (existing.isPresent()) {
            log.info("Pay-out {} was already made ({}); not paying again", request.idempotencyKey(), existing.get().id());
            return existing.get();
        }
        if (outage.get()) {
            throw new Unavailable("Demo payment provider is down (outage switched on)");
        }
        return sales.recordPayment(request.orderId(), PaymentDirection.OUT, request.amount(), "ORIGINAL_METHOD",
                request.purpose(), request.reference(), "DEMO-" + Integer.toHexString(request.idempotencyKey().hashCode()),
                request.idempotencyKey(), null);
    }
}

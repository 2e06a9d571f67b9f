package org.ticketops.sales;

import java.math.BigDecimal;

/**
 * The port to the payment provider that takes customers' card and wallet payments and pays money back. Implementations must be
 * idempotent by {@link PayOut#idempotencyKey()}: a second call with the same key (a retried job, a
 * second node) returns the first payment and moves no money.
 */
public interface PaymentGateway {

    Payment payOut(PayOut request);

    /** Takes a customer's payment by card or wallet for an order, once per idempotency key. */
    Payment charge(Charge request);

    /** Whether the provider takes pay-outs now; when not, finance pays refunds by hand. */
    default boolean connected() {
        return true;
    }

    /** Money to take from the customer of an order. */
    record Charge(long orderId, BigDecimal amount, String method, String purpose, String reference, String idempotencyKey) {
    }

    /** Money to pay back to the customer of an order. */
    record PayOut(long orderId, BigDecimal amount, String purpose, String reference, String idempotencyKey) {
    }

    /** The provider cannot be reached or refused the payment for now; the caller retries later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}

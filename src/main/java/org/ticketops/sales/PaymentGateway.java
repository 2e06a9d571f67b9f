package org.ticketops.sales;

import java.math.BigDecimal;

/**
 * The port to the payment provider that pays money back to customers. Implementations must be
 * idempotent by {@link PayOut#idempotencyKey()}: a second call with the same key (a retried job, a
 * second node) returns the first payment and moves no money.
 */
public interface PaymentGateway {

    Payment payOut(PayOut request);

    /** Whether the provider takes pay-outs now; when not, finance pays refunds by hand. */
    default boolean connected() {
        return true;
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

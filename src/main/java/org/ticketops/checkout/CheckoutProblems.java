package org.ticketops.checkout;

import java.util.Map;

import org.ticketops.sales.OrderStatus;
import org.ticketops.web.ProblemException;

/** What selling refuses, each with its code. */
final class CheckoutProblems {

    private CheckoutProblems() {
    }

    /** The Idempotency-Key was used by this user for another body: 422. */
    static final class IdempotencyKeyReused extends ProblemException {
        IdempotencyKeyReused(String key, long orderId) {
            super(Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was used for order " + orderId + " with another body.",
                    Map.of("orderId", orderId));
        }
    }

    /** The order is not waiting for a deposit (paid, expired or never held): 409. */
    static final class DepositNotAwaited extends ProblemException {
        DepositNotAwaited(long orderId, OrderStatus status) {
            super(Kind.CONFLICT, "DEPOSIT_NOT_AWAITED", "No deposit awaited",
                    "Order " + orderId + " is " + status + (status == OrderStatus.AWAITING_DEPOSIT
                            ? " but its hold has run out" : "") + "; it takes no deposit.",
                    Map.of("orderId", orderId, "status", status.name()));
        }
    }
}

package org.ticketops.refund;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands a request registered over the API to the process's first step on the same thread, so the
 * process starts with no variables at all: the command and the authenticated user never pass through
 * anything a caller could set. A start from the Tasklist has no pending intake; then the first step
 * reads the start form and the user the engine authenticated.
 */
final class RefundIntake {

    /** What the API call carries: the command, the authenticated user and its Idempotency-Key (with the body's hash). */
    record Pending(NewRefundRequest command, String user, String idempotencyKey, String bodyHash) {
    }

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private RefundIntake() {
    }

    static <T> T with(Pending pending, Supplier<T> start) {
        PENDING.set(pending);
        try {
            return start.get();
        } finally {
            PENDING.remove();
        }
    }

    /** The pending API request, taken once: a second process step on this thread never sees it. */
    static Optional<Pending> take() {
        Pending pending = PENDING.get();
        PENDING.remove();
        return Optional.ofNullable(pending);
    }
}

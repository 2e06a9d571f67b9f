package org.ticketops.refund;

import java.util.Optional;
import java.util.function.Supplier;

import org.ticketops.casework.ProcessIntake;

/**
 * A refund request registered over the API, handed to the process's first step through the kernel's
 * {@link ProcessIntake}: the command, the authenticated user and its Idempotency-Key (with the body's hash).
 */
final class RefundIntake {

    record Pending(NewRefundRequest command, String user, String idempotencyKey, String bodyHash) {
    }

    private RefundIntake() {
    }

    static <T> T with(Pending pending, Supplier<T> start) {
        return ProcessIntake.with(RefundService.PROCESS_KEY, pending, start);
    }

    static Optional<Pending> take() {
        return ProcessIntake.take(RefundService.PROCESS_KEY, Pending.class);
    }
}

package org.ticketops.refund;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** The refusals of the refund capability, each with its stable code. */
final class RefundProblems {

    private RefundProblems() {
    }

    /** A ticket is already in a request that is not closed: 409. */
    static class TicketAlreadyInRequest extends ProblemException {
        TicketAlreadyInRequest(long ticketId, Long requestId) {
            super(Kind.CONFLICT, "TICKET_ALREADY_IN_REQUEST", "Ticket already in a request",
                    "Ticket " + ticketId + " is already in open request " + (requestId == null ? "(just registered)" : requestId) + ".",
                    requestId == null ? Map.of("ticketId", ticketId) : Map.of("ticketId", ticketId, "requestId", requestId));
        }
    }

    /** A ticket of another order, or one that is no longer sold: 409. */
    static class TicketNotRefundable extends ProblemException {
        TicketNotRefundable(String code, String detail, long ticketId) {
            super(Kind.CONFLICT, code, "Ticket cannot be refunded or exchanged", detail, Map.of("ticketId", ticketId));
        }
    }

    /** An exchange target of another event, of a past show, or of the same show: 422. */
    static class InvalidExchangeTarget extends ProblemException {
        InvalidExchangeTarget(String code, String detail, long categoryId) {
            super(Kind.UNPROCESSABLE, code, "Invalid exchange target", detail,
                    Map.of("targetCategoryId", categoryId));
        }
    }

    /** The request is not in a state that allows this step: 409. */
    static class WrongRequestState extends ProblemException {
        WrongRequestState(String code, long requestId, RefundRequestStatus status, String detail) {
            super(Kind.CONFLICT, code, "Not possible now", "Request " + requestId + " is " + status + ": " + detail,
                    Map.of("requestId", requestId, "requestStatus", status.name()));
        }
    }

    /** A payment that does not match what the customer owes: 422. */
    static class WrongPaymentAmount extends ProblemException {
        WrongPaymentAmount(long requestId, java.math.BigDecimal due, java.math.BigDecimal paid) {
            super(Kind.UNPROCESSABLE, "WRONG_PAYMENT_AMOUNT", "Wrong amount",
                    "Request " + requestId + " needs a payment of " + due.toPlainString() + ", not " + paid.toPlainString() + ".",
                    Map.of("amountDue", due.toPlainString()));
        }
    }

    /** An Idempotency-Key that the same user already used for a request with another body: 422. */
    static class IdempotencyKeyReused extends ProblemException {
        IdempotencyKeyReused(String key, long firstRequestId) {
            super(Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                    "Idempotency-Key " + key + " was already used for request " + firstRequestId
                            + " with another body; use a new key for a new request.",
                    Map.of("requestId", firstRequestId));
        }
    }

    /** A start without an authenticated user: there is no one to register the request for. */
    static class NotAuthenticated extends org.camunda.bpm.engine.AuthorizationException {
        NotAuthenticated() {
            super("A refund request is started by a signed-in user (Tasklist or the API); this start had none.");
        }
    }
}

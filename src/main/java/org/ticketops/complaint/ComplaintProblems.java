package org.ticketops.complaint;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** What complaints refuse, each with its code. */
final class ComplaintProblems {

    private ComplaintProblems() {
    }

    /** A reply when the complaint is not waiting for the customer: 409. */
    static final class NotWaiting extends ProblemException {
        NotWaiting(String key, String status) {
            super(Kind.CONFLICT, "NOT_WAITING_FOR_CUSTOMER", "Not waiting for the customer",
                    key + " is " + status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + "; it is not waiting for a reply from the customer.", Map.of("status", status));
        }
    }
}

package org.ticketops.credit;

import java.time.Instant;

import org.ticketops.decision.Decision;

/** A customer's credit decision with the inputs derived from their own records, as of a moment. */
public record CreditCheck(long customerId, Instant asOf, CreditInput inputs, Decision<CreditDecision> decision) {
}

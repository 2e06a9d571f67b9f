package org.ticketops.checkout;

import java.time.Instant;
import java.util.List;

import org.ticketops.customer.MemberTier;

/** A show's presale: when, which member tiers may buy, and how many tickets each customer may buy in it. */
public record Presale(Long id, Long showId, Instant opensAt, Instant closesAt, List<MemberTier> eligibleTiers,
                      int limitPerCustomer, String createdBy, Instant createdAt) {

    boolean openAt(Instant at) {
        return !at.isBefore(opensAt) && at.isBefore(closesAt);
    }
}

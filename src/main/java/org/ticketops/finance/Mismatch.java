package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A line the day's payments and the provider's settlement disagree on: PAID_NO_ORDER (money with no payment of ours),
 * ORDER_NO_MONEY (a payment of ours the provider did not settle), AMOUNT_DIFFERS, DUPLICATE (settled twice).
 */
public record Mismatch(long id, long dayId, String kind, String reference, Long paymentId, Long settlementLineId,
                       BigDecimal expected, BigDecimal actual, String resolution, String note, String resolvedBy,
                       Instant resolvedAt) {
}

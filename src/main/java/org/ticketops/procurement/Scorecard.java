package org.ticketops.procurement;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A supplier's record over the scorecard window: inspections, tickets expected, received and defective, the two
 * rates and the standing they give.
 */
public record Scorecard(long supplierId, Instant since, int inspections, long expected, long received, long defective,
                        BigDecimal defectRate, BigDecimal shortDeliveryRate, SupplierStanding standing) {
}

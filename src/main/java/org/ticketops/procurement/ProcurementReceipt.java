package org.ticketops.procurement;

import java.math.BigDecimal;
import java.time.Instant;

/** One inspection of a delivery, and how a short or defective one was settled with the supplier. */
public record ProcurementReceipt(Long id, long requestId, long supplierId, int expected, int received, int defective,
                                 String notes, String inspectedBy, Instant inspectedAt, String resolution,
                                 BigDecimal creditAmount, String resolvedBy, Instant resolvedAt) {

    /** Tickets of this delivery that are good. */
    public int good() {
        return received - defective;
    }
}

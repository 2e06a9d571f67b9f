package org.ticketops.pricechange;

import java.math.BigDecimal;
import java.time.Instant;

/** A price change as stored, with its case's number and status, its category's and show's names, and its impact. */
public record PriceChange(Long id, Long caseId, String changeNumber, String status, long categoryId, String categoryName,
                          long showId, String eventName, Instant showStartsAt, BigDecimal oldPrice, BigDecimal newPrice,
                          PriceChangeReason reason, Instant effectiveAt, String justification, String requestedBy,
                          Instant requestedAt, Impact impact, Integer approvalTableVersion, String approverGroups,
                          Instant appliedAt, String processInstanceId) {

    /**
     * What the change does, assessed before anyone reviews it: the change in percent, the margin per ticket against
     * the recorded unit cost (none when procurement never stocked the category), tickets sold and still for sale, the
     * revenue difference if those sell at the new price, open quotes and held seats of the category, and for a rise
     * how many customers hold seats they have not paid yet.
     */
    public record Impact(BigDecimal changePercent, BigDecimal unitCost, BigDecimal marginPerTicket, Integer ticketsSold,
                         Integer ticketsAvailable, BigDecimal revenueDifference, Integer openQuotes, Integer heldSeats,
                         Integer unpaidHoldCustomers, Instant assessedAt) {

        public boolean belowCost() {
            return marginPerTicket != null && marginPerTicket.signum() < 0;
        }
    }

    static String describe(String status) {
        return switch (PriceChangeStatus.valueOf(status)) {
            case SUBMITTED -> "submitted";
            case IN_REVIEW -> "waits for approval";
            case ANNOUNCED -> "approved and announced; applies at its time";
            case APPLIED -> "applied";
            case REJECTED -> "rejected";
            case WITHDRAWN -> "withdrawn";
            case OBSOLETE -> "obsolete: the show was cancelled or starts first";
        };
    }
}

package org.ticketops.refund;

import java.math.BigDecimal;

import org.ticketops.catalog.TicketType;

/** One ticket of a request with the fee the table decided for it. */
public record FeeLine(Long ticketId, TicketType ticketType, BigDecimal pricePaid, Integer hoursBeforeShow,
                      Boolean allowed, String rejectionCode, Integer feePercent, BigDecimal minimumFee, BigDecimal fee,
                      BigDecimal refundAmount, Integer tableVersion, BigDecimal newPrice, Long newTicketId) {
}

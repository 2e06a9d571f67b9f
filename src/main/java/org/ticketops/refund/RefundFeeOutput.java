package org.ticketops.refund;

import java.math.BigDecimal;

/**
 * The refund-fee table's answer for one ticket.
 *
 * @param fee          0 when the percent is 0, else min(price, max(price × percent / 100, minimumFee))
 * @param refundAmount price − fee for a refund; 0.00 for an exchange (the exchange settles money itself)
 */
public record RefundFeeOutput(boolean allowed, String rejectionCode, int feePercent, BigDecimal minimumFee,
                              BigDecimal fee, BigDecimal refundAmount) {
}

package org.ticketops.refund;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's request to refund tickets or exchange them. Its status and closing time are those of its
 * case ({@code caseId}, see {@link RefundCase}).
 *
 * @param totalRefund money the center pays back (a refund's amounts, or what an exchange gives back)
 * @param amountDue   money the customer must pay for an exchange
 */
public record RefundRequest(Long id, Long orderId, Long customerId, RefundRequestType type, RefundReason reason,
                            Long targetCategoryId, String note, RefundRequestStatus status, String rejectionCode,
                            String processInstanceId, String requestedBy, Instant requestedAt, Integer tableVersion,
                            BigDecimal totalFee, BigDecimal totalRefund, BigDecimal amountDue, Instant paymentDeadline,
                            Long newOrderId, Instant closedAt, Instant updatedAt, Long caseId) {
}

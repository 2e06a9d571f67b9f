package org.ticketops.refund;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RefundMapper {

    void insertRequest(RequestRow row);

    void insertLine(LineRow row);

    Optional<RefundRequest> find(long id);

    Optional<RefundRequest> findByProcessInstance(String processInstanceId);

    Optional<RefundRequest> findByCase(long caseId);

    /** The request a user registered under an Idempotency-Key, with the hash of the body it came with. */
    Optional<Keyed> findByIdempotencyKey(@Param("user") String user, @Param("key") String key);

    record Keyed(long id, String idempotencyHash) {
    }

    /** The first open request holding any of these tickets. */
    List<OpenTicket> findOpenTickets(@Param("ticketIds") Collection<Long> ticketIds);

    List<RefundRequest> findPage(@Param("status") RefundRequestStatus status, @Param("customerId") Long customerId,
                                 @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("status") RefundRequestStatus status, @Param("customerId") Long customerId);

    List<FeeLine> findLines(long requestId);

    int countCompletedSince(@Param("customerId") long customerId, @Param("type") RefundRequestType type,
                            @Param("since") Instant since);

    int updateLineFee(@Param("requestId") long requestId, @Param("ticketId") long ticketId,
                      @Param("hours") int hoursBeforeShow, @Param("allowed") boolean allowed,
                      @Param("rejectionCode") String rejectionCode, @Param("feePercent") int feePercent,
                      @Param("minimumFee") BigDecimal minimumFee, @Param("fee") BigDecimal fee,
                      @Param("refundAmount") BigDecimal refundAmount, @Param("tableVersion") int tableVersion);

    int updateLineExchange(@Param("requestId") long requestId, @Param("ticketId") long ticketId,
                           @Param("newPrice") BigDecimal newPrice, @Param("newTicketId") Long newTicketId);

    int updateTotals(@Param("id") long id, @Param("tableVersion") Integer tableVersion,
                     @Param("totalFee") BigDecimal totalFee, @Param("totalRefund") BigDecimal totalRefund,
                     @Param("amountDue") BigDecimal amountDue, @Param("paymentDeadline") Instant paymentDeadline,
                     @Param("at") Instant at);

    @org.apache.ibatis.annotations.Update("UPDATE to_refund_requests SET case_id = #{caseId} WHERE id = #{id}")
    int setCase(@Param("id") long id, @Param("caseId") long caseId);

    int setRejectionCode(@Param("id") long id, @Param("rejectionCode") String rejectionCode, @Param("at") Instant at);

    int releaseTickets(long id);

    int setNewOrder(@Param("id") long id, @Param("newOrderId") long newOrderId);

    record OpenTicket(Long ticketId, Long requestId) {
    }

    final class RequestRow {
        public Long id;
        public Long orderId;
        public Long customerId;
        public RefundRequestType type;
        public RefundReason reason;
        public Long targetCategoryId;
        public String note;
        public String processInstanceId;
        public String requestedBy;
        public Instant requestedAt;
        public String idempotencyKey;
        public String idempotencyHash;
        public Instant updatedAt;
        public Long caseId;
    }

    final class LineRow {
        public Long requestId;
        public Long ticketId;
        public String ticketType;
        public BigDecimal pricePaid;
    }
}

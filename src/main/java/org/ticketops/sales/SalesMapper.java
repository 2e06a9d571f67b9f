package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SalesMapper {

    void insertOrder(OrderRow row);

    void insertLine(@Param("orderId") long orderId, @Param("lineNo") int lineNo, @Param("l") Sale.Line line);

    List<Sale.Line> findLines(long orderId);

    Optional<IdempotentOrder> findByIdempotencyKey(@Param("soldBy") String soldBy, @Param("key") String key);

    int payDeposit(@Param("id") long id, @Param("now") Instant now);

    int expireHold(@Param("id") long id, @Param("now") Instant now);

    List<Long> findExpiredHolds(@Param("now") Instant now, @Param("limit") int limit);



    void insertTicket(TicketRow row);

    void insertPayment(PaymentRow row);

    Optional<Order> findOrder(long id);

    List<Order> findOrders(@Param("customerId") Long customerId, @Param("showId") Long showId,
                           @Param("status") OrderStatus status, @Param("offset") long offset, @Param("limit") int limit);

    long countOrders(@Param("customerId") Long customerId, @Param("showId") Long showId,
                     @Param("status") OrderStatus status);

    List<Order> findPaidOrdersOfShow(@Param("showId") long showId, @Param("afterId") long afterId, @Param("limit") int limit);

    long countPaidOrdersOfShow(long showId);

    List<Ticket> findTicketsOfOrder(long orderId);

    List<Ticket> findTickets(@Param("ids") Collection<Long> ids);

    int updateTicketStatus(@Param("id") long id, @Param("from") TicketStatus from, @Param("to") TicketStatus to);

    int updateOrderStatus(@Param("id") long id, @Param("status") OrderStatus status);

    Optional<Payment> findPaymentByKey(String idempotencyKey);

    List<Payment> findPayments(@Param("orderId") Long orderId, @Param("reference") String reference);

    BigDecimal netSpend(@Param("customerId") long customerId, @Param("since") Instant since);

    SellerFigures.Figures salesBy(@Param("user") String user, @Param("from") Instant from, @Param("to") Instant to);

    final class OrderRow {
        public Long id;
        public Long customerId;
        public Long showId;
        public SalesChannel channel;
        public OrderStatus status;
        public BigDecimal total;
        public Integer refundFeesVersion;
        public Long originOrderId;
        public Instant createdAt;
        public String soldBy;
        public BigDecimal subtotal;
        public BigDecimal discountAmount;
        public String appliedDiscounts;
        public Integer discountTableVersion;
        public String creditTier;
        public Integer creditTableVersion;
        public Instant holdExpiresAt;
        public String idempotencyKey;
        public String idempotencyHash;
    }

    final class TicketRow {
        public Long id;
        public Long orderId;
        public Long categoryId;
        public String seatLabel;
        public BigDecimal pricePaid;
        public TicketStatus status;
    }

    final class PaymentRow {
        public Long id;
        public Long orderId;
        public PaymentDirection direction;
        public BigDecimal amount;
        public String method;
        public String purpose;
        public String reference;
        public String externalReference;
        public String idempotencyKey;
        public Instant createdAt;
    }
}

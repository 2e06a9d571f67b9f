package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface BillingMapper {

    /** Takes the counter's row lock until the transaction ends: numbers are gapless and never shared. */
    @Update("UPDATE to_counters SET current_number = current_number + 1 WHERE name = #{name}")
    int increment(String name);

    @Select("SELECT current_number FROM to_counters WHERE name = #{name}")
    long current(String name);

    @Insert("""
            INSERT INTO to_credit_notes (number, order_id, customer_id, reference, amount, issued_at)
            VALUES (#{number}, #{orderId}, #{customerId}, #{reference}, #{amount}, #{issuedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertCreditNote(CreditNoteRow row);

    @Insert("""
            INSERT INTO to_credit_note_lines (credit_note_id, line_no, ticket_id, description, amount)
            VALUES (#{creditNoteId}, #{line.lineNo}, #{line.ticketId}, #{line.description}, #{line.amount})""")
    void insertLine(@Param("creditNoteId") long creditNoteId, @Param("line") CreditNote.Line line);

    @Select("SELECT id, number, order_id, customer_id, reference, amount, issued_at FROM to_credit_notes WHERE reference = #{reference}")
    Optional<CreditNoteRow> findByReference(String reference);

    @Select("SELECT id, number, order_id, customer_id, reference, amount, issued_at FROM to_credit_notes WHERE order_id = #{orderId} ORDER BY id")
    List<CreditNoteRow> findByOrder(long orderId);

    @Select("SELECT line_no, ticket_id, description, amount FROM to_credit_note_lines WHERE credit_note_id = #{id} ORDER BY line_no")
    List<CreditNote.Line> findLines(long id);

    @Insert("""
            INSERT INTO to_invoices (number, customer_id, order_id, amount, issued_at, due_at, paid_at)
            VALUES (#{number}, #{customerId}, #{orderId}, #{amount}, #{issuedAt}, #{dueAt}, #{paidAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertInvoice(Invoice.Row row);

    @Select("SELECT id, number, customer_id, order_id, amount, issued_at, due_at, paid_at FROM to_invoices WHERE id = #{id}")
    Optional<Invoice> findInvoice(long id);

    @Update("UPDATE to_invoices SET paid_at = #{paidAt} WHERE id = #{id} AND paid_at IS NULL")
    int markInvoicePaid(@Param("id") long id, @Param("paidAt") Instant paidAt);

    @Select("SELECT COUNT(*) FROM to_invoices WHERE customer_id = #{customerId} AND paid_at IS NULL AND due_at < #{now}")
    int countOverdue(@Param("customerId") long customerId, @Param("now") Instant now);

    /** Invoices due within the window (paid or not): how late each was or still is, worked out in Java. */
    @Select("""
            SELECT id, number, customer_id, order_id, amount, issued_at, due_at, paid_at FROM to_invoices
            WHERE customer_id = #{customerId} AND due_at >= #{since} AND due_at < #{now}""")
    List<Invoice> findDueSince(@Param("customerId") long customerId, @Param("since") Instant since, @Param("now") Instant now);

    @Insert("""
            INSERT INTO to_chargebacks (customer_id, order_id, amount, reason, occurred_at)
            VALUES (#{customerId}, #{orderId}, #{amount}, #{reason}, #{occurredAt})""")
    void insertChargeback(@Param("customerId") long customerId, @Param("orderId") Long orderId,
                          @Param("amount") BigDecimal amount, @Param("reason") String reason,
                          @Param("occurredAt") Instant occurredAt);

    @Select("SELECT COUNT(*) FROM to_chargebacks WHERE customer_id = #{customerId} AND occurred_at >= #{since}")
    int countChargebacks(@Param("customerId") long customerId, @Param("since") Instant since);

    final class CreditNoteRow {
        public Long id;
        public String number;
        public Long orderId;
        public Long customerId;
        public String reference;
        public BigDecimal amount;
        public Instant issuedAt;
    }
}

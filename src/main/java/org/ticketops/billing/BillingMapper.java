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

    /** Creates a counter starting at 0 unless it exists (a new day's invoice numbers). */
    @Insert("""
            INSERT INTO to_counters (name, current_number)
            SELECT #{name}, 0 FROM to_counters WHERE name = 'invoice'
              AND NOT EXISTS (SELECT 1 FROM to_counters c WHERE c.name = #{name})""")
    int createCounter(String name);

    @Insert("""
            INSERT INTO to_invoices (number, customer_id, order_id, amount, issued_at, due_at, paid_at, net, tax, discount,
                                     tax_rate)
            VALUES (#{number}, #{customerId}, #{orderId}, #{gross}, #{issuedAt}, #{issuedAt}, #{issuedAt}, #{net}, #{tax},
                    #{discount}, #{taxRate})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertOrderInvoice(OrderInvoiceRow row);

    @Insert("""
            INSERT INTO to_invoice_lines (invoice_id, line_no, description, quantity, unit_price, discount, net, tax, gross)
            VALUES (#{invoiceId}, #{l.lineNo}, #{l.description}, #{l.quantity}, #{l.unitPrice}, #{l.discount}, #{l.net},
                    #{l.tax}, #{l.gross})""")
    void insertInvoiceLine(@Param("invoiceId") long invoiceId, @Param("l") OrderInvoice.Line line);

    @Select("""
            SELECT id, number, order_id, customer_id, issued_at, tax_rate, discount, net, tax, amount AS gross
            FROM to_invoices WHERE order_id = #{orderId} AND tax_rate IS NOT NULL ORDER BY id LIMIT 1""")
    Optional<OrderInvoiceRow> findOrderInvoice(long orderId);

    @Select("""
            SELECT line_no, description, quantity, unit_price, discount, net, tax, gross FROM to_invoice_lines
            WHERE invoice_id = #{id} ORDER BY line_no""")
    List<OrderInvoice.Line> findInvoiceLines(long id);

    final class OrderInvoiceRow {
        public Long id;
        public String number;
        public Long orderId;
        public Long customerId;
        public java.time.Instant issuedAt;
        public BigDecimal taxRate;
        public BigDecimal discount;
        public BigDecimal net;
        public BigDecimal tax;
        public BigDecimal gross;
    }

    /** Takes the counter's row lock until the transaction ends: numbers are gapless and never shared. */
    @Update("UPDATE to_counters SET current_number = current_number + 1 WHERE name = #{name}")
    int increment(String name);

    @Select("SELECT current_number FROM to_counters WHERE name = #{name}")
    long current(String name);

    @Insert("""
            INSERT INTO to_credit_notes (number, order_id, customer_id, reference, amount, issued_at, invoice_number)
            VALUES (#{number}, #{orderId}, #{customerId}, #{reference}, #{amount}, #{issuedAt}, #{invoiceNumber})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertCreditNote(CreditNoteRow row);

    @Insert("""
            INSERT INTO to_credit_note_lines (credit_note_id, line_no, ticket_id, description, amount)
            VALUES (#{creditNoteId}, #{line.lineNo}, #{line.ticketId}, #{line.description}, #{line.amount})""")
    void insertLine(@Param("creditNoteId") long creditNoteId, @Param("line") CreditNote.Line line);

    @Select("SELECT id, number, order_id, customer_id, reference, amount, issued_at, invoice_number FROM to_credit_notes WHERE reference = #{reference}")
    Optional<CreditNoteRow> findByReference(String reference);

    @Select("SELECT id, number, order_id, customer_id, reference, amount, issued_at, invoice_number FROM to_credit_notes WHERE order_id = #{orderId} ORDER BY id")
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
        public String invoiceNumber;
    }
}

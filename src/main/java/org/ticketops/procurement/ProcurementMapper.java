package org.ticketops.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ProcurementMapper {

    final class Row {
        public Long id;
        public Long supplierId;
        public Long showId;
        public Long categoryId;
        public String newCategoryName;
        public String newCategoryType;
        public int quantity;
        public BigDecimal unitCost;
        public BigDecimal plannedSalePrice;
        public BigDecimal total;
        public String justification;
        public String requestedBy;
        public Instant requestedAt;
        public String processInstanceId;
        public String idempotencyKey;
        public String idempotencyHash;
    }

    @Insert("""
            INSERT INTO to_procurement_requests (supplier_id, show_id, category_id, new_category_name, new_category_type,
                quantity, unit_cost, planned_sale_price, total, justification, requested_by, requested_at,
                process_instance_id, idempotency_key, idempotency_hash, updated_at)
            VALUES (#{supplierId}, #{showId}, #{categoryId}, #{newCategoryName}, #{newCategoryType}, #{quantity}, #{unitCost},
                #{plannedSalePrice}, #{total}, #{justification}, #{requestedBy}, #{requestedAt}, #{processInstanceId},
                #{idempotencyKey}, #{idempotencyHash}, #{requestedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    /** The request a user submitted with an Idempotency-Key, with the hash of the body it came with. */
    record Keyed(long id, String idempotencyHash) implements org.ticketops.web.IdempotencyKeys.First {
    }

    @Select("SELECT id, idempotency_hash FROM to_procurement_requests WHERE requested_by = #{user} AND idempotency_key = #{key}")
    Optional<Keyed> findByIdempotencyKey(@Param("user") String user, @Param("key") String key);

    @Update("UPDATE to_procurement_requests SET case_id = #{caseId} WHERE id = #{id} AND case_id IS NULL")
    int attachCase(@Param("id") long id, @Param("caseId") long caseId);

    String SELECT = """
            SELECT r.id, r.case_id, c.business_key AS request_number, c.status, r.supplier_id, s.name AS supplier_name,
                   r.show_id, e.name AS event_name, e.kind AS event_kind, sh.starts_at AS show_starts_at, r.category_id,
                   r.new_category_name, r.new_category_type, r.quantity, r.unit_cost, r.planned_sale_price, r.total,
                   r.justification, r.requested_by, r.requested_at, r.approval_round, r.approval_table_version,
                   r.approver_groups, r.contract_number, r.contract_signed_on, r.payment_terms, r.contract_signed_by,
                   r.accepted_quantity, r.supplier_credit, r.stocked_at, r.process_instance_id
            FROM to_procurement_requests r
            JOIN to_cases c ON c.id = r.case_id
            JOIN to_suppliers s ON s.id = r.supplier_id
            JOIN to_shows sh ON sh.id = r.show_id
            JOIN to_events e ON e.id = sh.event_id""";

    @Select(SELECT + " WHERE r.id = #{id}")
    Optional<ProcurementRequest> find(long id);

    /** A revision: quantity, cost, price and justification change; the chain is decided again on the new total. */
    @Update("""
            UPDATE to_procurement_requests SET quantity = #{quantity}, unit_cost = #{unitCost},
                   planned_sale_price = #{plannedSalePrice}, total = #{total}, justification = #{justification},
                   updated_at = #{at}
            WHERE id = #{id} AND contract_number IS NULL""")
    int revise(@Param("id") long id, @Param("quantity") int quantity, @Param("unitCost") BigDecimal unitCost,
               @Param("plannedSalePrice") BigDecimal plannedSalePrice, @Param("total") BigDecimal total,
               @Param("justification") String justification, @Param("at") Instant at);

    /** A new round of the chain, only from the round the caller read. */
    @Update("""
            UPDATE to_procurement_requests SET approval_round = approval_round + 1, approval_table_version = #{version},
                   approver_groups = #{groups}, updated_at = #{at}
            WHERE id = #{id} AND approval_round = #{round}""")
    int startRound(@Param("id") long id, @Param("round") int round, @Param("version") int version,
                   @Param("groups") String groups, @Param("at") Instant at);

    @Insert("""
            INSERT INTO to_procurement_approvals (request_id, approval_round, step, approver_group, decision, decided_by,
                approved_by, decided_at, comment)
            VALUES (#{requestId}, #{approvalRound}, #{step}, #{approverGroup}, #{decision}, #{decidedBy},
                #{approvedBy}, #{decidedAt}, #{comment})""")
    void insertApproval(@Param("requestId") long requestId, @Param("approvalRound") int round, @Param("step") int step,
                        @Param("approverGroup") String group, @Param("decision") String decision,
                        @Param("decidedBy") String decidedBy, @Param("approvedBy") String approvedBy,
                        @Param("decidedAt") Instant at, @Param("comment") String comment);

    @Select("""
            SELECT id, request_id, approval_round, step, approver_group, decision, decided_by, decided_at, comment
            FROM to_procurement_approvals WHERE request_id = #{requestId} ORDER BY approval_round, step""")
    List<ProcurementApproval> findApprovals(long requestId);

    @Update("""
            UPDATE to_procurement_requests SET contract_number = #{number}, contract_signed_on = #{signedOn},
                   payment_terms = #{terms}, contract_signed_by = #{user}, updated_at = #{at}
            WHERE id = #{id} AND contract_number IS NULL""")
    int signContract(@Param("id") long id, @Param("number") String number, @Param("signedOn") LocalDate signedOn,
                     @Param("terms") String terms, @Param("user") String user, @Param("at") Instant at);

    @Insert("""
            INSERT INTO to_procurement_receipts (request_id, supplier_id, expected, received, defective, notes,
                inspected_by, inspected_at)
            VALUES (#{requestId}, #{supplierId}, #{expected}, #{received}, #{defective}, #{notes}, #{inspectedBy},
                #{inspectedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertReceipt(ReceiptRow row);

    final class ReceiptRow {
        public Long id;
        public long requestId;
        public long supplierId;
        public int expected;
        public int received;
        public int defective;
        public String notes;
        public String inspectedBy;
        public Instant inspectedAt;
    }

    @Select("""
            SELECT id, request_id, supplier_id, expected, received, defective, notes, inspected_by, inspected_at,
                   resolution, credit_amount, resolved_by, resolved_at
            FROM to_procurement_receipts WHERE request_id = #{requestId} ORDER BY id""")
    List<ProcurementReceipt> findReceipts(long requestId);

    /** Settles the latest receipt once. */
    @Update("""
            UPDATE to_procurement_receipts SET resolution = #{resolution}, credit_amount = #{credit}, resolved_by = #{user},
                   resolved_at = #{at}
            WHERE id = #{id} AND resolution IS NULL""")
    int resolve(@Param("id") long receiptId, @Param("resolution") String resolution, @Param("credit") BigDecimal credit,
                @Param("user") String user, @Param("at") Instant at);

    /** Marks the request stocked once: a retried step adds nothing twice. */
    @Update("""
            UPDATE to_procurement_requests SET stocked_at = #{at}, accepted_quantity = #{accepted},
                   supplier_credit = #{credit}, category_id = #{categoryId}, updated_at = #{at}
            WHERE id = #{id} AND stocked_at IS NULL""")
    int markStocked(@Param("id") long id, @Param("accepted") int accepted, @Param("credit") BigDecimal credit,
                    @Param("categoryId") long categoryId, @Param("at") Instant at);

    /**
     * Adds received tickets to a category in one statement: capacity and available grow together, and the unit cost
     * becomes the weighted average (set before the quantity it weighs, so MySQL, which reads assignments left to right,
     * and H2 compute the same).
     */
    @Update("""
            UPDATE to_ticket_categories
            SET unit_cost = (COALESCE(unit_cost, 0) * costed_quantity + #{unitCost} * #{quantity}) / (costed_quantity + #{quantity}),
                costed_quantity = costed_quantity + #{quantity},
                capacity = capacity + #{quantity},
                available = available + #{quantity},
                updated_at = #{at}
            WHERE id = #{categoryId}""")
    int addStock(@Param("categoryId") long categoryId, @Param("quantity") int quantity,
                 @Param("unitCost") BigDecimal unitCost, @Param("at") Instant at);

    @Select("SELECT unit_cost FROM to_ticket_categories WHERE id = #{categoryId}")
    BigDecimal unitCostOf(long categoryId);
}

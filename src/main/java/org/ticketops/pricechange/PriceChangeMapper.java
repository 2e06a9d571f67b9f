package org.ticketops.pricechange;

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
interface PriceChangeMapper {

    final class Row {
        public Long id;
        public long categoryId;
        public long showId;
        public BigDecimal oldPrice;
        public BigDecimal newPrice;
        public String reason;
        public Instant effectiveAt;
        public String justification;
        public String requestedBy;
        public Instant requestedAt;
        public String processInstanceId;
    }

    /** The category is the open key too: a second open change of it is refused by the database. */
    @Insert("""
            INSERT INTO to_price_changes (category_id, show_id, open_category_id, old_price, new_price, reason, effective_at,
                justification, requested_by, requested_at, process_instance_id, updated_at)
            VALUES (#{categoryId}, #{showId}, #{categoryId}, #{oldPrice}, #{newPrice}, #{reason}, #{effectiveAt},
                #{justification}, #{requestedBy}, #{requestedAt}, #{processInstanceId}, #{requestedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    @Update("UPDATE to_price_changes SET case_id = #{caseId} WHERE id = #{id} AND case_id IS NULL")
    int attachCase(@Param("id") long id, @Param("caseId") long caseId);

    /** Frees the category for another change once this one is closed. */
    @Update("UPDATE to_price_changes SET open_category_id = NULL, updated_at = #{at} WHERE id = #{id}")
    int close(@Param("id") long id, @Param("at") Instant at);

    @Select("SELECT id FROM to_price_changes WHERE open_category_id = #{categoryId}")
    Optional<Long> openFor(long categoryId);

    @Select("SELECT id FROM to_price_changes WHERE show_id = #{showId} AND open_category_id IS NOT NULL")
    List<Long> openForShow(long showId);

    @Update("""
            UPDATE to_price_changes SET change_percent = #{i.changePercent}, unit_cost = #{i.unitCost},
                   margin_per_ticket = #{i.marginPerTicket}, tickets_sold = #{i.ticketsSold},
                   tickets_available = #{i.ticketsAvailable}, revenue_difference = #{i.revenueDifference},
                   open_quotes = #{i.openQuotes}, held_seats = #{i.heldSeats},
                   unpaid_hold_customers = #{i.unpaidHoldCustomers}, assessed_at = #{i.assessedAt}, updated_at = #{i.assessedAt}
            WHERE id = #{id}""")
    int assess(@Param("id") long id, @Param("i") PriceChange.Impact impact);

    @Update("""
            UPDATE to_price_changes SET approval_table_version = #{version}, approver_groups = #{groups}, updated_at = #{at}
            WHERE id = #{id} AND approver_groups IS NULL""")
    int setChain(@Param("id") long id, @Param("version") int version, @Param("groups") String groups, @Param("at") Instant at);

    @Update("UPDATE to_price_changes SET applied_at = #{at}, updated_at = #{at} WHERE id = #{id} AND applied_at IS NULL")
    int markApplied(@Param("id") long id, @Param("at") Instant at);

    String SELECT = """
            SELECT p.id, p.case_id, c.business_key AS change_number, c.status, p.category_id, k.name AS category_name,
                   p.show_id, e.name AS event_name, s.starts_at AS show_starts_at, p.old_price, p.new_price, p.reason,
                   p.effective_at, p.justification, p.requested_by, p.requested_at,
                   p.change_percent, p.unit_cost, p.margin_per_ticket, p.tickets_sold, p.tickets_available,
                   p.revenue_difference, p.open_quotes, p.held_seats, p.unpaid_hold_customers, p.assessed_at,
                   p.approval_table_version, p.approver_groups, p.applied_at, p.process_instance_id
            FROM to_price_changes p
            JOIN to_cases c ON c.id = p.case_id
            JOIN to_ticket_categories k ON k.id = p.category_id
            JOIN to_shows s ON s.id = p.show_id
            JOIN to_events e ON e.id = s.event_id""";

    /** A stored change, flat as the query reads it. */
    final class Stored {
        public Long id;
        public Long caseId;
        public String changeNumber;
        public String status;
        public long categoryId;
        public String categoryName;
        public long showId;
        public String eventName;
        public Instant showStartsAt;
        public BigDecimal oldPrice;
        public BigDecimal newPrice;
        public PriceChangeReason reason;
        public Instant effectiveAt;
        public String justification;
        public String requestedBy;
        public Instant requestedAt;
        public BigDecimal changePercent;
        public BigDecimal unitCost;
        public BigDecimal marginPerTicket;
        public Integer ticketsSold;
        public Integer ticketsAvailable;
        public BigDecimal revenueDifference;
        public Integer openQuotes;
        public Integer heldSeats;
        public Integer unpaidHoldCustomers;
        public Instant assessedAt;
        public Integer approvalTableVersion;
        public String approverGroups;
        public Instant appliedAt;
        public String processInstanceId;

        PriceChange change() {
            PriceChange.Impact impact = assessedAt == null ? null : new PriceChange.Impact(changePercent, unitCost,
                    marginPerTicket, ticketsSold, ticketsAvailable, revenueDifference, openQuotes, heldSeats,
                    unpaidHoldCustomers, assessedAt);
            return new PriceChange(id, caseId, changeNumber, status, categoryId, categoryName, showId, eventName, showStartsAt,
                    oldPrice, newPrice, reason, effectiveAt, justification, requestedBy, requestedAt, impact,
                    approvalTableVersion, approverGroups, appliedAt, processInstanceId);
        }
    }

    @Select(SELECT + " WHERE p.id = #{id}")
    Optional<Stored> find(long id);

    @Insert("""
            INSERT INTO to_price_change_approvals (change_id, step, approver_group, decision, decided_by, approved_by,
                decided_at, comment)
            VALUES (#{changeId}, #{step}, #{group}, #{decision}, #{user}, #{approvedBy}, #{at}, #{comment})""")
    void insertApproval(@Param("changeId") long changeId, @Param("step") int step, @Param("group") String group,
                        @Param("decision") String decision, @Param("user") String user,
                        @Param("approvedBy") String approvedBy, @Param("at") Instant at, @Param("comment") String comment);

    @Select("""
            SELECT id, change_id, step, approver_group, decision, decided_by, decided_at, comment
            FROM to_price_change_approvals WHERE change_id = #{changeId} ORDER BY step""")
    List<PriceChangeApproval> findApprovals(long changeId);

    // ---- what a change affects ----

    @Select("SELECT COUNT(*) FROM to_quotes WHERE category_id = #{categoryId} AND valid_until > #{now}")
    int openQuotes(@Param("categoryId") long categoryId, @Param("now") Instant now);

    /** Seats held for exchanges and for orders waiting for a deposit. */
    @Select("""
            SELECT (SELECT COALESCE(SUM(h.quantity), 0) FROM to_seat_holds h WHERE h.category_id = #{categoryId} AND h.status = 'HELD')
                 + (SELECT COALESCE(SUM(l.quantity), 0) FROM to_order_lines l JOIN to_orders o ON o.id = l.order_id
                    WHERE l.category_id = #{categoryId} AND o.status = 'AWAITING_DEPOSIT' AND o.hold_expires_at > #{now})""")
    int heldSeats(@Param("categoryId") long categoryId, @Param("now") Instant now);

    /** Customers of the category holding seats they have not paid (a deposit order, an exchange waiting for payment). */
    @Select("""
            SELECT DISTINCT o.customer_id FROM to_order_lines l JOIN to_orders o ON o.id = l.order_id
            WHERE l.category_id = #{categoryId} AND o.status = 'AWAITING_DEPOSIT' AND o.hold_expires_at > #{now}
            UNION
            SELECT DISTINCT r.customer_id FROM to_seat_holds h JOIN to_refund_requests r ON r.case_id = h.case_id
            WHERE h.category_id = #{categoryId} AND h.status = 'HELD'""")
    List<Long> unpaidHoldCustomers(@Param("categoryId") long categoryId, @Param("now") Instant now);

    @Select("SELECT DISTINCT customer_id FROM to_quotes WHERE category_id = #{categoryId} AND valid_until > #{now}")
    List<Long> openQuoteCustomers(@Param("categoryId") long categoryId, @Param("now") Instant now);
}

package org.ticketops.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Stocktakes, their counts and inventory movements; each step fills its fields once (a conditional update). */
@Mapper
interface StocktakeMapper {

    String COUNT = """
            SELECT k.id, k.stocktake_id, k.category_id, c.name AS category_name, c.show_id, e.name AS event_name,
                s.starts_at AS show_starts_at, k.source, k.counted, k.system_available, k.variance, k.unit_cost,
                k.variance_value, k.counted_by, k.counted_at, k.cause, k.explanation, k.explained_by, k.approver_group,
                k.decision, k.decision_comment, k.decided_by, k.decided_at, k.movement_id
            FROM to_stock_counts k JOIN to_ticket_categories c ON c.id = k.category_id
            JOIN to_shows s ON s.id = c.show_id JOIN to_events e ON e.id = s.event_id""";

    final class StocktakeRow {
        public Long id;
        public Long caseId;
        public String scope;
        public Long showId;
        public Long eventId;
        public String startedBy;
        public Instant startedAt;
    }

    @Insert("""
            INSERT INTO to_stocktakes (case_id, scope, show_id, event_id, started_by, started_at)
            VALUES (#{caseId}, #{scope}, #{showId}, #{eventId}, #{startedBy}, #{startedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertStocktake(StocktakeRow row);

    @Update("UPDATE to_stocktakes SET case_id = #{caseId}, process_instance_id = #{pid} WHERE id = #{id}")
    void attach(@Param("id") long id, @Param("caseId") long caseId, @Param("pid") String processInstanceId);

    @Select("""
            SELECT t.id, c.business_key, c.status, t.scope, t.show_id, t.event_id, t.process_instance_id, t.started_by,
                t.started_at
            FROM to_stocktakes t JOIN to_cases c ON c.id = t.case_id WHERE t.id = #{id}""")
    Stocktake stocktake(long id);

    @Insert("INSERT INTO to_stock_counts (stocktake_id, category_id) VALUES (#{stocktakeId}, #{categoryId})")
    void insertCount(@Param("stocktakeId") long stocktakeId, @Param("categoryId") long categoryId);

    @Select(COUNT + " WHERE k.stocktake_id = #{stocktakeId} ORDER BY k.id")
    List<StockCount> counts(long stocktakeId);

    @Select(COUNT + " WHERE k.id = #{id}")
    StockCount count(long id);

    @Update("""
            UPDATE to_stock_counts SET source = #{source}, counted = #{counted}, system_available = #{system},
                variance = #{variance}, unit_cost = #{unitCost}, variance_value = #{value}, counted_by = #{by},
                counted_at = #{at}
            WHERE id = #{id} AND counted IS NULL""")
    int recordCount(@Param("id") long id, @Param("source") String source, @Param("counted") int counted,
                    @Param("system") int system, @Param("variance") int variance, @Param("unitCost") BigDecimal unitCost,
                    @Param("value") BigDecimal value, @Param("by") String by, @Param("at") Instant at);

    @Update("""
            UPDATE to_stock_counts SET cause = #{cause}, explanation = #{explanation}, explained_by = #{by},
                approver_group = #{approverGroup}
            WHERE id = #{id} AND counted IS NOT NULL AND cause IS NULL""")
    int explain(@Param("id") long id, @Param("cause") String cause, @Param("explanation") String explanation,
                @Param("by") String by, @Param("approverGroup") String approverGroup);

    @Update("""
            UPDATE to_stock_counts SET decision = #{decision}, decision_comment = #{comment}, decided_by = #{by},
                decided_at = #{at}
            WHERE id = #{id} AND cause IS NOT NULL AND decision IS NULL""")
    int decide(@Param("id") long id, @Param("decision") String decision, @Param("comment") String comment,
               @Param("by") String by, @Param("at") Instant at);

    @Update("UPDATE to_stock_counts SET movement_id = #{movementId} WHERE id = #{id} AND movement_id IS NULL AND decision = 'APPROVED'")
    int adjusted(@Param("id") long id, @Param("movementId") long movementId);

    final class MovementRow {
        public Long id;
        public long categoryId;
        public String kind;
        public int quantity;
        public int beforeQty;
        public int afterQty;
        public String reason;
        public String actor;
        public String reference;
        public Instant createdAt;
    }

    @Insert("""
            INSERT INTO to_inventory_movements (category_id, kind, quantity, before_qty, after_qty, reason, actor, reference,
                created_at)
            VALUES (#{categoryId}, #{kind}, #{quantity}, #{beforeQty}, #{afterQty}, #{reason}, #{actor}, #{reference},
                #{createdAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertMovement(MovementRow row);

    @Select("""
            SELECT id, category_id, kind, quantity, before_qty, after_qty, reason, actor, reference, created_at
            FROM to_inventory_movements WHERE category_id = #{categoryId} ORDER BY id""")
    List<Movement> movements(long categoryId);
}

package org.ticketops.procurement;

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
interface SupplierMapper {

    final class Row {
        public Long id;
        public String name;
        public String licenceNumber;
        public String contact;
        public String qualification;
        public LocalDate qualifiedUntil;
        public Instant at;
    }

    @Insert("""
            INSERT INTO to_suppliers (name, licence_number, contact, qualification, qualified_until, blocked, created_at, updated_at)
            VALUES (#{name}, #{licenceNumber}, #{contact}, #{qualification}, #{qualifiedUntil}, FALSE, #{at}, #{at})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    String COLUMNS = """
            id, name, licence_number, contact, qualification, qualified_until, blocked, block_lifted_at, block_lifted_by,
            block_lifted_reason, created_at, updated_at""";

    @Select("SELECT " + COLUMNS + " FROM to_suppliers WHERE id = #{id}")
    Optional<Supplier> find(long id);

    @Select("SELECT " + COLUMNS + " FROM to_suppliers WHERE id = #{id} FOR UPDATE")
    Optional<Supplier> lock(long id);

    @Select("SELECT " + COLUMNS + " FROM to_suppliers ORDER BY name, id")
    List<Supplier> findAll();

    @Update("""
            UPDATE to_suppliers SET name = #{name}, contact = #{contact}, qualification = #{qualification},
                   qualified_until = #{qualifiedUntil}, updated_at = #{at}
            WHERE id = #{id}""")
    int update(Row row);

    /** Sets the block once; false when it already stood. */
    @Update("UPDATE to_suppliers SET blocked = TRUE, updated_at = #{at} WHERE id = #{id} AND blocked = FALSE")
    int block(@Param("id") long id, @Param("at") Instant at);

    @Update("""
            UPDATE to_suppliers SET blocked = FALSE, block_lifted_at = #{at}, block_lifted_by = #{user},
                   block_lifted_reason = #{reason}, updated_at = #{at}
            WHERE id = #{id} AND blocked = TRUE""")
    int lift(@Param("id") long id, @Param("user") String user, @Param("reason") String reason, @Param("at") Instant at);

    @Insert("""
            INSERT INTO to_supplier_approvals (supplier_id, event_kind, valid_from, valid_until)
            VALUES (#{supplierId}, #{eventKind}, #{validFrom}, #{validUntil})""")
    void insertApproval(SupplierApproval approval);

    @Update("DELETE FROM to_supplier_approvals WHERE supplier_id = #{supplierId}")
    void deleteApprovals(long supplierId);

    @Select("""
            SELECT id, supplier_id, event_kind, valid_from, valid_until FROM to_supplier_approvals
            WHERE supplier_id = #{supplierId} ORDER BY event_kind, valid_from""")
    List<SupplierApproval> findApprovals(long supplierId);

    /** Tickets expected, received and defective over the inspections since a time. */
    final class Totals {
        public int inspections;
        public long expected;
        public long received;
        public long defective;
        public long shortfall;
    }

    @Select("""
            SELECT COUNT(*) AS inspections, COALESCE(SUM(expected), 0) AS expected, COALESCE(SUM(received), 0) AS received,
                   COALESCE(SUM(defective), 0) AS defective,
                   COALESCE(SUM(CASE WHEN expected > received THEN expected - received ELSE 0 END), 0) AS shortfall
            FROM to_procurement_receipts WHERE supplier_id = #{supplierId} AND inspected_at >= #{since}""")
    Totals totals(@Param("supplierId") long supplierId, @Param("since") Instant since);
}

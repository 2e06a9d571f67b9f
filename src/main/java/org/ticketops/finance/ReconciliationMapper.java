package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ReconciliationMapper {

    /** A payment of the day that went through the provider (it has the provider's reference). */
    record ProviderPayment(long id, String direction, BigDecimal amount, String externalReference) {
    }

    @Select("""
            SELECT id, direction, amount, external_reference FROM to_payments
            WHERE created_at >= #{from} AND created_at < #{to} AND external_reference IS NOT NULL ORDER BY id""")
    List<ProviderPayment> providerPayments(@Param("from") Instant from, @Param("to") Instant to);

    final class DayRow {
        public Long id;
        public LocalDate businessDay;
        public String processInstanceId;
    }

    @Insert("INSERT INTO to_reconciliation_days (business_day, process_instance_id) VALUES (#{businessDay}, #{processInstanceId})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertDay(DayRow row);

    @Update("UPDATE to_reconciliation_days SET case_id = #{caseId} WHERE id = #{id}")
    void attach(@Param("id") long id, @Param("caseId") long caseId);

    String DAY = """
            SELECT d.id, d.business_day, c.business_key, c.status, d.process_instance_id, d.payments_count, d.payments_total,
                d.settled_count, d.settled_total, d.fees_total, d.mismatch_count, d.reconciled_at, d.signed_off_by,
                d.signed_off_at, d.sign_off_comment
            FROM to_reconciliation_days d JOIN to_cases c ON c.id = d.case_id""";

    @Select(DAY + " WHERE d.id = #{id}")
    ReconciliationDay day(long id);

    @Select(DAY + " WHERE d.business_day = #{day}")
    ReconciliationDay dayOf(LocalDate day);

    @Select("SELECT id FROM to_reconciliation_days WHERE business_day = #{day}")
    Long idOf(LocalDate day);

    @Update("""
            UPDATE to_reconciliation_days SET payments_count = #{paymentsCount}, payments_total = #{paymentsTotal},
                settled_count = #{settledCount}, settled_total = #{settledTotal}, fees_total = #{feesTotal},
                mismatch_count = #{mismatchCount}, reconciled_at = #{at}
            WHERE id = #{id} AND reconciled_at IS NULL""")
    int reconciled(@Param("id") long id, @Param("paymentsCount") int paymentsCount, @Param("paymentsTotal") BigDecimal paymentsTotal,
                   @Param("settledCount") int settledCount, @Param("settledTotal") BigDecimal settledTotal,
                   @Param("feesTotal") BigDecimal feesTotal, @Param("mismatchCount") int mismatchCount, @Param("at") Instant at);

    record NewMismatch(String kind, String reference, Long paymentId, Long settlementLineId, BigDecimal expected,
                       BigDecimal actual) {
    }

    @Insert("""
            <script>INSERT INTO to_reconciliation_mismatches (day_id, kind, reference, payment_id, settlement_line_id, expected,
                actual) VALUES
            <foreach item="m" collection="mismatches" separator=",">(#{dayId}, #{m.kind}, #{m.reference}, #{m.paymentId},
            #{m.settlementLineId}, #{m.expected}, #{m.actual})</foreach></script>""")
    void insertMismatches(@Param("dayId") long dayId, @Param("mismatches") List<NewMismatch> mismatches);

    @Select("""
            SELECT id, day_id, kind, reference, payment_id, settlement_line_id, expected, actual, resolution, note, resolved_by,
                resolved_at
            FROM to_reconciliation_mismatches WHERE day_id = #{dayId} ORDER BY id""")
    List<Mismatch> mismatches(long dayId);

    @Update("""
            UPDATE to_reconciliation_mismatches SET resolution = #{resolution}, note = #{note}, resolved_by = #{by},
                resolved_at = #{at}
            WHERE id = #{id} AND day_id = #{dayId} AND resolution IS NULL""")
    int resolve(@Param("id") long id, @Param("dayId") long dayId, @Param("resolution") String resolution,
                @Param("note") String note, @Param("by") String by, @Param("at") Instant at);

    @Update("""
            UPDATE to_reconciliation_days SET signed_off_by = #{by}, signed_off_at = #{at}, sign_off_comment = #{comment}
            WHERE id = #{id} AND signed_off_at IS NULL""")
    int signOff(@Param("id") long id, @Param("by") String by, @Param("at") Instant at, @Param("comment") String comment);
}

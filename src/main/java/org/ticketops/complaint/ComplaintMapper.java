package org.ticketops.complaint;

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
interface ComplaintMapper {

    final class Row {
        public Long id;
        public long customerId;
        public Long orderId;
        public Long showId;
        public String channel;
        public String category;
        public String severity;
        public String description;
        public String responsibleGroup;
        public String registeredBy;
        public Instant registeredAt;
        public Instant firstResponseDue;
        public Instant resolutionDue;
        public String processInstanceId;
        public String idempotencyKey;
        public String idempotencyHash;
    }

    @Insert("""
            INSERT INTO to_complaints (customer_id, order_id, show_id, channel, category, severity, description,
                responsible_group, registered_by, registered_at, first_response_due, resolution_due, process_instance_id,
                idempotency_key, idempotency_hash, updated_at)
            VALUES (#{customerId}, #{orderId}, #{showId}, #{channel}, #{category}, #{severity}, #{description},
                #{responsibleGroup}, #{registeredBy}, #{registeredAt}, #{firstResponseDue}, #{resolutionDue},
                #{processInstanceId}, #{idempotencyKey}, #{idempotencyHash}, #{registeredAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    /** The complaint a user registered with an Idempotency-Key, with the hash of the body it came with. */
    record Keyed(long id, String idempotencyHash) implements org.ticketops.web.IdempotencyKeys.First {
    }

    @Select("SELECT id, idempotency_hash FROM to_complaints WHERE registered_by = #{user} AND idempotency_key = #{key}")
    Optional<Keyed> findByIdempotencyKey(@Param("user") String user, @Param("key") String key);

    @Update("UPDATE to_complaints SET case_id = #{caseId} WHERE id = #{id} AND case_id IS NULL")
    int attachCase(@Param("id") long id, @Param("caseId") long caseId);

    String SELECT = """
            SELECT x.id, x.case_id, c.business_key AS complaint_number, c.status, x.customer_id, u.name AS customer_name,
                   x.order_id, x.show_id, x.channel, x.category, x.severity, x.description, x.responsible_group, x.level,
                   x.registered_by, x.registered_at, x.first_response_due, x.resolution_due, x.first_responded_at,
                   x.paused_at, x.paused_seconds, x.findings, x.root_cause, x.resolution, x.satisfied,
                   x.satisfaction_score, x.resolved_at, x.process_instance_id, x.investigated_by, x.compensation_suggested,
                   x.compensation_amount, x.compensation_table_version, x.compensation_comment,
                   x.compensation_approved_by, x.voucher_number, x.refund_request_id
            FROM to_complaints x JOIN to_cases c ON c.id = x.case_id JOIN to_customers u ON u.id = x.customer_id""";

    @Select(SELECT + " WHERE x.id = #{id}")
    Optional<Complaint> find(long id);

    @Select("""
            <script>""" + SELECT + """
            <where>
              <if test="status != null">c.status = #{status}</if>
              <if test="group != null">AND x.responsible_group = #{group}</if>
              <if test="breached != null and breached">AND EXISTS (SELECT 1 FROM to_complaint_breaches b WHERE b.complaint_id = x.id)</if>
              <if test="breached != null and !breached">AND NOT EXISTS (SELECT 1 FROM to_complaint_breaches b WHERE b.complaint_id = x.id)</if>
            </where>
            ORDER BY x.registered_at DESC, x.id DESC LIMIT #{limit} OFFSET #{offset}
            </script>""")
    List<Complaint> list(@Param("status") String status, @Param("group") String group, @Param("breached") Boolean breached,
                         @Param("limit") int limit, @Param("offset") int offset);

    @Select(SELECT + " WHERE x.customer_id = #{customerId} ORDER BY x.registered_at DESC, x.id DESC LIMIT #{limit}")
    List<Complaint> ofCustomer(@Param("customerId") long customerId, @Param("limit") int limit);

    @Update("""
            UPDATE to_complaints SET first_responded_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND first_responded_at IS NULL""")
    int responded(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE to_complaints SET paused_at = #{at}, updated_at = #{at} WHERE id = #{id} AND paused_at IS NULL")
    int pause(@Param("id") long id, @Param("at") Instant at);

    /** Resumes the clock: the deadlines move by the paused time (the first response only while it is still owed). */
    @Update("""
            UPDATE to_complaints SET
                first_response_due = CASE WHEN first_responded_at IS NULL THEN #{firstResponseDue} ELSE first_response_due END,
                resolution_due = #{resolutionDue}, paused_seconds = paused_seconds + #{seconds}, paused_at = NULL,
                updated_at = #{at}
            WHERE id = #{id} AND paused_at IS NOT NULL""")
    int resume(@Param("id") long id, @Param("firstResponseDue") Instant firstResponseDue,
               @Param("resolutionDue") Instant resolutionDue, @Param("seconds") long seconds, @Param("at") Instant at);

    @Update("""
            UPDATE to_complaints SET level = #{level}, resolution_due = #{due}, updated_at = #{at}
            WHERE id = #{id} AND level = #{from}""")
    int escalate(@Param("id") long id, @Param("from") int from, @Param("level") int level, @Param("due") Instant due,
                 @Param("at") Instant at);

    @Update("""
            UPDATE to_complaints SET findings = #{findings}, root_cause = #{rootCause}, resolution = #{resolution},
                   investigated_by = #{user}, compensation_suggested = #{suggested}, compensation_amount = #{amount},
                   compensation_table_version = #{version}, compensation_comment = #{comment},
                   compensation_approved_by = NULL, updated_at = #{at}
            WHERE id = #{id}""")
    int investigated(@Param("id") long id, @Param("findings") String findings, @Param("rootCause") String rootCause,
                     @Param("resolution") String resolution, @Param("user") String user,
                     @Param("suggested") java.math.BigDecimal suggested, @Param("amount") java.math.BigDecimal amount,
                     @Param("version") Integer version, @Param("comment") String comment, @Param("at") Instant at);

    @Update("UPDATE to_complaints SET compensation_approved_by = #{user}, updated_at = #{at} WHERE id = #{id}")
    int compensationApproved(@Param("id") long id, @Param("user") String user, @Param("at") Instant at);

    @Update("UPDATE to_complaints SET voucher_number = #{number}, updated_at = #{at} WHERE id = #{id} AND voucher_number IS NULL")
    int voucherIssued(@Param("id") long id, @Param("number") String number, @Param("at") Instant at);

    @Update("UPDATE to_complaints SET refund_request_id = #{refundId}, updated_at = #{at} WHERE id = #{id} AND refund_request_id IS NULL")
    int refundStarted(@Param("id") long id, @Param("refundId") long refundId, @Param("at") Instant at);

    @Select("""
            SELECT x.id FROM to_complaints x JOIN to_refund_requests r ON r.id = x.refund_request_id
            WHERE r.case_id = #{caseId}""")
    Optional<Long> waitingForRefundCase(long caseId);

    @Select("SELECT id FROM to_tickets WHERE order_id = #{orderId} AND status = 'SOLD' ORDER BY id")
    List<Long> soldTickets(long orderId);

    @Select("SELECT total FROM to_orders WHERE id = #{orderId}")
    java.math.BigDecimal orderTotal(long orderId);

    @Update("""
            UPDATE to_complaints SET satisfied = #{satisfied}, satisfaction_score = #{score}, updated_at = #{at},
                   resolved_at = CASE WHEN #{satisfied} THEN #{at} ELSE resolved_at END
            WHERE id = #{id}""")
    int confirmed(@Param("id") long id, @Param("satisfied") boolean satisfied, @Param("score") Integer score,
                  @Param("at") Instant at);

    @Insert("""
            INSERT INTO to_complaint_pauses (complaint_id, asked, paused_at) VALUES (#{id}, #{asked}, #{at})""")
    void insertPause(@Param("id") long id, @Param("asked") String asked, @Param("at") Instant at);

    @Update("""
            UPDATE to_complaint_pauses SET resumed_at = #{at}, reply = #{reply}
            WHERE complaint_id = #{id} AND resumed_at IS NULL""")
    int endPause(@Param("id") long id, @Param("reply") String reply, @Param("at") Instant at);

    @Select("SELECT id, complaint_id, asked, paused_at, resumed_at, reply FROM to_complaint_pauses WHERE complaint_id = #{id} ORDER BY id")
    List<ComplaintPause> pauses(long id);

    @Insert("""
            INSERT INTO to_complaint_breaches (complaint_id, deadline, level, due_at, recorded_at)
            VALUES (#{id}, #{deadline}, #{level}, #{due}, #{at})""")
    void insertBreach(@Param("id") long id, @Param("deadline") String deadline, @Param("level") int level,
                      @Param("due") Instant due, @Param("at") Instant at);

    @Select("""
            SELECT id, complaint_id, deadline, level, due_at, recorded_at FROM to_complaint_breaches
            WHERE complaint_id = #{id} ORDER BY id""")
    List<ComplaintBreach> breaches(long id);

    @Select("SELECT customer_id FROM to_orders WHERE id = #{orderId}")
    Long orderCustomer(long orderId);

    @Select("SELECT show_id FROM to_orders WHERE id = #{orderId}")
    Long orderShow(long orderId);

    /** The rated complaints among those run by the given process instances, resolved in the period. */
    @Select("""
            <script>SELECT COUNT(satisfaction_score) AS rated, COALESCE(SUM(satisfaction_score), 0) AS total
            FROM to_complaints WHERE satisfaction_score IS NOT NULL AND resolved_at &gt;= #{from} AND resolved_at &lt; #{to}
            AND process_instance_id IN <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </script>""")
    HandledComplaints.Sum satisfaction(@Param("ids") java.util.Collection<String> processInstanceIds,
                                                @Param("from") Instant from, @Param("to") Instant to);
}

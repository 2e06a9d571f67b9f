package org.ticketops.complaint;

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
interface ReturnCallMapper {

    final class Row {
        public Long id;
        public long customerId;
        public String reason;
        public String reference;
        public LocalDate plannedOn;
    }

    @Insert("""
            INSERT INTO to_return_calls (customer_id, reason, reference, planned_on)
            VALUES (#{customerId}, #{reason}, #{reference}, #{plannedOn})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    /** Customers whose complaint closed in the window (a week ago). */
    @Select("""
            SELECT x.id AS reference_id, x.customer_id FROM to_complaints x JOIN to_cases c ON c.id = x.case_id
            WHERE c.closed_at >= #{from} AND c.closed_at < #{to}""")
    List<Candidate> closedComplaints(@Param("from") Instant from, @Param("to") Instant to);

    /** Surveys answered in the window with a score at most {@code worst}. */
    @Select("""
            SELECT id AS reference_id, customer_id FROM to_surveys
            WHERE submitted_at >= #{from} AND submitted_at < #{to} AND score <= #{worst}""")
    List<Candidate> lowScores(@Param("from") Instant from, @Param("to") Instant to, @Param("worst") int worst);

    final class Candidate {
        public long referenceId;
        public long customerId;
    }

    @Select("""
            SELECT r.id, r.customer_id, u.name AS customer_name, u.phone, r.reason, r.reference, r.planned_on, r.outcome,
                   r.notes, r.called_by, r.called_at, r.follow_up_complaint_id
            FROM to_return_calls r JOIN to_customers u ON u.id = r.customer_id WHERE r.id = #{id}""")
    Optional<ReturnCall> find(long id);

    @Update("""
            UPDATE to_return_calls SET outcome = #{outcome}, notes = #{notes}, called_by = #{user}, called_at = #{at},
                   follow_up_complaint_id = #{followUp}
            WHERE id = #{id} AND outcome IS NULL""")
    int record(@Param("id") long id, @Param("outcome") String outcome, @Param("notes") String notes,
               @Param("user") String user, @Param("at") Instant at, @Param("followUp") Long followUp);
}

package org.ticketops.quality;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface QualityMapper {

    /** One complaint registered in the range, with what the figures need. */
    final class ComplaintRow {
        public long id;
        public long customerId;
        public String category;
        public String severity;
        public String channel;
        public String rootCause;
        public String status;
        public Instant registeredAt;
        public Instant firstResponseDue;
        public Instant firstRespondedAt;
        public Instant closedAt;
        public long pausedSeconds;
        public int firstResponseBreaches;
        public int resolutionBreaches;
    }

    @Select("""
            SELECT x.id, x.customer_id, x.category, x.severity, x.channel, x.root_cause, c.status, x.registered_at,
                   x.first_response_due, x.first_responded_at, c.closed_at, x.paused_seconds,
                   (SELECT COUNT(*) FROM to_complaint_breaches b WHERE b.complaint_id = x.id AND b.deadline = 'FIRST_RESPONSE')
                       AS first_response_breaches,
                   (SELECT COUNT(*) FROM to_complaint_breaches b WHERE b.complaint_id = x.id AND b.deadline = 'RESOLUTION')
                       AS resolution_breaches
            FROM to_complaints x JOIN to_cases c ON c.id = x.case_id
            WHERE x.registered_at >= #{from} AND x.registered_at < #{to}
            ORDER BY x.registered_at""")
    List<ComplaintRow> complaints(@Param("from") Instant from, @Param("to") Instant to);

    /** One survey invitation sent in the range, answered or not. */
    final class SurveyRow {
        public long id; // never null: MyBatis gives no object for a row whose columns are all NULL
        public Integer score;
        public Integer nps;
        public Instant submittedAt;
    }

    @Select("""
            SELECT id, score, nps, submitted_at FROM to_surveys WHERE created_at >= #{from} AND created_at < #{to}""")
    List<SurveyRow> surveys(@Param("from") Instant from, @Param("to") Instant to);
}

package org.ticketops.performance;

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

/**
 * Cycles, reviews and grade changes. Every write to a review is conditional on the field it fills still being empty
 * (or the grade still being what the caller read), so a step repeated or raced changes nothing twice.
 */
@Mapper
interface PerformanceMapper {

    String REVIEW = """
            SELECT r.id, r.cycle_id, y.period, r.case_id, c.business_key, c.status, r.employee, r.staff_group,
                r.tasks_completed, r.wait_p50_seconds, r.wait_p90_seconds, r.deadlines_breached, r.satisfaction,
                r.rated_complaints, r.refunds_handled, r.tickets_sold, r.revenue, r.kpi_method, r.collected_at,
                r.self_results, r.self_attitude, r.self_ability, r.self_comment, r.manager_results, r.manager_attitude,
                r.manager_ability, r.manager_comment, r.reviewed_by, r.suggested_grade, r.grades_table_version, r.grade,
                r.training_needs, r.plan_goals, r.plan_review_date, r.acknowledgement, r.appeal_reason, r.appeal_review,
                r.coefficient, r.base_bonus, r.bonus, r.promotion_eligible, r.recorded_at
            FROM to_performance_reviews r JOIN to_performance_cycles y ON y.id = r.cycle_id
            JOIN to_cases c ON c.id = r.case_id""";

    String CYCLE = """
            SELECT y.id, y.period, y.case_id, c.business_key, c.status, y.process_instance_id, y.started_by, y.started_at,
                y.calibrated_by, y.calibrated_at, y.overrun_reason
            FROM to_performance_cycles y JOIN to_cases c ON c.id = y.case_id""";

    final class CycleRow {
        public Long id;
        public String period;
        public long caseId;
        public String processInstanceId;
        public String startedBy;
        public Instant startedAt;
    }

    @Insert("""
            INSERT INTO to_performance_cycles (period, case_id, process_instance_id, started_by, started_at)
            VALUES (#{period}, #{caseId}, #{processInstanceId}, #{startedBy}, #{startedAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertCycle(CycleRow row);

    @Select(CYCLE + " WHERE y.id = #{id}")
    Cycle cycle(long id);

    @Select(CYCLE + " WHERE y.period = #{period}")
    Cycle cycleOf(String period);

    @Update("""
            UPDATE to_performance_cycles SET calibrated_by = #{by}, calibrated_at = #{at}, overrun_reason = #{overrunReason}
            WHERE id = #{id} AND calibrated_at IS NULL""")
    int calibrated(@Param("id") long id, @Param("by") String by, @Param("at") Instant at,
                   @Param("overrunReason") String overrunReason);

    @Insert("""
            INSERT INTO to_performance_reviews (cycle_id, case_id, employee, staff_group)
            VALUES (#{cycleId}, #{caseId}, #{employee}, #{group})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertReview(ReviewRow row);

    final class ReviewRow {
        public Long id;
        public long cycleId;
        public long caseId;
        public String employee;
        public String group;
    }

    @Select(REVIEW + " WHERE r.id = #{id}")
    Review review(long id);

    @Select(REVIEW + " WHERE r.cycle_id = #{cycleId} ORDER BY r.staff_group, r.employee")
    List<Review> reviewsOfCycle(long cycleId);

    @Select(REVIEW + " WHERE y.period = #{period} ORDER BY r.staff_group, r.employee")
    List<Review> reviewsOfPeriod(String period);

    @Select(REVIEW + " WHERE r.employee = #{employee} ORDER BY y.period DESC")
    List<Review> reviewsOfEmployee(String employee);

    @Update("""
            UPDATE to_performance_reviews SET tasks_completed = #{k.tasksCompleted}, wait_p50_seconds = #{k.waitP50Seconds},
                wait_p90_seconds = #{k.waitP90Seconds}, deadlines_breached = #{k.deadlinesBreached},
                satisfaction = #{k.satisfaction}, rated_complaints = #{k.ratedComplaints},
                refunds_handled = #{k.refundsHandled}, tickets_sold = #{k.ticketsSold}, revenue = #{k.revenue},
                kpi_method = #{k.method}, collected_at = #{at}
            WHERE id = #{id} AND collected_at IS NULL""")
    int storeKpis(@Param("id") long id, @Param("k") Kpis kpis, @Param("at") Instant at);

    @Update("""
            UPDATE to_performance_reviews SET self_results = #{results}, self_attitude = #{attitude}, self_ability = #{ability},
                self_comment = #{comment}
            WHERE id = #{id} AND self_results IS NULL""")
    int selfAssess(@Param("id") long id, @Param("results") int results, @Param("attitude") int attitude,
                   @Param("ability") int ability, @Param("comment") String comment);

    @Update("""
            UPDATE to_performance_reviews SET manager_results = #{results}, manager_attitude = #{attitude},
                manager_ability = #{ability}, manager_comment = #{comment}, reviewed_by = #{by},
                suggested_grade = #{suggested}, grades_table_version = #{version}, grade = #{grade},
                training_needs = #{trainingNeeds}
            WHERE id = #{id} AND grade IS NULL""")
    int managerReview(@Param("id") long id, @Param("results") int results, @Param("attitude") int attitude,
                      @Param("ability") int ability, @Param("comment") String comment, @Param("by") String by,
                      @Param("suggested") Grade suggested, @Param("version") int version, @Param("grade") Grade grade,
                      @Param("trainingNeeds") String trainingNeeds);

    @Update("UPDATE to_performance_reviews SET grade = #{to} WHERE id = #{id} AND grade = #{from}")
    int changeGrade(@Param("id") long id, @Param("from") Grade from, @Param("to") Grade to);

    @Insert("""
            INSERT INTO to_performance_grade_changes (review_id, stage, from_grade, to_grade, changed_by, reason, changed_at)
            VALUES (#{reviewId}, #{stage}, #{fromGrade}, #{toGrade}, #{changedBy}, #{reason}, #{changedAt})""")
    void insertGradeChange(GradeChange change);

    @Select("""
            SELECT review_id, stage, from_grade, to_grade, changed_by, reason, changed_at
            FROM to_performance_grade_changes WHERE review_id = #{reviewId} ORDER BY id""")
    List<GradeChange> gradeChanges(long reviewId);

    @Update("""
            UPDATE to_performance_reviews SET plan_goals = #{goals}, plan_review_date = #{reviewDate},
                training_needs = #{trainingNeeds}
            WHERE id = #{id} AND plan_goals IS NULL AND grade = 'D'""")
    int plan(@Param("id") long id, @Param("goals") String goals, @Param("reviewDate") LocalDate reviewDate,
             @Param("trainingNeeds") String trainingNeeds);

    @Update("""
            UPDATE to_performance_reviews SET acknowledgement = #{acknowledgement}, appeal_reason = #{reason}
            WHERE id = #{id} AND acknowledgement IS NULL""")
    int acknowledge(@Param("id") long id, @Param("acknowledgement") String acknowledgement, @Param("reason") String reason);

    @Update("UPDATE to_performance_reviews SET appeal_review = #{review} WHERE id = #{id} AND appeal_review IS NULL")
    int appealReviewed(@Param("id") long id, @Param("review") String review);

    @Update("""
            UPDATE to_performance_reviews SET coefficient = #{coefficient}, base_bonus = #{baseBonus}, bonus = #{bonus},
                promotion_eligible = #{promotionEligible}, recorded_at = #{at}
            WHERE id = #{id} AND recorded_at IS NULL""")
    int record(@Param("id") long id, @Param("coefficient") BigDecimal coefficient, @Param("baseBonus") BigDecimal baseBonus,
               @Param("bonus") BigDecimal bonus, @Param("promotionEligible") boolean promotionEligible,
               @Param("at") Instant at);

    /** The grades of an employee's last cycles up to a period, newest first. */
    @Select("""
            SELECT r.grade FROM to_performance_reviews r JOIN to_performance_cycles y ON y.id = r.cycle_id
            WHERE r.employee = #{employee} AND y.period <= #{period} AND r.grade IS NOT NULL
                AND (r.recorded_at IS NOT NULL OR y.period = #{period})
            ORDER BY y.period DESC LIMIT 3""")
    List<Grade> lastGrades(@Param("employee") String employee, @Param("period") String period);
}

package org.ticketops.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.ticketops.web.Csv;

/**
 * The reviews as their readers see them: HR and the operations managers every review of a period; each employee
 * only their own, and their grade, manager's scores and bonus only once HR has calibrated the cycle.
 */
@Service
public class PerformanceResults {

    /** A score per dimension, 1–5. */
    public record Scores(Integer results, Integer attitude, Integer ability, String comment) {
    }

    public record Result(String period, String employee, StaffGroup group, String status, Kpis kpis, Scores self,
                         Scores manager, String reviewedBy, Grade suggestedGrade, Integer gradesTableVersion, Grade grade,
                         BigDecimal coefficient, BigDecimal bonus, Boolean promotionEligible, String trainingNeeds,
                         String improvementGoals, LocalDate improvementReviewDate, String acknowledgement,
                         String appealReason, List<GradeChange> gradeChanges) {
    }

    /** Statuses before calibration: the employee does not see a grade yet (the manager's may still change). */
    private static final Set<String> BEFORE_CALIBRATION = Set.of(ReviewStatus.COLLECTED.name(),
            ReviewStatus.SELF_ASSESSED.name(), ReviewStatus.SELF_ASSESSMENT_MISSED.name(), ReviewStatus.MANAGER_REVIEWED.name());

    private final PerformanceMapper mapper;

    PerformanceResults(PerformanceMapper mapper) {
        this.mapper = mapper;
    }

    public List<Result> ofPeriod(YearMonth period) {
        return mapper.reviewsOfPeriod(period.toString()).stream().map(r -> result(r, true)).toList();
    }

    /** An employee's own reviews, newest first. */
    public List<Result> ofEmployee(String employee, boolean fullView) {
        return mapper.reviewsOfEmployee(employee).stream().map(r -> result(r, fullView)).toList();
    }

    private Result result(Review r, boolean fullView) {
        boolean graded = fullView || !BEFORE_CALIBRATION.contains(r.status());
        Kpis kpis = r.collectedAt() == null ? null : new Kpis(r.tasksCompleted(), r.waitP50Seconds(), r.waitP90Seconds(),
                r.deadlinesBreached(), r.satisfaction(), r.ratedComplaints(), r.refundsHandled(), r.ticketsSold(),
                r.revenue(), r.kpiMethod());
        return new Result(r.period(), r.employee(), r.staffGroup(), r.status(), kpis,
                new Scores(r.selfResults(), r.selfAttitude(), r.selfAbility(), r.selfComment()),
                graded ? new Scores(r.managerResults(), r.managerAttitude(), r.managerAbility(), r.managerComment()) : null,
                graded ? r.reviewedBy() : null, graded ? r.suggestedGrade() : null, graded ? r.gradesTableVersion() : null,
                graded ? r.grade() : null, r.coefficient(), r.bonus(), r.promotionEligible(), graded ? r.trainingNeeds() : null,
                r.planGoals(), r.planReviewDate(), r.acknowledgement(), r.appealReason(),
                graded ? mapper.gradeChanges(r.id()) : List.of());
    }

    /** A period's results as CSV, one line per review; text that could start a formula is defused. */
    public String csv(YearMonth period) {
        StringBuilder out = new StringBuilder("period,employee,group,status,tasks_completed,wait_p50_hours,wait_p90_hours,"
                + "deadlines_breached,satisfaction,rated_complaints,refunds_handled,tickets_sold,revenue,self_results,"
                + "self_attitude,self_ability,manager_results,manager_attitude,manager_ability,suggested_grade,grade,"
                + "coefficient,bonus,promotion_eligible,training_needs\n");
        for (Review r : mapper.reviewsOfPeriod(period.toString())) {
            Object[] values = {r.period(), r.employee(), r.staffGroup(), r.status(), r.tasksCompleted(),
                    r.waitP50Seconds() == null ? null : KpiCollector.hours(r.waitP50Seconds()),
                    r.waitP90Seconds() == null ? null : KpiCollector.hours(r.waitP90Seconds()), r.deadlinesBreached(),
                    r.satisfaction(), r.ratedComplaints(), r.refundsHandled(), r.ticketsSold(), r.revenue(), r.selfResults(),
                    r.selfAttitude(), r.selfAbility(), r.managerResults(), r.managerAttitude(), r.managerAbility(),
                    r.suggestedGrade(), r.grade(), r.coefficient(), r.bonus(), r.promotionEligible(), r.trainingNeeds()};
            for (int i = 0; i < values.length; i++) {
                out.append(i == 0 ? "" : ",").append(values[i] instanceof String s ? Csv.cell(s) : values[i] == null ? "" : values[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

}

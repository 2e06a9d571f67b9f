package org.ticketops.performance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.web.Display;

/**
 * What each review form shows, as task-local variables: the review's title, its KPIs with how each was computed, the
 * scores so far, the grade and its changes; for calibration the whole cycle. Only the review's own figures go into an
 * employee's task, so nobody sees another's KPIs, scores or grade.
 */
@Component
class PerformanceTaskContext {

    private final PerformanceReviews reviews;
    private final PerformanceCalibration calibration;
    private final PerformanceMapper mapper;
    private final PerformanceProperties properties;

    PerformanceTaskContext(PerformanceReviews reviews, PerformanceCalibration calibration, PerformanceMapper mapper,
                           PerformanceProperties properties) {
        this.reviews = reviews;
        this.calibration = calibration;
        this.mapper = mapper;
        this.properties = properties;
    }

    String taskName(String name, Review review) {
        return (name == null ? "Task" : name.split(" · ")[0]) + " · " + review.employee() + " · " + review.period();
    }

    Map<String, Object> review(long id) {
        Review r = reviews.review(id);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("reviewTitle", "Performance review of " + r.employee() + " · " + Display.words(r.staffGroup()) + " · "
                + r.period());
        form.put("kpiSummary", kpis(r));
        form.put("kpiMethod", r.kpiMethod() == null ? "" : r.kpiMethod().replace("\n", "\n\n"));
        form.put("selfSummary", r.selfResults() == null ? (r.status().equals(ReviewStatus.COLLECTED.name())
                ? "Not done yet." : "Not done within " + properties.selfAssessmentTime().toDays() + " days; the review went on without it.")
                : scores(r.selfResults(), r.selfAttitude(), r.selfAbility()) + comment(r.selfComment()));
        form.put("managerSummary", r.grade() == null ? "Not reviewed yet." : scores(r.managerResults(), r.managerAttitude(),
                r.managerAbility()) + " · by " + r.reviewedBy() + "\n\nSuggested by the grades table (v" + r.gradesTableVersion()
                + "): **" + r.suggestedGrade() + "** · grade now: **" + r.grade() + "**" + comment(r.managerComment())
                + (r.trainingNeeds() == null ? "" : "\n\nTraining needs: " + r.trainingNeeds()) + changes(id)
                + (r.grade() == null ? "" : "\n\nBonus at this grade: " + Display.money(properties.bonus(r.staffGroup(), r.grade()))
                + " (base " + Display.money(properties.baseBonus().get(r.staffGroup())) + " × "
                + properties.coefficients().get(r.grade()) + ")"));
        form.put("appealSummary", r.appealReason() == null ? "No appeal." : "Appeal by " + r.employee() + ": "
                + r.appealReason() + (r.appealReview() == null ? "" : "\n\nHR's review: " + r.appealReview()));
        form.replaceAll((key, value) -> value instanceof String text ? Display.formText(text) : value);
        return form;
    }

    Map<String, Object> calibration(long cycleId) {
        PerformanceCalibration.Figures f = calibration.figures(cycleId);
        StringBuilder text = new StringBuilder("| Grade | Reviews | Share | Target |\n|---|---|---|---|\n");
        for (Grade g : Grade.values()) {
            int n = f.grades().get(g);
            text.append("| ").append(g).append(" | ").append(n).append(" | ")
                    .append(PerformanceCalibration.percent(n, f.reviews())).append(" % | ")
                    .append(f.target().get(g)).append(" % |\n");
        }
        text.append("\n| Group | Members | A / B / C / D | Bonuses | Pool |\n|---|---|---|---|---|\n");
        for (PerformanceCalibration.GroupFigures g : f.groups()) {
            text.append("| ").append(Display.words(g.group())).append(" | ").append(g.members()).append(" | ")
                    .append(g.grades().values().stream().map(String::valueOf).collect(Collectors.joining(" / ")))
                    .append(" | ").append(Display.money(g.bonuses())).append(g.overPool() ? " (over)" : "").append(" | ")
                    .append(Display.money(g.pool())).append(" |\n");
        }
        List<Review> all = mapper.reviewsOfCycle(cycleId);
        List<String> rows = all.stream().map(r -> "| " + r.employee() + " | " + Display.words(r.staffGroup()) + " | "
                + r.managerResults() + "/" + r.managerAttitude() + "/" + r.managerAbility() + " | " + r.suggestedGrade()
                + " | **" + r.grade() + "** | " + r.tasksCompleted() + " | " + KpiCollector.hours(r.waitP90Seconds()) + " h | "
                + r.deadlinesBreached() + " |\n").toList();
        String list = Display.formTable("| Employee | Group | Manager (R/A/A) | Suggested | Grade | Tasks | p90 wait | Breaches |\n"
                + "|---|---|---|---|---|---|---|---|\n", rows, shown -> "The first " + shown + " of " + rows.size()
                + " reviews are shown; all: GET /api/performance/results?period=" + (all.isEmpty() ? "" : all.get(0).period()));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("calibrationTitle", "Calibration of " + (all.isEmpty() ? "" : all.get(0).period()) + " · " + f.reviews()
                + " reviews");
        form.put("calibrationSummary", text.toString());
        form.put("calibrationReviews", list);
        return form;
    }

    private String kpis(Review r) {
        return "| KPI | Value |\n|---|---|\n"
                + "| Tasks completed | " + r.tasksCompleted() + " |\n"
                + "| Wait p50 / p90 | " + KpiCollector.hours(r.waitP50Seconds()) + " h / " + KpiCollector.hours(r.waitP90Seconds()) + " h |\n"
                + "| Deadlines breached | " + r.deadlinesBreached() + " |\n"
                + "| Satisfaction | " + (r.satisfaction() == null ? "no rating" : r.satisfaction() + " of 5 (" + r.ratedComplaints()
                + " rated)") + " |\n"
                + "| Refunds handled | " + r.refundsHandled() + " |\n"
                + "| Tickets sold | " + r.ticketsSold() + " |\n"
                + "| Revenue | " + Display.money(r.revenue() == null ? BigDecimal.ZERO : r.revenue()) + " |\n";
    }

    private String changes(long id) {
        List<GradeChange> changes = reviews.gradeChanges(id);
        return changes.isEmpty() ? "" : "\n\nGrade changes: " + changes.stream().map(c -> Display.words(c.stage()) + " "
                + c.fromGrade() + " → " + c.toGrade() + " by " + c.changedBy() + " (" + c.reason() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String scores(Integer results, Integer attitude, Integer ability) {
        return "Results " + results + " · attitude " + attitude + " · ability " + ability;
    }

    private static String comment(String text) {
        return text == null ? "" : "\n\nComment: " + text;
    }
}

package org.ticketops.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.CaseService;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * The steps of one staff member's review. Each moves the review's case (which refuses a step out of order) and fills
 * its fields with a conditional update; the employee's steps only the employee may take, and nobody takes the
 * manager's or an appeal's step on their own review.
 */
@Service
public class PerformanceReviews {

    static final int MIN_DIFFERING_COMMENT = 20;
    private final PerformanceMapper mapper;
    private final CaseService cases;
    private final PerformanceReviewCase reviewCase;
    private final KpiCollector kpis;
    private final DecisionService decisions;
    private final PerformanceGradesTable grades;
    private final PerformanceProperties properties;
    private final java.time.Clock clock;

    PerformanceReviews(PerformanceMapper mapper, CaseService cases, PerformanceReviewCase reviewCase, KpiCollector kpis,
                       DecisionService decisions, PerformanceGradesTable grades, PerformanceProperties properties,
                       java.time.Clock clock) {
        this.mapper = mapper;
        this.cases = cases;
        this.reviewCase = reviewCase;
        this.kpis = kpis;
        this.decisions = decisions;
        this.grades = grades;
        this.properties = properties;
        this.clock = clock;
    }

    public Review review(long id) {
        Review review = mapper.review(id);
        if (review == null) {
            throw new NotFound("performance review", id);
        }
        return review;
    }

    public List<GradeChange> gradeChanges(long id) {
        return mapper.gradeChanges(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Kpis collect(long id) {
        Review review = review(id);
        Kpis collected = kpis.collect(review.employee(), YearMonth.parse(review.period()));
        mapper.storeKpis(id, collected, clock.instant());
        return collected;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void selfAssess(long id, Integer results, Integer attitude, Integer ability, String comment, String user) {
        Review review = review(id);
        onlyTheEmployee(review, user, "assess themselves");
        int r = score("selfResults", results);
        int a = score("selfAttitude", attitude);
        int b = score("selfAbility", ability);
        move(review, ReviewStatus.SELF_ASSESSED, user, "self-assessment done");
        mapper.selfAssess(id, r, a, b, limit("selfComment", comment, 2000));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void selfAssessmentMissed(long id) {
        move(review(id), ReviewStatus.SELF_ASSESSMENT_MISSED, "system",
                "no self-assessment within " + properties.selfAssessmentTime().toDays() + " days; the review goes on without it");
    }

    /** The grade the table suggests for these scores, with the table's version. */
    public Decision<GradeSuggestion> suggest(Review review, int results, int attitude, int ability, String processInstanceId) {
        BigDecimal score = BigDecimal.valueOf(results + attitude + ability).divide(BigDecimal.valueOf(3), 2,
                java.math.RoundingMode.HALF_UP);
        GradeInput input = new GradeInput(review.staffGroup(), score, review.tasksCompleted(),
                KpiCollector.hours(review.waitP90Seconds()), review.deadlinesBreached(),
                review.satisfaction() == null ? BigDecimal.ZERO : review.satisfaction(), review.ratedComplaints(),
                review.ticketsSold(), review.revenue());
        return decisions.decide(grades, null, input, new DecisionSubject(PerformanceReviewCase.TYPE,
                review.businessKey(), processInstanceId));
    }

    /** The manager's scores; the grade is the table's suggestion unless the manager gives another with a comment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Grade managerReview(long id, Integer results, Integer attitude, Integer ability, Grade grade, String comment,
                               String trainingNeeds, String user, String processInstanceId) {
        Review review = review(id);
        notOnTheirOwn(review, user, "review");
        int r = score("managerResults", results);
        int a = score("managerAttitude", attitude);
        int b = score("managerAbility", ability);
        Decision<GradeSuggestion> suggestion = suggest(review, r, a, b, processInstanceId);
        Grade suggested = suggestion.output().grade();
        Grade given = grade == null ? suggested : grade;
        String why = limit("managerComment", comment, 2000);
        if (given != suggested && (why == null || why.length() < MIN_DIFFERING_COMMENT)) {
            throw new InvalidField("managerComment", "giving " + given + " instead of the suggested " + suggested
                    + " needs a comment of at least " + MIN_DIFFERING_COMMENT + " characters");
        }
        move(review, ReviewStatus.MANAGER_REVIEWED, user, "manager's grade " + given);
        mapper.managerReview(id, r, a, b, why, user, suggested, suggestion.tableVersion().version(), given,
                limit("trainingNeeds", trainingNeeds, 1000));
        if (given != suggested) {
            mapper.insertGradeChange(new GradeChange(id, "MANAGER_REVIEW", suggested, given, user, why, clock.instant()));
        }
        return given;
    }

    /** HR's grade in calibration (only after the manager's review, and only from the grade HR saw). */
    @Transactional(propagation = Propagation.MANDATORY)
    void calibrate(Review review, Grade to, String reason, String user) {
        if (to != null && to != review.grade()) {
            notOnTheirOwn(review, user, "calibrate");
            if (mapper.changeGrade(review.id(), review.grade(), to) != 1) {
                throw new InvalidField("gradeChanges", review.employee() + "'s grade changed meanwhile");
            }
            mapper.insertGradeChange(new GradeChange(review.id(), "CALIBRATION", review.grade(), to, user, reason,
                    clock.instant()));
        }
        move(review, ReviewStatus.CALIBRATED, user, to != null && to != review.grade()
                ? "calibrated from " + review.grade() + " to " + to : "calibrated: " + review.grade());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void plan(long id, String goals, LocalDate reviewDate, String trainingNeeds, String user) {
        Review review = review(id);
        notOnTheirOwn(review, user, "plan the improvement of");
        String g = required("planGoals", limit("planGoals", goals, 2000));
        if (reviewDate == null || !reviewDate.isAfter(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))) {
            throw new InvalidField("planReviewDate", "is required and must be in the future");
        }
        String training = required("planTrainingNeeds", limit("planTrainingNeeds", trainingNeeds, 1000));
        move(review, ReviewStatus.IMPROVEMENT_PLANNED, user, "improvement plan until " + reviewDate);
        if (mapper.plan(id, g, reviewDate, training) != 1) {
            throw new InvalidField("planGoals", "an improvement plan is for grade D only, once");
        }
    }

    /** ACCEPT or APPEAL (with reasons) by the employee; null = silence, which accepts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String acknowledge(long id, String answer, String reason, String user) {
        Review review = review(id);
        if (answer == null) {
            move(review, ReviewStatus.ACCEPTED, "system", "no answer within " + properties.acknowledgeTime().toDays()
                    + " days: accepted");
            mapper.acknowledge(id, "SILENT", null);
            return "ACCEPT";
        }
        onlyTheEmployee(review, user, "acknowledge");
        if (!answer.equals("ACCEPT") && !answer.equals("APPEAL")) {
            throw new InvalidField("acknowledgement", "must be ACCEPT or APPEAL");
        }
        String why = limit("appealReason", reason, 2000);
        if (answer.equals("APPEAL") && (why == null || why.length() < MIN_DIFFERING_COMMENT)) {
            throw new InvalidField("appealReason", "an appeal needs reasons of at least " + MIN_DIFFERING_COMMENT + " characters");
        }
        move(review, answer.equals("ACCEPT") ? ReviewStatus.ACCEPTED : ReviewStatus.APPEALED, user,
                answer.equals("ACCEPT") ? "accepted" : "appealed");
        mapper.acknowledge(id, answer, answer.equals("APPEAL") ? why : null);
        return answer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void reviewAppeal(long id, String recommendation, String user) {
        Review review = review(id);
        notOnTheirOwn(review, user, "review the appeal of");
        String text = required("appealReview", limit("appealReview", recommendation, 2000));
        move(review, ReviewStatus.APPEAL_REVIEWED, user, "appeal reviewed by HR");
        mapper.appealReviewed(id, text);
    }

    /** The general manager's final word: KEEP or CHANGE to another grade, with a comment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Grade decideAppeal(long id, String decision, Grade grade, String comment, String user) {
        Review review = review(id);
        notOnTheirOwn(review, user, "decide the appeal of");
        String why = required("appealComment", limit("appealComment", comment, 2000));
        if (!"KEEP".equals(decision) && !"CHANGE".equals(decision)) {
            throw new InvalidField("appealDecision", "must be KEEP or CHANGE");
        }
        Grade result = review.grade();
        if (decision.equals("CHANGE")) {
            if (grade == null || grade == review.grade()) {
                throw new InvalidField("appealGrade", "changing the grade needs a grade other than " + review.grade());
            }
            if (mapper.changeGrade(id, review.grade(), grade) != 1) {
                throw new InvalidField("appealGrade", "the grade changed meanwhile");
            }
            mapper.insertGradeChange(new GradeChange(id, "APPEAL", review.grade(), grade, user, why, clock.instant()));
            result = grade;
        }
        move(review, ReviewStatus.APPEAL_DECIDED, user, decision.equals("KEEP") ? "appeal decided: grade " + result
                + " kept" : "appeal decided: grade changed to " + result);
        return result;
    }

    /** The result: the final grade's coefficient and bonus, promotion eligibility (two A in the last three cycles). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Review record(long id) {
        Review review = review(id);
        BigDecimal coefficient = properties.coefficients().get(review.grade());
        BigDecimal base = properties.baseBonus().get(review.staffGroup());
        long as = mapper.lastGrades(review.employee(), review.period()).stream().filter(g -> g == Grade.A).count();
        move(review, ReviewStatus.RECORDED, "system", "result recorded: grade " + review.grade());
        mapper.record(id, coefficient, base, properties.bonus(review.staffGroup(), review.grade()), as >= 2, clock.instant());
        return review(id);
    }

    private void move(Review review, ReviewStatus to, String user, String reason) {
        cases.move(reviewCase, review.caseId(), to.name(), user, reason);
    }

    static void onlyTheEmployee(Review review, String user, String step) {
        if (user == null || !user.equals(review.employee())) {
            throw new PerformanceProblems.NotYours("only " + review.employee() + " may " + step + " in their review "
                    + review.businessKey());
        }
    }

    static void notOnTheirOwn(Review review, String user, String step) {
        if (user != null && user.equals(review.employee())) {
            throw new PerformanceProblems.NotYours(user + " may not " + step + " their own review " + review.businessKey()
                    + ": another person must");
        }
    }

    private static int score(String field, Integer value) {
        if (value == null || value < 1 || value > 5) {
            throw new InvalidField(field, "is required, a whole score from 1 to 5");
        }
        return value;
    }

    static String limit(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new InvalidField(field, "is longer than " + max + " characters");
        }
        return t;
    }

    private static String required(String field, String text) {
        if (text == null) {
            throw new InvalidField(field, "is required");
        }
        return text;
    }
}

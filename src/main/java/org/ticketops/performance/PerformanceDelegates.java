package org.ticketops.performance;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.web.InvalidField;

/**
 * The steps of {@code processes/performance-review.bpmn}. The process holds the cycle's id and its reviews' ids; each
 * review's sub-process holds its own {@code reviewId}; the rows hold the data. A form's fields are recorded by the step
 * and then removed, so that one review's answers never reach another's form.
 */
@Configuration(proxyBeanMethods = false)
class PerformanceDelegates {

    static final String CYCLE_ID = "cycleId";
    static final String REVIEW_ID = "reviewId";
    static final List<String> SELF_FIELDS = List.of("selfResults", "selfAttitude", "selfAbility", "selfComment");
    static final List<String> MANAGER_FIELDS = List.of("managerResults", "managerAttitude", "managerAbility", "managerGrade",
            "managerComment", "trainingNeeds");
    static final List<String> CALIBRATION_FIELDS = List.of("gradeChanges", "overrunConfirmed", "overrunReason");
    static final List<String> PLAN_FIELDS = List.of("planGoals", "planReviewDate", "planTrainingNeeds");
    static final List<String> ACKNOWLEDGE_FIELDS = List.of("acknowledgement", "appealReason");
    static final List<String> APPEAL_REVIEW_FIELDS = List.of("appealReview");
    static final List<String> APPEAL_FIELDS = List.of("appealDecision", "appealGrade", "appealComment");

    /** Only the API or the schedule starts a cycle: with the period and user they hand over, and no variables. */
    @Bean
    JavaDelegate registerPerformanceCycle(PerformanceCycles cycles) {
        return execution -> {
            PerformanceCycles.Pending pending = ProcessIntake.take(PerformanceCycleCase.PROCESS_KEY, PerformanceCycles.Pending.class)
                    .orElseThrow(() -> new InvalidField("period", "a performance cycle is started over the API or by its schedule"));
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            if (!sent.isEmpty()) {
                throw new InvalidField("variables", "a performance cycle starts with none, got " + sent);
            }
            List<Long> reviews = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null
                    ? cycles.register(pending.period(), pending.user(), execution.getProcessInstanceId())
                    : org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(
                            () -> cycles.register(pending.period(), pending.user(), execution.getProcessInstanceId()));
            Cycle cycle = cycles.cycleOf(pending.period()).orElseThrow();
            execution.setProcessBusinessKey(cycle.businessKey());
            execution.setVariable(CYCLE_ID, cycle.id());
            execution.setVariable("period", cycle.period());
            execution.setVariable("reviewIds", reviews.stream().map(String::valueOf).collect(Collectors.joining(",")));
            execution.setVariable("reviewCount", reviews.size());
        };
    }

    @Bean
    JavaDelegate collectKpis(PerformanceReviews reviews) {
        return execution -> reviews.collect(reviewId(execution));
    }

    @Bean
    TaskListener reviewTaskCreated(PerformanceReviews reviews, PerformanceTaskContext context, PerformanceProperties properties) {
        return task -> {
            Review review = reviews.review(reviewId(task));
            task.setName(context.taskName(task.getName(), review));
            context.review(review.id()).forEach(task::setVariableLocal);
            java.time.Duration time = "selfAssessment".equals(task.getTaskDefinitionKey()) ? properties.selfAssessmentTime()
                    : "acknowledgeResult".equals(task.getTaskDefinitionKey()) ? properties.acknowledgeTime() : null;
            if (time != null) { // Tasklist shows when the employee's time runs out (the timer on the task acts then)
                task.setDueDate(java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                        .plus(time)));
            }
        };
    }

    @Bean
    TaskListener selfAssessmentRecorded(PerformanceReviews reviews) {
        return task -> {
            reviews.selfAssess(reviewId(task), score(task, "selfResults"), score(task, "selfAttitude"),
                    score(task, "selfAbility"), text(task, "selfComment"), actor(task));
            task.removeVariables(SELF_FIELDS);
        };
    }

    @Bean
    JavaDelegate recordSelfAssessmentMissed(PerformanceReviews reviews) {
        return execution -> reviews.selfAssessmentMissed(reviewId(execution));
    }

    @Bean
    TaskListener managerReviewRecorded(PerformanceReviews reviews) {
        return task -> {
            reviews.managerReview(reviewId(task), score(task, "managerResults"), score(task, "managerAttitude"),
                    score(task, "managerAbility"), grade(task, "managerGrade"), text(task, "managerComment"),
                    text(task, "trainingNeeds"), actor(task), task.getProcessInstanceId());
            task.removeVariables(MANAGER_FIELDS);
        };
    }

    @Bean
    TaskListener calibrationTaskCreated(PerformanceTaskContext context) {
        return task -> {
            task.setName("Calibrate grades · " + task.getVariable("period"));
            context.calibration(cycleId(task)).forEach(task::setVariableLocal);
        };
    }

    @Bean
    TaskListener calibrationRecorded(PerformanceCalibration calibration) {
        return task -> {
            Object confirmed = task.getVariable("overrunConfirmed");
            calibration.calibrate(cycleId(task), text(task, "gradeChanges"), confirmed != null && Boolean.parseBoolean(confirmed.toString()),
                    text(task, "overrunReason"), actor(task));
            task.removeVariables(CALIBRATION_FIELDS);
        };
    }

    @Bean
    TaskListener improvementPlanRecorded(PerformanceReviews reviews) {
        return task -> {
            LocalDate date;
            try {
                String raw = text(task, "planReviewDate");
                date = raw == null ? null : LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
            } catch (DateTimeParseException e) {
                throw new InvalidField("planReviewDate", "must be a date (YYYY-MM-DD)");
            }
            reviews.plan(reviewId(task), text(task, "planGoals"), date, text(task, "planTrainingNeeds"), actor(task));
            task.removeVariables(PLAN_FIELDS);
        };
    }

    @Bean
    TaskListener acknowledgementRecorded(PerformanceReviews reviews) {
        return task -> {
            reviews.acknowledge(reviewId(task), required(task, "acknowledgement"), text(task, "appealReason"), actor(task));
            task.removeVariables(ACKNOWLEDGE_FIELDS);
        };
    }

    /** Silence accepts: the time to answer ran out. */
    @Bean
    JavaDelegate acceptResultSilently(PerformanceReviews reviews) {
        return execution -> reviews.acknowledge(reviewId(execution), null, null, null);
    }

    @Bean
    TaskListener appealReviewRecorded(PerformanceReviews reviews) {
        return task -> {
            reviews.reviewAppeal(reviewId(task), text(task, "appealReview"), actor(task));
            task.removeVariables(APPEAL_REVIEW_FIELDS);
        };
    }

    @Bean
    TaskListener appealDecided(PerformanceReviews reviews) {
        return task -> {
            reviews.decideAppeal(reviewId(task), required(task, "appealDecision"), grade(task, "appealGrade"),
                    text(task, "appealComment"), actor(task));
            task.removeVariables(APPEAL_FIELDS);
        };
    }

    @Bean
    JavaDelegate recordReviewResult(PerformanceReviews reviews) {
        return execution -> reviews.record(reviewId(execution));
    }

    @Bean
    JavaDelegate closePerformanceCycle(PerformanceCycles cycles) {
        return execution -> cycles.close(cycleId(execution));
    }

    static long reviewId(VariableScope scope) {
        return Long.parseLong(scope.getVariable(REVIEW_ID).toString());
    }

    static long cycleId(VariableScope scope) {
        return ((Number) scope.getVariable(CYCLE_ID)).longValue();
    }

    private static Integer score(DelegateTask task, String name) {
        String raw = text(task, name);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole score from 1 to 5");
        }
    }

    private static Grade grade(DelegateTask task, String name) {
        String raw = text(task, name);
        if (raw == null) {
            return null;
        }
        try {
            return Grade.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be A, B, C or D");
        }
    }

    private static String required(DelegateTask task, String name) {
        String raw = text(task, name);
        if (raw == null) {
            throw new InvalidField(name, "is required");
        }
        return raw;
    }


    /** What the gateways of a review route on, read from the review itself (public: EL calls it). */
    @Bean("reviewRouting")
    ReviewRouting reviewRouting(PerformanceReviews reviews) {
        return new ReviewRouting(reviews);
    }

    public static class ReviewRouting {
        private final PerformanceReviews reviews;

        ReviewRouting(PerformanceReviews reviews) {
            this.reviews = reviews;
        }

        /** The reviewed employee, to whom their own tasks are assigned. */
        public String employee(Object reviewId) {
            return reviews.review(Long.parseLong(reviewId.toString())).employee();
        }

        public boolean gradeD(Object reviewId) {
            return reviews.review(Long.parseLong(reviewId.toString())).grade() == Grade.D;
        }

        public boolean appealed(Object reviewId) {
            return "APPEAL".equals(reviews.review(Long.parseLong(reviewId.toString())).acknowledgement());
        }
    }

    /** The timers' durations from {@code ticketops.performance.*} (public: EL calls it). */
    @Bean("performanceTimes")
    Times performanceTimes(PerformanceProperties properties) {
        return new Times(properties);
    }

    public static class Times {
        private final PerformanceProperties properties;

        Times(PerformanceProperties properties) {
            this.properties = properties;
        }

        public String selfAssessment() {
            return properties.selfAssessmentTime().toString();
        }

        public String acknowledge() {
            return properties.acknowledgeTime().toString();
        }
    }

}

package org.ticketops.performance;

import static org.ticketops.performance.ReviewStatus.ACCEPTED;
import static org.ticketops.performance.ReviewStatus.APPEALED;
import static org.ticketops.performance.ReviewStatus.APPEAL_DECIDED;
import static org.ticketops.performance.ReviewStatus.APPEAL_REVIEWED;
import static org.ticketops.performance.ReviewStatus.CALIBRATED;
import static org.ticketops.performance.ReviewStatus.COLLECTED;
import static org.ticketops.performance.ReviewStatus.IMPROVEMENT_PLANNED;
import static org.ticketops.performance.ReviewStatus.MANAGER_REVIEWED;
import static org.ticketops.performance.ReviewStatus.RECORDED;
import static org.ticketops.performance.ReviewStatus.SELF_ASSESSED;
import static org.ticketops.performance.ReviewStatus.SELF_ASSESSMENT_MISSED;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.casework.CaseDefinition;

/**
 * One staff member's review as a case of its own, inside its cycle's process instance: each step may only follow the
 * one before it (a grade is changed in calibration only after the manager's review, an appeal decided only after HR
 * reviewed it), and every move is a transition row with who and why.
 */
@Component
class PerformanceReviewCase implements CaseDefinition {

    static final String TYPE = "PERFORMANCE_REVIEW";

    static String businessKey(java.time.YearMonth period, String employee) {
        String key = "PR-" + period + "-" + employee;
        return key.length() <= 64 ? key : key.substring(0, 64);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String processKey() {
        return PerformanceCycleCase.PROCESS_KEY;
    }

    @Override
    public String initialStatus() {
        return COLLECTED.name();
    }

    @Override
    public Map<String, Set<String>> transitions() {
        Map<String, Set<String>> moves = new LinkedHashMap<>();
        moves.put(COLLECTED.name(), names(SELF_ASSESSED, SELF_ASSESSMENT_MISSED));
        moves.put(SELF_ASSESSED.name(), names(MANAGER_REVIEWED));
        moves.put(SELF_ASSESSMENT_MISSED.name(), names(MANAGER_REVIEWED));
        moves.put(MANAGER_REVIEWED.name(), names(CALIBRATED));
        moves.put(CALIBRATED.name(), names(IMPROVEMENT_PLANNED, ACCEPTED, APPEALED));
        moves.put(IMPROVEMENT_PLANNED.name(), names(ACCEPTED, APPEALED));
        moves.put(APPEALED.name(), names(APPEAL_REVIEWED));
        moves.put(APPEAL_REVIEWED.name(), names(APPEAL_DECIDED));
        moves.put(ACCEPTED.name(), names(RECORDED));
        moves.put(APPEAL_DECIDED.name(), names(RECORDED));
        return moves;
    }

    private static Set<String> names(ReviewStatus... statuses) {
        return Arrays.stream(statuses).map(Enum::name).collect(Collectors.toSet());
    }
}

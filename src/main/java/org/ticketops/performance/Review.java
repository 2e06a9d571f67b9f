package org.ticketops.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One staff member's review of a period, as it stands; its status is its case's. */
public record Review(long id, long cycleId, String period, long caseId, String businessKey, String status,
                     String employee, StaffGroup staffGroup,
                     Integer tasksCompleted, Long waitP50Seconds, Long waitP90Seconds, Integer deadlinesBreached,
                     BigDecimal satisfaction, Integer ratedComplaints, Integer refundsHandled, Integer ticketsSold,
                     BigDecimal revenue, String kpiMethod, Instant collectedAt,
                     Integer selfResults, Integer selfAttitude, Integer selfAbility, String selfComment,
                     Integer managerResults, Integer managerAttitude, Integer managerAbility, String managerComment,
                     String reviewedBy, Grade suggestedGrade, Integer gradesTableVersion, Grade grade, String trainingNeeds,
                     String planGoals, LocalDate planReviewDate, String acknowledgement, String appealReason,
                     String appealReview, BigDecimal coefficient, BigDecimal baseBonus, BigDecimal bonus,
                     Boolean promotionEligible, Instant recordedAt) {

    boolean selfAssessed() {
        return selfResults != null;
    }

    /** The mean of the manager's three scores, two decimals. */
    BigDecimal managerScore() {
        return BigDecimal.valueOf(managerResults + managerAttitude + managerAbility)
                .divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.HALF_UP);
    }
}

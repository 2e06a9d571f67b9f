package org.ticketops.performance;

/** Where one staff member's review stands; {@link PerformanceReviewCase} allows the moves between them. */
enum ReviewStatus {
    COLLECTED, SELF_ASSESSED, SELF_ASSESSMENT_MISSED, MANAGER_REVIEWED, CALIBRATED, IMPROVEMENT_PLANNED,
    ACCEPTED, APPEALED, APPEAL_REVIEWED, APPEAL_DECIDED, RECORDED
}

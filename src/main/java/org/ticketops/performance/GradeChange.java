package org.ticketops.performance;

import java.time.Instant;

/** A grade changed at a stage of the review, by whom and why. */
public record GradeChange(long reviewId, String stage, Grade fromGrade, Grade toGrade, String changedBy, String reason,
                          Instant changedAt) {
}

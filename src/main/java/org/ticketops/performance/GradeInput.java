package org.ticketops.performance;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What the performance-grades table looks at: the member's group, the mean of the manager's three scores (1–5) and
 * the period's KPIs. {@code satisfaction} is 0 when no complaint they handled was rated ({@code ratedComplaints} 0).
 */
public record GradeInput(@NotNull StaffGroup group, @NotNull @DecimalMin("1") @DecimalMax("5") BigDecimal managerScore,
                         @Min(0) int tasksCompleted, @NotNull @DecimalMin("0") BigDecimal p90WaitHours,
                         @Min(0) int deadlinesBreached, @NotNull @DecimalMin("0") @DecimalMax("5") BigDecimal satisfaction,
                         @Min(0) int ratedComplaints, @Min(0) int ticketsSold, @NotNull @DecimalMin("0") BigDecimal revenue) {
}

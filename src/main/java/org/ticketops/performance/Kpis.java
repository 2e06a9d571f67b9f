package org.ticketops.performance;

import java.math.BigDecimal;

/**
 * One staff member's figures for a period, from the engine's history and the center's tables; {@code method} says in
 * words how each was computed (shown in every form of the review and stored with it).
 *
 * @param satisfaction mean score (1–5) of the rated complaints they handled; null when none was rated
 */
public record Kpis(int tasksCompleted, long waitP50Seconds, long waitP90Seconds, int deadlinesBreached,
                   BigDecimal satisfaction, int ratedComplaints, int refundsHandled, int ticketsSold, BigDecimal revenue,
                   String method) {
}

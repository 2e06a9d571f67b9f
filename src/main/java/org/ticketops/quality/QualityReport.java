package org.ticketops.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service-quality figures of a period: complaints by category, severity, root cause and channel; on-time rates of
 * the first response and the resolution (of those due); the mean time to resolve in hours, paused time excluded;
 * satisfaction and NPS with their distributions; repeat complainants; the top root causes per category; complaints by
 * week; the survey response rate. A rate or mean without anything to measure is null.
 */
public record QualityReport(Instant from, Instant to, int complaints, Map<String, Long> byCategory,
                            Map<String, Long> bySeverity, Map<String, Long> byRootCause, Map<String, Long> byChannel,
                            BigDecimal firstResponseOnTimeRate, BigDecimal resolutionOnTimeRate,
                            BigDecimal meanHoursToResolve, BigDecimal meanSatisfaction, Map<Integer, Long> satisfaction,
                            BigDecimal nps, Map<Integer, Long> npsScores, int repeatComplainants,
                            Map<String, List<String>> topRootCausesByCategory, Map<String, Long> byWeek,
                            int surveysSent, int surveysAnswered, BigDecimal surveyResponseRate) {
}

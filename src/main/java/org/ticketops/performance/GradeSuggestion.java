package org.ticketops.performance;

/** The grade the performance-grades table suggests. */
public record GradeSuggestion(Grade grade) {
}

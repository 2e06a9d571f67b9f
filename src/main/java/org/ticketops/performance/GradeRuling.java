package org.ticketops.performance;

/** What the row of the performance-grades table that matches writes (its global {@code result}). */
public final class GradeRuling {

    private Grade grade;

    public void setGrade(Grade grade) {
        this.grade = grade;
    }

    GradeSuggestion suggestion() {
        return grade == null ? null : new GradeSuggestion(grade);
    }
}

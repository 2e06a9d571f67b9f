package org.ticketops.performance;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** What performance reviews refuse, each with its code. */
final class PerformanceProblems {

    private PerformanceProblems() {
    }

    /** A second cycle for a period: 409. */
    static final class CycleExists extends ProblemException {
        CycleExists(String period) {
            super(Kind.CONFLICT, "CYCLE_EXISTS", "Cycle already started",
                    "A performance cycle for " + period + " was already started; there is one per month.",
                    Map.of("period", period));
        }
    }

    /** A step on someone else's review that only its employee may take, or an employee's step on their own. */
    static final class NotYours extends ProblemException {
        NotYours(String detail) {
            super(Kind.FORBIDDEN, "NOT_YOUR_REVIEW", "Not your step", detail);
        }
    }
}

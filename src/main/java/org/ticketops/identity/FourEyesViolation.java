package org.ticketops.identity;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The four-eyes rule: whoever asked for something may not approve it, and one person may not take two
 * approval steps of the same case. Raised by the process step that records a decision, so Tasklist,
 * the engine's REST API and our own API all refuse it (403 with code {@value #CODE}); it is the
 * engine's {@link AuthorizationException}, which the engine logs at DEBUG and its REST API answers 403.
 */
public class FourEyesViolation extends AuthorizationException {

    public static final String CODE = "FOUR_EYES";

    public FourEyesViolation(String user, String detail) {
        super(CODE + ": " + detail);
    }

    /** Refuses {@code user} when they already acted on the case as {@code earlierRole}. */
    public static void check(String user, String earlierUser, String earlierRole, String step, String caseName) {
        if (user != null && user.equals(earlierUser)) {
            throw new FourEyesViolation(user, user + " " + earlierRole + " " + caseName + " and so may not " + step
                    + " it: another person must (four-eyes rule).");
        }
    }
}

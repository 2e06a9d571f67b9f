package org.ticketops.casework;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** A status change that the case's definition does not allow, or that someone else's change overtook: 409. */
public class TransitionRefused extends ProblemException {

    public TransitionRefused(Case current, String to, String why) {
        super(Kind.CONFLICT, "TRANSITION_NOT_ALLOWED", "Not allowed now",
                current.caseType() + " " + current.businessKey() + " is " + current.status() + " and can't become " + to
                        + ": " + why + ".",
                Map.of("caseStatus", current.status(), "requestedStatus", to));
    }
}

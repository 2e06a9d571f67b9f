package org.ticketops.casework;

import java.util.Map;

import org.ticketops.identity.FourEyesViolation;

/**
 * The four-eyes rule of an approval chain that a decision table decides (procurement, price changes): the requester
 * never approves, and one person approves at most one step of a round. Each capability also backs it with a unique
 * key on (case, round, approver).
 */
public final class ApprovalChain {

    private ApprovalChain() {
    }

    /** Refuses {@code user} if they requested the case or approved another step of this round ({@code step → user}). */
    public static void checkFourEyes(String user, String requester, Map<Integer, String> approvedSteps, String caseKey) {
        FourEyesViolation.check(user, requester, "requested", "approve", caseKey);
        approvedSteps.forEach((step, approver) -> FourEyesViolation.check(user, approver, "approved step " + step + " of",
                "approve another step of", caseKey));
    }
}

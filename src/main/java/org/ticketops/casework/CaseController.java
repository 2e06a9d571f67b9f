package org.ticketops.casework;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.web.NotFound;

/**
 * What the person who started a process reads right after: the case it opened, with its number and
 * outcome so far. Tasklist calls it after a start form is submitted (with its own log-in, see
 * {@code web.TasklistSession}), so the clerk sees "R-000123: refund CNY 3,520.00 after fees ..." rather
 * than only "The process has been started".
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    /** A case as its opener sees it after the start. */
    record StartedCase(String type, String businessKey, String status, String outcome) {
    }

    private final CaseOutcomes outcomes;

    CaseController(CaseOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Operation(summary = "The case a process instance opened, for the user who opened it (404 for anyone else)")
    @GetMapping("/started/{processInstanceId}")
    StartedCase started(@PathVariable String processInstanceId, Principal user) {
        CaseOutcomes.Outcome found = outcomes.ofProcessInstance(processInstanceId)
                .filter(c -> c.openedBy().equals(user.getName()))
                .orElseThrow(() -> new NotFound("case of process instance", processInstanceId));
        return new StartedCase(found.type(), found.businessKey(), found.status(), found.outcome());
    }
}

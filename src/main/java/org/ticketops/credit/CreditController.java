package org.ticketops.credit;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;

@RestController
class CreditController {

    private final CreditService credit;
    private final DecisionService decisions;
    private final CreditTierTable table;

    CreditController(CreditService credit, DecisionService decisions, CreditTierTable table) {
        this.credit = credit;
        this.decisions = decisions;
        this.table = table;
    }

    /** A customer's credit tier now, with the inputs derived from their records. */
    @GetMapping("/api/customers/{id}/credit")
    CreditCheck credit(@PathVariable long id) {
        return credit.check(id);
    }

    /** What the credit-tier table in force decides for given inputs (nothing is stored). */
    @PostMapping("/api/decisions/credit-tiers/evaluate")
    Decision<CreditDecision> evaluate(@Valid @RequestBody CreditInput input) {
        return decisions.evaluate(table, input);
    }
}

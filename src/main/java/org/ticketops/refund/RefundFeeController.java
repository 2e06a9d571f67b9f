package org.ticketops.refund;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;

@RestController
@RequestMapping("/api/decisions/refund-fees")
class RefundFeeController {

    private final DecisionService decisions;
    private final RefundFeeTable table;

    RefundFeeController(DecisionService decisions, RefundFeeTable table) {
        this.decisions = decisions;
        this.table = table;
    }

    /** What the refund-fee table in force decides for one ticket (nothing is stored). */
    @PostMapping("/evaluate")
    Decision<RefundFeeOutput> evaluate(@Valid @RequestBody RefundFeeInput input) {
        return decisions.evaluate(table, input);
    }
}

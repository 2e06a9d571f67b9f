package org.ticketops.pricing;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;

@RestController
class PricingController {

    private final QuoteService quotes;
    private final DecisionService decisions;
    private final DiscountTable discounts;

    PricingController(QuoteService quotes, DecisionService decisions, DiscountTable discounts) {
        this.quotes = quotes;
        this.decisions = decisions;
        this.discounts = discounts;
    }

    /** A price for a customer, with the discount and credit decisions behind it. */
    @PostMapping("/api/quotes")
    Quote quote(@Valid @RequestBody QuoteRequest request) {
        return quotes.quote(request);
    }

    /** What the discount-eligibility table in force decides for given inputs (nothing is stored). */
    @PostMapping("/api/decisions/discount-eligibility/evaluate")
    Decision<DiscountDecision> evaluate(@Valid @RequestBody DiscountInput input) {
        return decisions.evaluate(discounts, input);
    }
}

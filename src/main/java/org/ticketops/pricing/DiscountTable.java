package org.ticketops.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.Rules;

/**
 * {@code rules/discount-eligibility.xlsx}: which discounts a purchase is eligible for (the table), and
 * what is applied (here): the largest non-stackable discount (ties: the first the table lists) plus
 * every stackable one, capped at the table's maximum.
 */
@Component
public class DiscountTable extends DecisionTableDescriptor<DiscountInput, DiscountDecision> {

    public static final String NAME = DecisionTableNames.DISCOUNT_ELIGIBILITY;

    public DiscountTable() {
        super(NAME, "Discount eligibility", DiscountInput.class, DiscountDecision.class);
    }

    @Override
    public DiscountDecision decide(DiscountInput input, Rules rules) {
        DiscountRuling ruling = new DiscountRuling();
        rules.fire(Map.of("result", ruling), input);
        return applied(ruling.eligible(), ruling.maximumPercent());
    }

    static DiscountDecision applied(List<Discount> eligible, Integer maximum) {
        Discount best = null;
        for (Discount discount : eligible) {
            if (!discount.stackable() && (best == null || discount.percent() > best.percent())) {
                best = discount;
            }
        }
        List<String> codes = new ArrayList<>();
        int percent = 0;
        if (best != null) {
            codes.add(best.code());
            percent += best.percent();
        }
        for (Discount discount : eligible) {
            if (discount.stackable()) {
                codes.add(discount.code());
                percent += discount.percent();
            }
        }
        if (maximum != null) {
            percent = Math.min(percent, maximum);
        }
        return new DiscountDecision(eligible, percent, List.copyOf(codes));
    }
}
